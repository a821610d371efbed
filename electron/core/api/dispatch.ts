/**
 * The one entry every transport (IPC, loopback HTTP, CLI) goes through: method name and input
 * arrive as untrusted values, are checked against the contract, and only then reach a handler.
 * Nothing touches the project before validation succeeds.
 */
import { z } from 'zod';
import {
  apiContract,
  isApiMethod,
  type ApiHandlers,
  type ApiMethod,
  type ApiParsedInput,
} from '../../../shared/api';
import { PizhuError } from '../../../shared/errors';

/** The input checked against the method's contract (defaults applied), or `invalid-input`. */
export function validateInput<M extends ApiMethod>(method: M, input: unknown): ApiParsedInput<M> {
  const parsed = apiContract[method].input.safeParse(input);
  if (!parsed.success) {
    throw new PizhuError('invalid-input', `Invalid input for ${method}:\n${z.prettifyError(parsed.error)}`, {
      method,
    });
  }
  return parsed.data as ApiParsedInput<M>;
}

/** A handler's error as the transports report it: a write refused by SQLite as read-only is `project-read-only`. */
export function translateError(err: unknown, readOnlyFile = ''): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY'))
    return new PizhuError('project-read-only', `The project is read-only: ${(err as Error).message}`, {
      file: readOnlyFile,
    });
  return err;
}

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
  const parsed = validateInput(method, input);
  const handler = handlers[method] as (input: unknown) => unknown;
  try {
    return await handler(parsed);
  } catch (err) {
    // A write to a project opened read-only (or whose file became read-only): say so, not 500.
    throw translateError(err, readOnlyFile);
  }
}
