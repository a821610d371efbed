/**
 * API handlers of the suggester (`suggest-*`): the rule set (each change one undo step), the
 * suggestions of one document (minus what is already coded with that code or was rejected), and
 * accepting / rejecting a batch (one undo step each, whatever its size).
 */
import { randomUUID } from 'node:crypto';
import type { ApiHandlers } from '../../../shared/api';
import type { SuggestItem, SuggestRule } from '../../../shared/contracts/suggest';
import { PizhuError } from '../../../shared/errors';
import { isoNow, type CoreContext } from '../context';
import type { Db } from '../db/database';
import { ChangeSet, historyState, record } from '../history/log';
import type { AnnotationRow } from '../annotations/rows';
import { getCodeRow } from '../codes/rows';
import { suggestDocument } from './run';
import {
  ensureDefaultRules,
  exportRules,
  parseRulesFile,
  pathsById,
  ruleRows,
  toRule,
  type RuleRow,
} from './rules';
import { suggesterCoderId } from './coder';
import { evaluateProject, parseGold } from './evaluate';
import './tables';

type SuggestHandlers = Pick<
  ApiHandlers,
  | 'suggest-rules-list'
  | 'suggest-rules-create'
  | 'suggest-rules-update'
  | 'suggest-rules-delete'
  | 'suggest-rules-export'
  | 'suggest-rules-import'
  | 'suggest-document'
  | 'suggest-accept'
  | 'suggest-reject'
  | 'suggest-evaluate'
>;

function getRule(db: Db, id: string): RuleRow {
  const r = db.stmt('SELECT * FROM suggest_rules WHERE id = ?').get(id) as RuleRow | undefined;
  if (!r) throw new PizhuError('suggest-rule-not-found', `No suggestion rule ${id}`, { id });
  return r;
}

function oneRule(db: Db, id: string): SuggestRule {
  return toRule(getRule(db, id), pathsById(db));
}

function nextOrder(db: Db): number {
  return (db.stmt('SELECT ifnull(max(sort_order), -1) + 1 AS n FROM suggest_rules').get() as { n: number }).n;
}

/** Checks every item (document exists, code exists, range inside the text) before any write. */
function checkItems(db: Db, items: readonly SuggestItem[]): void {
  const lengths = new Map<string, number>();
  for (const it of items) {
    let length = lengths.get(it.documentId);
    if (length === undefined) {
      const row = db.stmt('SELECT length FROM documents WHERE id = ?').get(it.documentId) as
        { length: number } | undefined;
      if (!row)
        throw new PizhuError('document-not-found', `No document ${it.documentId}`, { id: it.documentId });
      lengths.set(it.documentId, (length = row.length));
    }
    getCodeRow(db, it.codeId);
    if (!(it.start < it.end && it.end <= length))
      throw new PizhuError('range-invalid', `Range ${it.start}–${it.end} is not inside 0–${length}`, {
        start: it.start,
        end: it.end,
        length,
      });
  }
}

