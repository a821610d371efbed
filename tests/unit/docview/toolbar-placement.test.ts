// The floating code toolbar never hides coded text when there is a free side.
import { describe, expect, test } from 'vitest';
import { placeToolbar } from '../../../renderer/src/views/document/toolbarPlacement';

const viewport = { width: 1280, height: 720 };
const size = { width: 300, height: 40 };
const selection = { left: 400, top: 300, right: 700, bottom: 333 };
/** The line above the selection (33 px lines), coded. */
const lineAbove = { left: 336, top: 267, right: 866, bottom: 300 };
const lineBelow = { left: 336, top: 333, right: 866, bottom: 366 };

describe('placeToolbar', () => {
  test('goes above when nothing coded is there', () => {
    const p = placeToolbar(selection, size, [], viewport);
    expect(p.top + size.height).toBeLessThanOrEqual(selection.top);
  });
  test('goes below when the line above is coded', () => {
    const p = placeToolbar(selection, size, [lineAbove], viewport);
    expect(p.top).toBeGreaterThanOrEqual(selection.bottom);
  });
  test('both sides coded: the side with less coded text under it', () => {
    const p = placeToolbar(selection, size, [lineAbove, lineAbove, { ...lineBelow, right: 420 }], viewport);
    expect(p.top).toBeGreaterThanOrEqual(selection.bottom);
  });
  test('stays in the window', () => {
    const p = placeToolbar({ left: 1200, top: 10, right: 1260, bottom: 40 }, size, [], viewport);
    expect(p.left + size.width).toBeLessThanOrEqual(1272);
    expect(p.top).toBeGreaterThanOrEqual(40);
  });
});
