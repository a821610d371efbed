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
