/**
 * Suggestions for one stored document: the engine over its canonical text with the project's
 * enabled rules, minus suggestions already coded (an annotation with the same code overlapping
 * it, whoever made it) or rejected before (same code and range).
 */
import type { Suggestion } from '../../../shared/contracts/suggest';
import { PizhuError } from '../../../shared/errors';
import type { Db } from '../db/database';
import { DEFAULT_MIN_SCORE, suggestText } from './engine';
import { activeRules, pathsById } from './rules';

export function suggestDocument(db: Db, documentId: string, minScore = DEFAULT_MIN_SCORE): Suggestion[] {
  const doc = db.stmt('SELECT text FROM documents WHERE id = ?').get(documentId) as
    { text: string } | undefined;
  if (!doc) throw new PizhuError('document-not-found', `No document ${documentId}`, { id: documentId });
  const paths = pathsById(db);
  const raw = suggestText(doc.text, activeRules(db), minScore);
  const rejected = new Set(
    (
      db.stmt('SELECT id FROM suggest_rejections WHERE document_id = ?').all(documentId) as { id: string }[]
    ).map((r) => r.id),
  );
  const coded = db
    .stmt('SELECT code_id, start_offset AS s, end_offset AS e FROM annotations WHERE document_id = ?')
    .all(documentId) as { code_id: string; s: number; e: number }[];
  return raw
    .filter((s) => !rejected.has(`${documentId}/${s.codeId}/${s.start}/${s.end}`))
    .filter((s) => !coded.some((a) => a.code_id === s.codeId && a.s < s.end && s.start < a.e))
    .map((s) => ({
      document: documentId,
      start: s.start,
      end: s.end,
      code: paths.get(s.codeId) ?? '',
      codeId: s.codeId,
      memo: '',
      score: s.score,
      reasons: s.reasons,
      unit: s.unit,
    }));
}
