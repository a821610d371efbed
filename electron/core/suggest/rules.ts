/**
 * The project's rule set in SQLite (`suggest_rules`, migration 0010): reading it, seeding the
 * defaults the first time (for the codes of the default codebook that exist), and the JSON
 * exchange format:
 *
 *   { "format": "pizhu-suggest-rules", "version": 1,
 *     "rules": [{ "code": "问题 > 财政压力", "kind": "cue", "pattern": "压力较大", "weight": 1.2,
 *                 "enabled": true, "note": "" }, …] }
 *
 * Codes travel as paths (names joined with ` > `), so a rule set moves between projects.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ExportFile } from '../../../shared/domain';
import { SUGGEST_RULE_KINDS, type SuggestRule } from '../../../shared/contracts/suggest';
import { PizhuError } from '../../../shared/errors';
import { normalizeText } from '../../../shared/text/normalize';
import type { Db } from '../db/database';
import { codePaths, codeRows } from '../codes/rows';
import { CATEGORY_NAMES, DEFAULT_RULES, type DefaultCode } from './default-rules';
import type { EngineRule } from './engine';

// A type alias (not an interface) so that it fits the undo log's generic `Row`.
export type RuleRow = {
  id: string;
  code_id: string;
  kind: 'cue' | 'heading';
  pattern: string;
  weight: number;
  enabled: number;
  note: string;
  sort_order: number;
  created_at: string;
};

export const RULES_FORMAT = 'pizhu-suggest-rules';
const SEEDED_KEY = 'suggest_rules_seeded';
const PATH_SEPARATOR = ' > ';

/** Code id → path (`问题 > 财政压力`). */
export function pathsById(db: Db): Map<string, string> {
  const rows = codeRows(db).map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name }));
  return new Map([...codePaths(rows)].map(([id, names]) => [id, names.join(PATH_SEPARATOR)]));
}

export function toRule(r: RuleRow, paths: ReadonlyMap<string, string>): SuggestRule {
  return {
    id: r.id,
    codeId: r.code_id,
    codePath: paths.get(r.code_id) ?? null,
    kind: r.kind,
    pattern: r.pattern,
    weight: r.weight,
    enabled: r.enabled === 1,
    note: r.note,
    sortOrder: r.sort_order,
  };
}

export function ruleRows(db: Db): RuleRow[] {
  return db.stmt('SELECT * FROM suggest_rules ORDER BY sort_order, id').all() as RuleRow[];
}

/** The root code each default category maps to (by name, either script), if the project has it. */
export function categoryCodes(db: Db): Map<DefaultCode, string> {
  const roots = codeRows(db).filter((r) => r.parent_id === null);
  const out = new Map<DefaultCode, string>();
  for (const [cat, names] of Object.entries(CATEGORY_NAMES) as [DefaultCode, readonly string[]][]) {
    const hit = roots.find((r) => names.includes(normalizeText(r.name.trim())));
    if (hit) out.set(cat, hit.id);
  }
  return out;
}

/**
 * Seeds the default rules once per project (first use of the suggester). Not an undo step: it is
 * the feature's initial state, like the default codebook; deleting rules afterwards is undoable.
 */
export function ensureDefaultRules(db: Db, now: string): void {
  if (db.stmt('SELECT 1 FROM settings WHERE key = ?').get(SEEDED_KEY) !== undefined) return;
  db.transaction(() => {
    const codes = categoryCodes(db);
    const insert = db.stmt(
      `INSERT INTO suggest_rules (id, code_id, kind, pattern, weight, enabled, note, sort_order, created_at)
       VALUES (?, ?, ?, ?, ?, 1, '', ?, ?)`,
    );
    let order = (
      db.stmt('SELECT ifnull(max(sort_order), -1) + 1 AS n FROM suggest_rules').get() as { n: number }
    ).n;
    for (const r of DEFAULT_RULES) {
      const codeId = codes.get(r.code);
      if (codeId) insert.run(randomUUID(), codeId, r.kind, r.pattern, r.weight, order++, now);
    }
    db.stmt('INSERT INTO settings (key, value) VALUES (?, ?)').run(SEEDED_KEY, now);
  });
}

/** Enabled rules whose code still exists, ready for the engine. */
export function activeRules(db: Db): EngineRule[] {
  return (
    db
      .stmt(
        `SELECT r.id, r.code_id, r.kind, r.pattern, r.weight FROM suggest_rules r
         JOIN codes c ON c.id = r.code_id WHERE r.enabled = 1 ORDER BY r.sort_order, r.id`,
      )
      .all() as Pick<RuleRow, 'id' | 'code_id' | 'kind' | 'pattern' | 'weight'>[]
  ).map((r) => ({ id: r.id, codeId: r.code_id, kind: r.kind, pattern: r.pattern, weight: r.weight }));
}

export function exportRules(db: Db, at: Date): ExportFile {
  const paths = pathsById(db);
  const rules = ruleRows(db)
    .filter((r) => paths.has(r.code_id))
    .map((r) => ({
      code: paths.get(r.code_id)!,
      kind: r.kind,
      pattern: r.pattern,
      weight: r.weight,
      enabled: r.enabled === 1,
      note: r.note,
    }));
  const stamp = at.toISOString().slice(0, 10);
  return {
    fileName: `pizhu-suggest-rules-${stamp}.json`,
    mimeType: 'application/json',
    content: `${JSON.stringify({ format: RULES_FORMAT, version: 1, rules }, null, 2)}\n`,
    rowCount: rules.length,
  };
}

const fileSchema = z.object({
  format: z.literal(RULES_FORMAT),
  version: z.literal(1),
  rules: z
    .array(
      z.object({
        code: z.string().min(1),
        kind: z.enum(SUGGEST_RULE_KINDS),
        pattern: z.string().trim().min(1).max(200),
        weight: z.number().min(-10).max(10),
        enabled: z.boolean().default(true),
        note: z.string().max(1000).default(''),
      }),
    )
    .max(10_000),
});

export interface ParsedRule {
  codeId: string;
  kind: 'cue' | 'heading';
  pattern: string;
  weight: number;
  enabled: boolean;
  note: string;
}

/** Parses and checks a rule file against the project's codes; throws before anything is written. */
export function parseRulesFile(db: Db, content: string): ParsedRule[] {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (err) {
    throw new PizhuError('suggest-rules-invalid', `Not JSON: ${(err as Error).message}`, { line: 0 });
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path[0] === 'rules' && typeof issue.path[1] === 'number' ? issue.path[1] + 1 : 0;
    throw new PizhuError('suggest-rules-invalid', `${issue.path.join('.')}: ${issue.message}`, { line: at });
  }
  const byPath = new Map([...pathsById(db)].map(([id, path]) => [path, id]));
  return parsed.data.rules.map((r, i) => {
    const codeId = byPath.get(
      r.code
        .split('>')
        .map((s) => s.trim())
        .join(PATH_SEPARATOR),
    );
    if (!codeId)
      throw new PizhuError('suggest-rules-unknown-code', `Rule ${i + 1}: no code ${r.code}`, {
        line: i + 1,
        code: r.code,
      });
    return { codeId, kind: r.kind, pattern: r.pattern, weight: r.weight, enabled: r.enabled, note: r.note };
  });
}
