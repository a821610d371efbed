/**
 * API methods of offline code suggestions (`suggest-*`): the per-project rule set (cue phrases
 * and heading phrases per code, with weights; list / create / update / delete / import / export
 * as JSON), suggestions for one document, and accepting (→ annotations of a chosen coder) or
 * rejecting (→ remembered, never proposed again) a batch of them as one undo step.
 * See docs/api.md ("Suggestions") and docs/suggest.md.
 */
import { z } from 'zod';
import { empty, id, method, offset } from './method';
import type { ExportFile, HistoryState } from '../domain';

export const SUGGEST_RULE_KINDS = ['cue', 'heading'] as const;
export type SuggestRuleKind = (typeof SUGGEST_RULE_KINDS)[number];

/** One rule: when `pattern` matches (script-normalised), it adds `weight` to `codeId`'s score. */
export interface SuggestRule {
  id: string;
  codeId: string;
  /** The code's path (`问题 > 财政压力`), or null when the code no longer exists. */
  codePath: string | null;
  kind: SuggestRuleKind;
  /** Literal text; `…` is a gap of up to 12 characters; a leading `^` anchors at the sentence start. */
  pattern: string;
  weight: number;
  enabled: boolean;
  note: string;
  sortOrder: number;
}

/** Why a suggestion was made: a rule that fired, in the sentence itself or inherited. */
export interface SuggestReason {
  ruleId: string;
  kind: SuggestRuleKind;
  pattern: string;
  weight: number;
  /** 'own': the suggested text itself; 'item': its numbered item's lead; 'section': its heading. */
  source: 'own' | 'item' | 'section';
}

/** A suggestion in the project's span format, plus its score and reasons. */
export interface Suggestion {
  /** Document id. */
  document: string;
  start: number;
  end: number;
  /** Code path, names joined with ` > `. */
  code: string;
  codeId: string;
  memo: string;
  score: number;
  reasons: SuggestReason[];
  /** 'item': a whole numbered item (its sentences together) argues one code. */
  unit: 'sentence' | 'item';
}

/** Sentence-level scores of one code (evaluate-suggestions). */
export interface SuggestCodeScores {
  code: 'achievement' | 'problem' | 'recommendation';
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SuggestEvalReport {
  documents: number;
  sentences: number;
  perCode: SuggestCodeScores[];
  macro: { precision: number; recall: number; f1: number };
}

export interface SuggestItem {
  documentId: string;
  codeId: string;
  start: number;
  end: number;
}

const pattern = z.string().trim().min(1).max(200);
const weight = z.number().min(-10).max(10);
const ruleFields = {
  codeId: id,
  kind: z.enum(SUGGEST_RULE_KINDS),
  pattern,
  weight,
  enabled: z.boolean(),
  note: z.string().max(1000),
};
const createInput = z
  .object({ ...ruleFields, enabled: ruleFields.enabled.optional(), note: ruleFields.note.optional() })
  .strict();
const updateInput = z
  .object({
    id,
    patch: z
      .object({
        codeId: ruleFields.codeId.optional(),
        kind: ruleFields.kind.optional(),
        pattern: ruleFields.pattern.optional(),
        weight: ruleFields.weight.optional(),
        enabled: ruleFields.enabled.optional(),
        note: ruleFields.note.optional(),
      })
      .strict(),
  })
  .strict();
const importInput = z.object({ content: z.string().max(5_000_000), replace: z.boolean() }).strict();
const documentInput = z
  .object({ documentId: id, minScore: z.number().min(-100).max(100).optional() })
  .strict();
const item = z.object({ documentId: id, codeId: id, start: offset, end: offset }).strict();
const acceptInput = z.object({ items: z.array(item).min(1).max(100_000), coderId: id.optional() }).strict();
const evaluateInput = z
  .object({ gold: z.string().max(50_000_000), minScore: z.number().min(-100).max(100).optional() })
  .strict();
const rejectInput = z.object({ items: z.array(item).min(1).max(100_000) }).strict();

export const suggestContract = {
  'suggest-rules-list': method<typeof empty, SuggestRule[]>(empty),
  'suggest-rules-create': method<typeof createInput, { rule: SuggestRule; history: HistoryState }>(
    createInput,
  ),
  'suggest-rules-update': method<typeof updateInput, { rule: SuggestRule; history: HistoryState }>(
    updateInput,
  ),
  'suggest-rules-delete': method<z.ZodObject<{ id: typeof id }>, { history: HistoryState }>(
    z.object({ id }).strict(),
  ),
  'suggest-rules-export': method<typeof empty, ExportFile>(empty),
  'suggest-rules-import': method<typeof importInput, { imported: number; history: HistoryState }>(
    importInput,
  ),
  'suggest-document': method<typeof documentInput, Suggestion[]>(documentInput),
  'suggest-accept': method<
    typeof acceptInput,
    { created: number; skipped: number; coderId: string; history: HistoryState }
  >(acceptInput),
  'suggest-reject': method<typeof rejectInput, { rejected: number; history: HistoryState }>(rejectInput),
  'suggest-evaluate': method<typeof evaluateInput, SuggestEvalReport>(evaluateInput),
};
