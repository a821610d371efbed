/**
 * The one entry every transport (IPC, loopback HTTP, CLI) goes through: method name and input
 * arrive as untrusted values, are checked against the contract, and only then reach a handler.
 * Nothing touches the project before validation succeeds.
 */
import { z } from 'zod';
import { apiContract, isApiMethod, type ApiHandlers } from '../../../shared/api';
import { PizhuError } from '../../../shared/errors';

export async function dispatch(
  handlers: ApiHandlers,
  method: string,
  input: unknown,
  readOnlyFile = '',
): Promise<unknown> {
  if (!isApiMethod(method)) {
    throw new PizhuError('unknown-method', `Unknown method '${String(method).slice(0, 100)}'`, {
      method: String(method).slice(0, 100),
    });
  }
  const parsed = apiContract[method].input.safeParse(input);
  if (!parsed.success) {
    throw new PizhuError('invalid-input', `Invalid input for ${method}:\n${z.prettifyError(parsed.error)}`, {
      method,
    });
  }
  const handler = handlers[method] as (input: unknown) => unknown;
  try {
    return await handler(parsed.data);
  } catch (err) {
    // A write to a project opened read-only (or whose file became read-only): say so, not 500.
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('SQLITE_READONLY'))
      throw new PizhuError('project-read-only', `The project is read-only: ${(err as Error).message}`, {
        file: readOnlyFile,
      });
    throw err;
  }
}
