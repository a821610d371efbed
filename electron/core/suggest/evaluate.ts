/**
 * Sentence-level evaluation of the suggester against a gold file (`evaluate-suggestions`).
 *
 * Gold: JSON lines `{"file": "<source file name>", "code": "achievement|problem|recommendation",
 * "quote": "<exact substring of that document>"}`. Every document whose `source_file` is named is
 * split into sentences (shared/text/sentences.ts). A sentence is gold-coded with a code when it
 * overlaps an occurrence of a gold quote of that code (every occurrence: a repeated passage is
 * coded wherever it appears), and predicted with a code when it overlaps a suggestion whose code
 * is, or is below, the root code of that category (成效 / 问题 / 建议). Per code: true positives,
 * false positives, false negatives, precision, recall, F1; macro = their unweighted means.
 */
import { z } from 'zod';
import type { SuggestCodeScores, SuggestEvalReport } from '../../../shared/contracts/suggest';
import { PizhuError } from '../../../shared/errors';
import { countCodePoints } from '../../../shared/text/offsets';
import { splitSentences } from '../../../shared/text/sentences';
import type { Db } from '../db/database';
import { codeRows } from '../codes/rows';
import type { DefaultCode } from './default-rules';
import { suggestText, DEFAULT_MIN_SCORE } from './engine';
import { activeRules, categoryCodes } from './rules';

export const EVAL_CODES = [
  'achievement',
  'problem',
  'recommendation',
] as const satisfies readonly DefaultCode[];
export type EvalCode = (typeof EVAL_CODES)[number];

export interface GoldLine {
  file: string;
  code: EvalCode;
  quote: string;
  line: number;
}

export interface CodedSpan {
  code: EvalCode;
  start: number;
  end: number;
}

export interface EvalDocument {
  text: string;
  gold: readonly CodedSpan[];
  predicted: readonly CodedSpan[];
}

export type CodeScores = SuggestCodeScores;
export type EvalReport = SuggestEvalReport;

const lineSchema = z.object({ file: z.string().min(1), code: z.enum(EVAL_CODES), quote: z.string().min(1) });

/** Parses a gold file; a bad line is an error naming its line number. Blank lines are skipped. */
export function parseGold(content: string): GoldLine[] {
  const out: GoldLine[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      throw new PizhuError('invalid-input', `Gold line ${i + 1}: not JSON (${(err as Error).message})`, {
        line: i + 1,
      });
    }
    const parsed = lineSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new PizhuError('invalid-input', `Gold line ${i + 1}: ${issue.path.join('.')} ${issue.message}`, {
        line: i + 1,
      });
    }
    out.push({ ...parsed.data, line: i + 1 });
  });
  return out;
}

/** Every occurrence of `quote` in `text`, as code-point spans. */
export function occurrences(text: string, quote: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const len = [...quote].length;
  let cp = 0;
  let last = 0;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    cp += countCodePoints(text, last, at);
    last = at;
    out.push({ start: cp, end: cp + len });
  }
  return out;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** The arithmetic: sentence-level confusion counts per code, then P/R/F1 and their macro means. */
export function scoreDocuments(docs: readonly EvalDocument[]): EvalReport {
  const counts = new Map(EVAL_CODES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  let sentences = 0;
  for (const doc of docs) {
    for (const s of splitSentences(doc.text)) {
      sentences++;
      const hits = (list: readonly CodedSpan[], code: EvalCode) =>
        list.some((g) => g.code === code && g.start < s.end && s.start < g.end);
      for (const code of EVAL_CODES) {
        const gold = hits(doc.gold, code);
        const pred = hits(doc.predicted, code);
        const c = counts.get(code)!;
        if (gold && pred) c.tp++;
        else if (pred) c.fp++;
        else if (gold) c.fn++;
      }
    }
  }
  const perCode = EVAL_CODES.map((code): CodeScores => {
    const { tp, fp, fn } = counts.get(code)!;
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    return { code, tp, fp, fn, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
  });
  const mean = (k: 'precision' | 'recall' | 'f1') => perCode.reduce((a, c) => a + c[k], 0) / perCode.length;
  return {
    documents: docs.length,
    sentences,
    perCode,
    macro: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') },
  };
}

/** Builds the evaluation documents from the project: gold quotes located, suggestions run. */
export function evaluateProject(db: Db, gold: readonly GoldLine[], minScore = DEFAULT_MIN_SCORE): EvalReport {
  const files = [...new Set(gold.map((g) => g.file))];
  // Root category of every code (a sub-code of 问题 counts as problem).
  const roots = new Map([...categoryCodes(db)].map(([cat, id]) => [id, cat]));
  const parent = new Map(codeRows(db).map((r) => [r.id, r.parent_id]));
  const category = (codeId: string): EvalCode | null => {
    const seen = new Set<string>();
    for (let c: string | null | undefined = codeId; c && !seen.has(c); c = parent.get(c)) {
      seen.add(c);
      const cat = roots.get(c);
      if (cat) return cat;
    }
    return null;
  };
  const rules = activeRules(db);
  const docs: EvalDocument[] = [];
  for (const file of files) {
    const rows = db
      .stmt('SELECT text FROM documents WHERE source_file = ? ORDER BY sort_order')
      .all(file) as {
      text: string;
    }[];
    if (rows.length === 0)
      throw new PizhuError('document-not-found', `No document with source file ${file}`, { id: file });
    const lines = gold.filter((g) => g.file === file);
    const found = new Set<number>();
    for (const { text } of rows) {
      const spans: CodedSpan[] = [];
      for (const g of lines)
        for (const o of occurrences(text, g.quote)) {
          spans.push({ code: g.code, ...o });
          found.add(g.line);
        }
      const predicted = suggestText(text, rules, minScore).flatMap((s) => {
        const code = category(s.codeId);
        return code ? [{ code, start: s.start, end: s.end }] : [];
      });
      docs.push({ text, gold: spans, predicted });
    }
    const missing = lines.find((g) => !found.has(g.line));
    if (missing)
      throw new PizhuError('invalid-input', `Gold line ${missing.line}: quote not found in ${file}`, {
        line: missing.line,
      });
  }
  return scoreDocuments(docs);
}

/** The report as printed by the CLI; one line reads `macro F1 0.xxx`. */
export function formatReport(r: EvalReport): string {
  const f = (n: number) => n.toFixed(3);
  const lines = [
    `documents ${r.documents}, sentences ${r.sentences}`,
    `code            TP    FP    FN  precision  recall  F1`,
    ...r.perCode.map(
      (c) =>
        `${c.code.padEnd(14)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(5)} ${String(c.fn).padStart(5)}  ${f(c.precision).padStart(9)}  ${f(c.recall).padStart(6)}  ${f(c.f1)}`,
    ),
    `macro precision ${f(r.macro.precision)}`,
    `macro recall ${f(r.macro.recall)}`,
    `macro F1 ${f(r.macro.f1)}`,
  ];
  return `${lines.join('\n')}\n`;
}
