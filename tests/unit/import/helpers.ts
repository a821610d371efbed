/** Fixtures of the import tests: seeds by number, files of tests/fixtures/import, normalisation. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SEEDS_DIR } from '../core/helpers';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/import');

export function seedPath(n: string): string {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${n}_`));
  if (!name) throw new Error(`No seed ${n}`);
  return join(SEEDS_DIR, name);
}

export function seedText(n: string): string {
  return readFileSync(seedPath(n), 'utf8');
}

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** The line-ending normalisation every import applies (CRLF and CR → LF). */
export function lf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function hanCount(text: string): number {
  return (text.match(/\p{Script=Han}/gu) ?? []).length;
}
