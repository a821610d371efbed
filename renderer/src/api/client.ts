/**
 * Picks the transport at start-up and hides it behind one typed `ApiClient`:
 * - inside Electron, the preload's `window.pizhu` bridge (IPC);
 * - in a browser (`npm run serve`, tests), `POST api/<method>` on the loopback server with the
 *   session token that the server printed in the URL fragment (`#token=…`).
 * Both reject with a `PizhuError`, so callers handle errors the same way.
 */
import type { ApiClient, ApiInput, ApiMethod, ApiResult, PizhuBridge } from '../../../shared/api';
import type { FileEncoding } from '../../../shared/domain';
import { PizhuError, fromWireError } from '../../../shared/errors';

declare global {
  interface Window {
    pizhu?: PizhuBridge;
  }
}

const TOKEN_KEY = 'pizhu.token';

/**
 * Reads the session token from `#token=…` (first load) or sessionStorage (reloads), and removes
 * it from the address bar so it is not left in history or screenshots.
 */
export function takeSessionToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // Without storage a reload needs the printed link again.
    }
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    return token;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function ipcClient(bridge: PizhuBridge): ApiClient {
  return {
    async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
      try {
        return (await bridge.invoke(method, input)) as ApiResult<M>;
      } catch (err) {
        throw fromWireError(err);
      }
    },
  };
}

function httpClient(token: string | null): ApiClient {
  return {
    async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
      let response: Response;
      try {
        response = await fetch(`api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
          body: JSON.stringify(input),
        });
      } catch (err) {
        throw new PizhuError('transport-failed', err instanceof Error ? err.message : String(err));
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new PizhuError('transport-failed', `HTTP ${response.status}: not JSON`);
      }
      const payload = body as { result?: unknown; error?: unknown };
      if (!response.ok || payload.error !== undefined) throw fromWireError(payload.error);
      return payload.result as ApiResult<M>;
    },
  };
}

export function createClient(): ApiClient {
  if (window.pizhu) return ipcClient(window.pizhu);
  return httpClient(takeSessionToken());
}

/** The bytes of base64 text (binary exports: XLSX, PNG). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Saves a file: a native dialog in Electron, a download in the browser. `content` is text
 * (written as UTF-8) or, with `encoding: 'base64'`, the base64 of binary bytes.
 */
export async function saveFile(
  fileName: string,
  content: string,
  mimeType: string,
  encoding: FileEncoding = 'utf-8',
): Promise<string | null> {
  if (window.pizhu) {
    const result = await window.pizhu.saveFile(fileName, content, encoding);
    return result.saved ? result.path : null;
  }
  const blob = new Blob([encoding === 'base64' ? base64ToBytes(content) : content], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: Chromium reads the blob asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return fileName;
}
