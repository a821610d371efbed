/**
 * The building block of the API contract: `method<Input, Result>(schema)` pairs a zod input schema
 * (checked at run time by the core) with a result type (type level only). Feature contracts in
 * this folder are spread into `apiContract` in shared/api.ts.
 */
import { z } from 'zod';

export function method<I extends z.ZodType, R>(input: I): { input: I; result: R } {
  return { input, result: undefined as unknown as R };
}

export const id = z.string().min(1).max(200);
export const offset = z.number().int().min(0);
export const empty = z.object({}).strict();

/**
 * Control characters (C0, DEL, C1): never part of a name. A NUL hits SQLite CHECKs, a newline
 * or ESC sequence rewrites a terminal line or spoofs a list entry.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/u;

export function hasNoControlCharacters(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value);
}

export const NO_CONTROL_CHARACTERS = 'must not contain control characters';
