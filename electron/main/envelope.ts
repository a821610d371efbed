/**
 * The reply envelope carried by every IPC call between main and the preload.
 *
 * Why an envelope instead of throwing in `ipcMain.handle`: Electron serializes a rejected handler
 * as a new `Error` whose message is "Error invoking remote method 'x': Error: …" and drops every
 * other property, so the error `code` and `params` the renderer needs to translate the message
 * would be lost. Main therefore always *resolves* `{ ok: true, result }` or `{ ok: false, error }`
 * (a plain `WireError`, which survives structured cloning), and the preload unwraps it into a
 * resolved value or a rejection with that `WireError`.
 *
 * Pure: no 'electron' import, shared by main and the preload bundle and tested directly.
 */
import type { WireError } from '../../shared/errors';
import { fromWireError } from '../../shared/errors';

/** Prefix of every API channel: `api:<method>` (method names come from `API_METHODS`). */
export const API_CHANNEL_PREFIX = 'api:';
/** Channel of the native save dialog (not an API method: it only exists in Electron). */
export const SAVE_FILE_CHANNEL = 'app:save-file';

export type IpcReply<T = unknown> = { ok: true; result: T } | { ok: false; error: WireError };

export function okReply<T>(result: T): IpcReply<T> {
  return { ok: true, result };
}

export function errorReply(error: WireError): IpcReply<never> {
  return { ok: false, error };
}

/**
 * Turns an envelope into a value or throws a plain `WireError` object (not an `Error`: the
 * contextBridge copies plain objects faithfully, while an `Error` crossing it keeps only its
 * message). Anything that is not a well-formed envelope becomes a `transport-failed` error.
 */
export function unwrapReply(reply: unknown): unknown {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    const r = reply as { ok: unknown; result?: unknown; error?: unknown };
    if (r.ok === true) return r.result;
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- plain WireError by design (see above)
    if (r.ok === false) throw fromWireError(r.error).toWire();
  }
  const error: WireError = { code: 'transport-failed', message: 'Malformed IPC reply' };
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- plain WireError by design (see above)
  throw error;
}
