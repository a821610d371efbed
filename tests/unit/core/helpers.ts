/**
 * Test helpers for the core: a fresh temp folder per test, the real seed files, small text
 * fixtures written to disk, and a strict RFC 4180 parser (csv-parse is not a dependency).
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach } from 'vitest';
import { PizhuError, type ErrorCode } from '../../../shared/errors';

process.env.PIZHU_LOG = 'silent';

export const SEEDS_DIR = resolve(import.meta.dirname, '../../../seeds');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pizhu-core-'));
  dirs.push(d);
  return d;
}

/** A folder holding the given text files (name → content, written as UTF-8 or raw bytes). */
export function textFolder(files: Record<string, string | Uint8Array>): string {
  const d = join(tempDir(), 'texts');
  mkdirSync(d);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(d, name), content);
  return d;
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Runs `fn` and returns the PizhuError it throws (fails the test if it throws anything else). */
export async function pizhuError(fn: () => unknown): Promise<PizhuError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof PizhuError) return err;
    throw new Error(`Expected a PizhuError, got: ${String(err)}`, { cause: err });
  }
  throw new Error('Expected a PizhuError, nothing was thrown');
}

export async function expectCode(fn: () => unknown, code: ErrorCode): Promise<PizhuError> {
  const err = await pizhuError(fn);
  if (err.code !== code) throw new Error(`Expected error code ${code}, got ${err.code}: ${err.message}`);
  return err;
}

/** Code-point slice, written independently of shared/text/offsets.ts. */
export function cpSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

/**
 * Strict RFC 4180 parser: records end with CRLF, fields are separated by commas, a quoted field
 * may hold commas, CR, LF and doubled quotes; a quote inside an unquoted field, a bare CR or LF
 * outside quotes, or text after a closing quote is an error.
 */
export function parseCsvStrict(input: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const n = input.length;
  if (n === 0) return records;
  for (;;) {
    let field = '';
    if (input[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error('Unterminated quoted field');
        const ch = input[i]!;
        if (ch === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          field += ch;
          i++;
        }
      }
    } else {
      while (i < n && input[i] !== ',' && input[i] !== '\r' && input[i] !== '\n') {
        if (input[i] === '"') throw new Error(`Quote inside unquoted field at ${i}`);
        field += input[i];
        i++;
      }
    }
    record.push(field);
    if (i >= n) {
      records.push(record);
      return records;
    }
    if (input[i] === ',') {
      i++;
      continue;
    }
    if (input[i] === '\r' && input[i + 1] === '\n') {
      records.push(record);
      record = [];
      i += 2;
      if (i >= n) return records;
      continue;
    }
    throw new Error(`Unexpected character ${JSON.stringify(input[i])} at ${i}`);
  }
}
