/**
 * Issue 12, the fuzz test: every API method, over the real loopback HTTP transport, gets a few
 * hundred seeded random and malformed inputs — random JSON values, objects with the method's own
 * keys holding wrong, extreme or hostile values, and bodies that are not JSON at all. Every
 * answer must be a 4xx with an error code (never a 500, never a dropped connection), the server
 * must keep answering, and the database must be byte-for-byte the same logical dump afterwards.
 *
 * Inputs the method's schema happens to accept are not sent (they would legitimately change the
 * project); the test counts them so that the fuzzing stays meaningful.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiContract, API_METHODS } from '../../../shared/api';
import { openCore, type Core } from '../../../electron/core/index';
import { createServer, type RunningServer } from '../../../electron/core/server/http';
import { tempDir } from '../core/helpers';

const PER_METHOD = 200;
const TOKEN = 'fuzz-token-0123456789abcdef';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u001b[31m',
  '𠀋𪚥',
  '../../etc/passwd',
  'a'.repeat(5000),
  '<script>',
  '"',
  '问题',
  '#zzzzzz',
  '1',
  'null',
];
const NUMBERS = [0, -1, 1.5, 1e308, -1e308, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 9];

function randomValue(rand: () => number, depth = 0): unknown {
  const r = rand();
  if (depth > 3 || r < 0.25) return STRINGS[Math.floor(rand() * STRINGS.length)];
  if (r < 0.45) return NUMBERS[Math.floor(rand() * NUMBERS.length)];
  if (r < 0.55) return rand() < 0.5;
  if (r < 0.62) return null;
  if (r < 0.8) return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
  const obj: Record<string, unknown> = {};
  for (let i = Math.floor(rand() * 4); i > 0; i--)
    obj[STRINGS[Math.floor(rand() * STRINGS.length)]!] = randomValue(rand, depth + 1);
  return obj;
}

function keysOf(method: (typeof API_METHODS)[number]): string[] {
  const schema = apiContract[method].input as unknown as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

function randomInput(method: (typeof API_METHODS)[number], rand: () => number): unknown {
  const keys = keysOf(method);
  if (keys.length === 0 || rand() < 0.3) return randomValue(rand);
  const obj: Record<string, unknown> = {};
  for (const k of keys) if (rand() < 0.8) obj[k] = randomValue(rand);
  if (rand() < 0.2) obj.__proto__extra = 1;
  return obj;
}

// (An empty body means `{}` to the server, which is valid input for methods without parameters.)
const MALFORMED = [
  '{',
  '[1,',
  'nul',
  '{"a":}',
  '\u0000',
  '{"__proto__":{"x":1}}',
  'undefined',
  '1e999999',
  '"\\ud800"',
];

function dump(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    for (const t of tables) {
      hash.update(t);
      const rows = (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) =>
        JSON.stringify(r),
      );
      for (const row of rows.sort()) hash.update(row);
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

let core: Core;
let server: RunningServer;
let file: string;

beforeAll(async () => {
  file = join(tempDir(), 'fuzz.pizhu');
  core = openCore({ file, seedsDir: join(import.meta.dirname, '../../../seeds') });
  server = await createServer({ core, staticDir: null, token: TOKEN, port: 0 });
});
afterAll(async () => {
  await server.close();
  core.close();
});

async function post(method: string, body: string): Promise<{ status: number; code: unknown }> {
  const res = await fetch(`${server.url}api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body,
  });
  const json = (await res.json().catch(() => null)) as { error?: { code?: unknown } } | null;
  return { status: res.status, code: json?.error?.code };
}

describe('fuzz over every API method', () => {
  it(`${PER_METHOD} seeded hostile inputs per method: 4xx only, nothing written`, async () => {
    const before = dump(file);
    const bad: string[] = [];
    let sent = 0;
    let skipped = 0;
    for (const [i, method] of API_METHODS.entries()) {
      const rand = mulberry32(1000 + i);
      const bodies: string[] = MALFORMED.slice();
      for (let n = 0; n < PER_METHOD; n++) {
        const input = randomInput(method, rand);
        if (apiContract[method].input.safeParse(input).success) {
          skipped++;
          continue;
        }
        bodies.push(JSON.stringify(input) ?? 'null');
      }
      for (const body of bodies) {
        const { status, code } = await post(method, body);
        sent++;
        if (status < 400 || status >= 500 || typeof code !== 'string')
          bad.push(`${method} ${status} ${String(code)} ${body.slice(0, 80)}`);
      }
    }
    expect(bad).toEqual([]);
    expect(sent).toBeGreaterThan(API_METHODS.length * 150);
    expect(skipped).toBeLessThan(sent / 10);
    // Still answering, and nothing changed.
    expect((await post('project-info', '{}')).status).toBe(200);
    expect(dump(file)).toBe(before);
  }, 240_000);
});
