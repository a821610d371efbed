// IPC registration: exactly the contract's methods, trusted senders only, errors as WireErrors.
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../shared/api';
import { PizhuError, type WireError } from '../../../shared/errors';
import { API_CHANNEL_PREFIX, unwrapReply } from '../../../electron/main/envelope';
import {
  handleTrusted,
  registerApiIpc,
  type DispatchingCore,
  type IpcInvokeEventLike,
  type IpcMainLike,
} from '../../../electron/main/ipc';

const APP_URL = 'file:///opt/pizhu/out/renderer/index.html';
const isTrusted = (url: string) => url === APP_URL;

/** Behaves like Electron's ipcMain: a second handle() for a channel throws. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(
    channel: string,
    input: unknown,
    frame: IpcInvokeEventLike['senderFrame'] = { url: APP_URL, parent: null },
  ) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return Promise.resolve(handler({ senderFrame: frame }, input));
  }
}

function fakeCore(impl: (method: string, input: unknown) => unknown) {
  const dispatch = vi.fn((method: string, input: unknown) =>
    Promise.resolve().then(() => impl(method, input)),
  );
  const core: DispatchingCore = { dispatch };
  return Object.assign(core, { dispatch });
}

describe('registerApiIpc', () => {
  it('registers exactly one api:<method> channel per API method', () => {
    const ipc = new FakeIpcMain();
    registerApiIpc(
      ipc,
      fakeCore(() => null),
      isTrusted,
    );
    expect([...ipc.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => API_CHANNEL_PREFIX + m).sort());
    expect(ipc.handlers.size).toBe(new Set(API_METHODS).size);
  });

  it('forwards method and input to dispatch and resolves { ok: true, result }', async () => {
    const ipc = new FakeIpcMain();
    const core = fakeCore((method, input) => ({ echoed: method, input }));
    registerApiIpc(ipc, core, isTrusted);
    const reply = await ipc.invoke('api:documents-get', { id: 'd1' });
    expect(core.dispatch).toHaveBeenCalledWith('documents-get', { id: 'd1' });
    expect(reply).toEqual({ ok: true, result: { echoed: 'documents-get', input: { id: 'd1' } } });
    expect(unwrapReply(reply)).toEqual({ echoed: 'documents-get', input: { id: 'd1' } });
  });

  it('turns a thrown PizhuError into { ok: false, error } with code and params', async () => {
    const ipc = new FakeIpcMain();
    registerApiIpc(
      ipc,
      fakeCore(() => {
        throw new PizhuError('range-invalid', 'end before start', { start: 5, end: 2 });
      }),
      isTrusted,
    );
    const reply = await ipc.invoke('api:annotations-create', {
      documentId: 'd',
      codeId: 'c',
      start: 5,
      end: 2,
    });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'range-invalid', message: 'end before start', params: { start: 5, end: 2 } },
    });
    // The reply is plain data: it survives structured cloning (what Electron does to it).
    expect(structuredClone(reply)).toEqual(reply);
    let thrown: unknown;
    try {
      unwrapReply(reply);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toEqual({
      code: 'range-invalid',
      message: 'end before start',
      params: { start: 5, end: 2 },
    });
    expect(thrown).not.toBeInstanceOf(Error);
  });

  it('turns an unexpected error into an internal WireError', async () => {
    const ipc = new FakeIpcMain();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    registerApiIpc(
      ipc,
      fakeCore(() => {
        throw new TypeError('boom');
      }),
      isTrusted,
    );
    const reply = (await ipc.invoke('api:project-info', {})) as { ok: false; error: WireError };
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
  });

  it('refuses untrusted senders without calling the core', async () => {
    const ipc = new FakeIpcMain();
    const core = fakeCore(() => 'secret');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    registerApiIpc(ipc, core, isTrusted);
    const frames: IpcInvokeEventLike['senderFrame'][] = [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///etc/passwd', parent: null },
      { url: APP_URL, parent: { url: APP_URL } }, // a subframe, even with the app URL
      null, // frame gone
    ];
    for (const frame of frames) {
      const reply = await ipc.invoke('api:project-info', {}, frame);
      expect(reply).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('throws when registered twice on the same ipcMain', () => {
    const ipc = new FakeIpcMain();
    registerApiIpc(
      ipc,
      fakeCore(() => null),
      isTrusted,
    );
    expect(() =>
      registerApiIpc(
        ipc,
        fakeCore(() => null),
        isTrusted,
      ),
    ).toThrow(/registered twice/);
  });

  it('throws when one channel is handled twice', () => {
    const ipc = new FakeIpcMain();
    handleTrusted(ipc, 'app:x', isTrusted, () => 1);
    expect(() => handleTrusted(ipc, 'app:x', isTrusted, () => 2)).toThrow(/registered twice/);
  });

  it('can be removed and registered again', () => {
    const ipc = new FakeIpcMain();
    const dispose = registerApiIpc(
      ipc,
      fakeCore(() => null),
      isTrusted,
    );
    dispose();
    expect(ipc.handlers.size).toBe(0);
    expect(() =>
      registerApiIpc(
        ipc,
        fakeCore(() => null),
        isTrusted,
      ),
    ).not.toThrow();
  });
});

describe('unwrapReply', () => {
  it.each([undefined, null, 'x', 42, {}, { ok: 'yes' }])(
    'rejects a malformed reply (%j) as transport-failed',
    (reply) => {
      expect(() => unwrapReply(reply)).toThrow();
      try {
        unwrapReply(reply);
      } catch (err) {
        expect(err).toMatchObject({ code: 'transport-failed' });
      }
    },
  );

  it('maps an unknown error code to internal', () => {
    try {
      unwrapReply({ ok: false, error: { code: 'nope', message: 'm' } });
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ code: 'internal' });
    }
  });
});
