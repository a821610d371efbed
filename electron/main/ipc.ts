/**
 * IPC registration: one `ipcMain.handle('api:<method>')` per method of the API contract, each
 * forwarding to the core's `dispatch` (which validates the input) after checking who is asking.
 *
 * Pure: typed against a minimal `IpcMainLike` so Vitest can drive it with a fake; index.ts passes
 * the real `ipcMain`. Replies use the envelope of envelope.ts (see there for why errors are
 * resolved, not thrown).
 */
import { API_METHODS } from '../../shared/api';
import { PizhuError, toWireError } from '../../shared/errors';
import { API_CHANNEL_PREFIX, errorReply, okReply, type IpcReply } from './envelope';

/** The part of Electron's `IpcMainInvokeEvent` we read. */
export interface IpcInvokeEventLike {
  /** Null when the frame navigated away or was destroyed before the message arrived. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** The part of Electron's `ipcMain` we use. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The part of the core main needs here (see electron/core/index.ts). */
export interface DispatchingCore {
  dispatch(method: string, input: unknown): Promise<unknown>;
}

/** Decides whether a frame URL is the app's own page (see guards.ts `createAppUrlMatcher`). */
export type TrustedSenderCheck = (frameUrl: string) => boolean;

// Channels registered per ipcMain object. Electron itself throws on a second `handle` for a
// channel; we also throw ourselves so the rule holds for fakes and shows our own message.
const registered = new WeakMap<object, Set<string>>();

/**
 * Why the check: any frame in the window could call `ipcRenderer.invoke` if it ever got a preload
 * (it should not: sandbox, no subframes, navigation blocked), so each call must come from the top
 * frame showing the app's own URL. Anything else is refused with `unauthorized`.
 */
export function isTrustedEvent(event: IpcInvokeEventLike, isTrustedSender: TrustedSenderCheck): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return isTrustedSender(frame.url);
}

/**
 * Registers one trusted handler on `channel`. The handler's result is wrapped into an envelope;
 * anything it throws becomes `{ ok: false, error: WireError }`. Throws if `channel` is taken.
 */
export function handleTrusted(
  ipc: IpcMainLike,
  channel: string,
  isTrustedSender: TrustedSenderCheck,
  handler: (input: unknown) => unknown,
): void {
  let channels = registered.get(ipc);
  if (!channels) {
    channels = new Set();
    registered.set(ipc, channels);
  }
  if (channels.has(channel)) throw new Error(`[ipc] handler for '${channel}' registered twice`);
  channels.add(channel);

  ipc.handle(channel, async (event, ...args): Promise<IpcReply> => {
    if (!isTrustedEvent(event, isTrustedSender)) {
      console.warn(`[ipc] refused '${channel}' from untrusted frame ${event.senderFrame?.url ?? '(gone)'}`);
      return errorReply({ code: 'unauthorized', message: `Untrusted sender for '${channel}'` });
    }
    try {
      return okReply(await handler(args[0]));
    } catch (err) {
      // Expected failures (PizhuError) are the renderer's business; anything else is a bug: log it.
      if (!(err instanceof PizhuError)) console.error(`[ipc] '${channel}' failed:`, err);
      return errorReply(toWireError(err));
    }
  });
}

/** Removes a channel registered with `handleTrusted` (window teardown, tests). */
export function removeTrusted(ipc: IpcMainLike, channel: string): void {
  ipc.removeHandler(channel);
  registered.get(ipc)?.delete(channel);
}

/**
 * Registers every API method of the contract. Returns a function that removes them again.
 * The method list is the contract's: a method the core does not know is still registered and
 * answered by `dispatch` with `unknown-method`, so the two can never silently drift apart.
 */
export function registerApiIpc(
  ipc: IpcMainLike,
  core: DispatchingCore,
  isTrustedSender: TrustedSenderCheck,
): () => void {
  const channels: string[] = [];
  for (const method of API_METHODS) {
    const channel = API_CHANNEL_PREFIX + method;
    handleTrusted(ipc, channel, isTrustedSender, (input) => core.dispatch(method, input));
    channels.push(channel);
  }
  return () => {
    for (const channel of channels) removeTrusted(ipc, channel);
  };
}
