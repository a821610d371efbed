/**
 * The cleaning pipeline: runs the selected steps (and only those) in the fixed order of
 * CLEANING_STEPS, recording each step's edits. Nothing here runs unless the user (dialog) or the
 * CLI (`--clean`) asked for it.
 */
import { CLEANING_STEPS, type CleaningRecord, type CleaningStep } from '../../../../shared/import';
import { removeBoilerplate } from './boilerplate';
import { normalisePunctuation } from './punctuation';
import { removePinyin } from './pinyin';
import { normaliseWhitespace } from './whitespace';
import type { StepResult } from './edits';

export function runStep(step: CleaningStep, text: string, patterns: readonly string[]): StepResult {
  switch (step) {
    case 'pinyin':
      return removePinyin(text);
    case 'boilerplate':
      return removeBoilerplate(text, patterns);
    case 'whitespace':
      return normaliseWhitespace(text);
    case 'punctuation':
      return normalisePunctuation(text);
  }
}

export function clean(
  raw: string,
  selected: readonly CleaningStep[],
  patterns: readonly string[] = [],
): { text: string; records: CleaningRecord[] } {
  let text = raw;
  const records: CleaningRecord[] = [];
  for (const step of CLEANING_STEPS) {
    if (!selected.includes(step)) continue;
    const r = runStep(step, text, patterns);
    records.push({ step, count: r.count, edits: r.edits });
    text = r.text;
  }
  return { text, records };
}
