// `npm start` where Electron cannot run: when to fall back to the browser, how to open the link,
// and what the user reads (scripts/start-fallback.mjs). The whole path runs in
// tests/e2e/start-fallback.e2e.ts.
import { describe, expect, test } from 'vitest';
import { electronBlocker, fallbackMessage, fallbackPlan } from '../../../scripts/start-fallback.mjs';

describe('npm start browser fallback', () => {
  test('a Linux box without a display cannot show Electron; with one it can', () => {
    expect(electronBlocker({ platform: 'linux', env: {} })).toMatch(/display/);
    expect(electronBlocker({ platform: 'linux', env: { DISPLAY: ':0' } })).toBeNull();
    expect(electronBlocker({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toBeNull();
    expect(electronBlocker({ platform: 'darwin', env: {} })).toBeNull();
    expect(electronBlocker({ platform: 'win32', env: {} })).toBeNull();
  });

  test('falls back unless PIZHU_NO_BROWSER_FALLBACK=1', () => {
    expect(fallbackPlan({ platform: 'linux', env: {} }).fallback).toBe(true);
    expect(fallbackPlan({ platform: 'linux', env: { PIZHU_NO_BROWSER_FALLBACK: '0' } }).fallback).toBe(true);
    expect(fallbackPlan({ platform: 'linux', env: { PIZHU_NO_BROWSER_FALLBACK: '1' } }).fallback).toBe(false);
  });

  test('opens the link with the platform opener, or only prints it', () => {
    expect(fallbackPlan({ platform: 'darwin', env: {} }).opener).toEqual(['open']);
    expect(fallbackPlan({ platform: 'win32', env: {} }).opener?.[0]).toBe('cmd');
    expect(fallbackPlan({ platform: 'linux', env: { DISPLAY: ':0' } }).opener).toEqual(['xdg-open']);
    expect(fallbackPlan({ platform: 'linux', env: { WSL_DISTRO_NAME: 'Ubuntu' } }).opener).toEqual([
      'wslview',
    ]);
    expect(fallbackPlan({ platform: 'linux', env: {} }).opener).toBeNull();
    expect(fallbackPlan({ platform: 'darwin', env: { PIZHU_NO_BROWSER_OPEN: '1' } }).opener).toBeNull();
  });

  test('the message says why, in English and Chinese, and how to turn it off', () => {
    const text = fallbackMessage('no network / 无网络连接').join('\n');
    expect(text).toContain('no network');
    expect(text).toContain('浏览器');
    expect(text).toContain('PIZHU_NO_BROWSER_FALLBACK=1');
  });
});
