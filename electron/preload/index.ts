/**
 * Preload: the only bridge between the sandboxed renderer and main. It exposes `window.pizhu`
 * with four members and nothing else — never `ipcRenderer` itself, never Node (Actual's
 * `preload.ts` pattern, checked with `satisfies PizhuBridge`).
 *
 * Built as one CommonJS file (out/preload/index.cjs) with its imports bundled in: a sandboxed
 * preload cannot load ES modules or anything from node_modules, only `require('electron')`.
 *
 * `invoke` refuses method names outside the contract before anything crosses the process
 * boundary, and turns main's reply envelope (see electron/main/envelope.ts) into a value or a
 * rejection with a plain `WireError` object (plain objects cross contextBridge intact; `Error`s
 * lose their fields).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { isApiMethod, type PizhuBridge } from '../../shared/api';
import type { WireError } from '../../shared/errors';
import { API_CHANNEL_PREFIX, SAVE_FILE_CHANNEL, unwrapReply } from '../main/envelope';

/** Any failure of the IPC call itself (not an error reported by the core). */
function transportError(err: unknown): WireError {
  return { code: 'transport-failed', message: err instanceof Error ? err.message : String(err) };
}

async function call(channel: string, payload: unknown): Promise<unknown> {
  let reply: unknown;
  try {
    reply = await ipcRenderer.invoke(channel, payload);
  } catch (err) {
    // A plain WireError on purpose: it crosses contextBridge intact (see the header).
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw transportError(err);
  }
  return unwrapReply(reply);
}

const bridge = {
  invoke(method, input) {
    if (!isApiMethod(method)) {
      const error: WireError = { code: 'unknown-method', message: `Unknown API method: ${String(method)}` };
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- plain WireError, see the header
      return Promise.reject(error);
    }
    return call(API_CHANNEL_PREFIX + method, input);
  },
  async saveFile(suggestedName, content, encoding = 'utf-8') {
    const result = (await call(SAVE_FILE_CHANNEL, { suggestedName, content, encoding })) as {
      saved: boolean;
      path: string | null;
    };
    return { saved: result.saved === true, path: typeof result.path === 'string' ? result.path : null };
  },
  pathForFile(file) {
    // Electron removed File.path; webUtils is the supported way (import provenance only).
    try {
      const path = webUtils.getPathForFile(file);
      return path === '' ? null : path;
    } catch {
      return null;
    }
  },
  platform: process.platform,
} satisfies PizhuBridge;

contextBridge.exposeInMainWorld('pizhu', bridge);