export function suggestHandlers(ctx: CoreContext): SuggestHandlers {
  const { db } = ctx;
  const seeded = () => ensureDefaultRules(db, isoNow(ctx));
  return {
    'suggest-rules-list': () => {
      seeded();
      const paths = pathsById(db);
      return ruleRows(db).map((r) => toRule(r, paths));
    },

    'suggest-rules-create': ({ codeId, kind, pattern, weight, enabled, note }) => {
      seeded();
      const now = isoNow(ctx);
      const id = db.transaction(() => {
        getCodeRow(db, codeId);
        const changes = new ChangeSet(db);
        const row = changes.insert('suggest_rules', {
          id: randomUUID(),
          code_id: codeId,
          kind,
          pattern,
          weight,
          enabled: enabled === false ? 0 : 1,
          note: note ?? '',
          sort_order: nextOrder(db),
          created_at: now,
        });
        record(db, 'suggest-rule-create', changes, now);
        return row.id;
      });
      return { rule: oneRule(db, id), history: historyState(db) };
    },

    'suggest-rules-update': ({ id, patch }) => {
      const now = isoNow(ctx);
      db.transaction(() => {
        const before = getRule(db, id);
        if (patch.codeId !== undefined) getCodeRow(db, patch.codeId);
        const next: Partial<RuleRow> = {};
        if (patch.codeId !== undefined && patch.codeId !== before.code_id) next.code_id = patch.codeId;
        if (patch.kind !== undefined && patch.kind !== before.kind) next.kind = patch.kind;
        if (patch.pattern !== undefined && patch.pattern !== before.pattern) next.pattern = patch.pattern;
        if (patch.weight !== undefined && patch.weight !== before.weight) next.weight = patch.weight;
        if (patch.enabled !== undefined && (patch.enabled ? 1 : 0) !== before.enabled)
          next.enabled = patch.enabled ? 1 : 0;
        if (patch.note !== undefined && patch.note !== before.note) next.note = patch.note;
        if (Object.keys(next).length === 0) return;
        const changes = new ChangeSet(db);
        changes.update<RuleRow>('suggest_rules', id, next);
        record(db, 'suggest-rule-update', changes, now);
      });
      return { rule: oneRule(db, id), history: historyState(db) };
    },

    'suggest-rules-delete': ({ id }) => {
      const now = isoNow(ctx);
      db.transaction(() => {
        getRule(db, id);
        const changes = new ChangeSet(db);
        changes.remove('suggest_rules', id);
        record(db, 'suggest-rule-delete', changes, now);
      });
      return { history: historyState(db) };
    },

    'suggest-rules-export': () => {
      seeded();
      return exportRules(db, ctx.now());
    },

    'suggest-rules-import': ({ content, replace }) => {
      seeded();
      const now = isoNow(ctx);
      const imported = db.transaction(() => {
        const rules = parseRulesFile(db, content);
        const changes = new ChangeSet(db);
        if (replace) for (const r of ruleRows(db)) changes.remove('suggest_rules', r.id);
        let order = nextOrder(db);
        for (const r of rules)
          changes.insert('suggest_rules', {
            id: randomUUID(),
            code_id: r.codeId,
            kind: r.kind,
            pattern: r.pattern,
            weight: r.weight,
            enabled: r.enabled ? 1 : 0,
            note: r.note,
            sort_order: order++,
            created_at: now,
          });
        record(db, 'suggest-rules-import', changes, now);
        return rules.length;
      });
      return { imported, history: historyState(db) };
    },

    'suggest-document': ({ documentId, minScore }) => {
      seeded();
      return suggestDocument(db, documentId, minScore);
    },

    'suggest-accept': ({ items, coderId }) => {
      const now = isoNow(ctx);
      return db.transaction(() => {
        checkItems(db, items);
        let coder = coderId;
        if (coder !== undefined) {
          if (!db.stmt('SELECT 1 FROM coders WHERE id = ?').get(coder))
            throw new PizhuError('coder-not-found', `No coder ${coder}`, { id: coder });
        } else coder = suggesterCoderId(db, now);
        const exists = db.stmt(
          `SELECT 1 FROM annotations WHERE document_id = ? AND code_id = ? AND coder_id = ?
           AND start_offset = ? AND end_offset = ? LIMIT 1`,
        );
        const quote = db.stmt('SELECT substr(text, ? + 1, ?) AS quote FROM documents WHERE id = ?');
        const seen = new Set<string>();
        const changes = new ChangeSet(db);
        let skipped = 0;
        for (const it of items) {
          const key = `${it.documentId}/${it.codeId}/${it.start}/${it.end}`;
          if (seen.has(key) || exists.get(it.documentId, it.codeId, coder, it.start, it.end)) {
            skipped++;
            continue;
          }
          seen.add(key);
          const row: AnnotationRow = {
            id: randomUUID(),
            document_id: it.documentId,
            code_id: it.codeId,
            coder_id: coder,
            start_offset: it.start,
            end_offset: it.end,
            quote: (quote.get(it.start, it.end - it.start, it.documentId) as { quote: string }).quote,
            memo: '',
            created_at: now,
            updated_at: now,
          };
          changes.insert('annotations', row);
        }
        record(db, 'suggest-accept', changes, now);
        return { created: changes.changes.length, skipped, coderId: coder, history: historyState(db) };
      });
    },

    'suggest-evaluate': ({ gold, minScore }) => {
      seeded();
      return evaluateProject(db, parseGold(gold), minScore);
    },

    'suggest-reject': ({ items }) => {
      const now = isoNow(ctx);
      return db.transaction(() => {
        checkItems(db, items);
        const changes = new ChangeSet(db);
        const seen = new Set<string>();
        const exists = db.stmt('SELECT 1 FROM suggest_rejections WHERE id = ?');
        for (const it of items) {
          const id = `${it.documentId}/${it.codeId}/${it.start}/${it.end}`;
          if (seen.has(id) || exists.get(id)) continue;
          seen.add(id);
          changes.insert('suggest_rejections', {
            id,
            document_id: it.documentId,
            code_id: it.codeId,
            start_offset: it.start,
            end_offset: it.end,
            created_at: now,
          });
        }
        record(db, 'suggest-reject', changes, now);
        return { rejected: changes.changes.length, history: historyState(db) };
      });
    },
  };
}
