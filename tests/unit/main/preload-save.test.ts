// The preload's saveFile: passes the encoding to main (utf-8 by default, base64 for binary
// exports) on the save channel and returns main's answer. 'electron' is mocked: the bridge is
// captured from exposeInMainWorld.
import { describe, expect, it, vi } from 'vitest';
import type { PizhuBridge } from '../../../shared/api';
import { SAVE_FILE_CHANNEL } from '../../../electron/main/envelope';

const invoke = vi.fn((_channel: string, _payload: unknown) =>
  Promise.resolve({ ok: true, result: { saved: true, path: '/tmp/x.xlsx' } }),
);
let bridge: PizhuBridge | null = null;
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (_key: string, value: PizhuBridge) => {
      bridge = value;
    },
  },
  ipcRenderer: { invoke: (channel: string, payload: unknown) => invoke(channel, payload) },
}));

describe('preload saveFile', () => {
  it('sends utf-8 by default and base64 when asked', async () => {
    await import('../../../electron/preload/index');
    expect(bridge).not.toBeNull();
    await expect(bridge!.saveFile('a.csv', 'x,y')).resolves.toEqual({ saved: true, path: '/tmp/x.xlsx' });
    expect(invoke).toHaveBeenLastCalledWith(SAVE_FILE_CHANNEL, {
      suggestedName: 'a.csv',
      content: 'x,y',
      encoding: 'utf-8',
    });
    await bridge!.saveFile('a.xlsx', 'UEsDBA==', 'base64');
    expect(invoke).toHaveBeenLastCalledWith(SAVE_FILE_CHANNEL, {
      suggestedName: 'a.xlsx',
      content: 'UEsDBA==',
      encoding: 'base64',
    });
  });
});
