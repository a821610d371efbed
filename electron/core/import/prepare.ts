/**
 * The import pipeline for one file, shared by `import-preview`, `import-commit` and the CLI:
 * bytes → text (format, encoding) → selected cleaning steps → script, title, warnings, split
 * suggestions. Pure apart from reading the project for duplicates; writes nothing.
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type {
  CleaningRecord,
  CleaningStep,
  ImportEncoding,
  ImportPreview,
  ImportWarning,
} from '../../../shared/import';
import { codePointLength } from '../../../shared/text/offsets';
import { detectScript, type Script } from '../../../shared/text/script-detect';
import type { Db } from '../db/database';
import { firstLineTitle } from '../documents/decode';
import { textSha256 } from '../documents/insert';
import { clean } from './cleaning';
import { findMojibake } from './cleaning/mojibake';
import { extractText, type ExtractedText } from './formats';
import { cleanIsolated } from './isolated';
import { suggestSplits } from './split';

export const PREVIEW_LENGTH = 2000;
const MOJIBAKE_SAMPLES = 10;

export interface PrepareInput {
  fileName: string;
  bytes: Uint8Array;
  encoding: ImportEncoding | 'auto';
  cleaning: readonly CleaningStep[];
  patterns: readonly string[];
}

export interface PreparedImport {
  extracted: ExtractedText;
  /** SHA-256 of the file's bytes. */
  sha256: string;
  raw: string;
  text: string;
  records: CleaningRecord[];
  script: Script;
  title: string;
  textSha256: string;
  warnings: ImportWarning[];
  mojibakeCount: number;
}

/** Title guess: the first non-empty line, without a `標題:`/`标题：` label or trailing `|`. */
export function guessTitle(text: string, fileName: string): string {
  const line = firstLineTitle(text);
  const cleaned = line
    ?.replace(/^(?:標題|标题|題目|题目)\s*[:：]\s*/u, '')
    .replace(/[\s|｜]+$/u, '')
    .trim();
  return cleaned && cleaned.length > 0 ? cleaned : basename(fileName, extname(fileName));
}

export async function prepareImport(db: Db, input: PrepareInput): Promise<PreparedImport> {
  const extracted = await extractText(input.fileName, input.bytes, input.encoding);
  const raw = extracted.text;
  // User-written patterns may backtrack catastrophically: they run in a worker with a time limit.
  const { text, records } =
    input.patterns.length > 0 && input.cleaning.includes('boilerplate')
      ? await cleanIsolated(raw, input.cleaning, input.patterns)
      : clean(raw, input.cleaning, input.patterns);
  const warnings: ImportWarning[] = [];
  if (extracted.invalidCount > 0)
    warnings.push({
      kind: 'invalid-bytes',
      count: extracted.invalidCount,
      positions: extracted.invalidPositions,
      lines: extracted.invalidLines,
    });
  if (extracted.mixed) warnings.push({ kind: 'mixed-encoding', ...extracted.mixed });
  const d = extracted.detection;
  if (d.weak && d.alternative && d.encoding !== 'embedded')
    warnings.push({ kind: 'encoding-guess', encoding: d.encoding, alternative: d.alternative });
  const mojibake = findMojibake(text);
  if (mojibake.length > 0)
    warnings.push({ kind: 'mojibake', count: mojibake.length, samples: mojibake.slice(0, MOJIBAKE_SAMPLES) });
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  // A UTF-8 text file that decoding and cleaning left as it was: the text's UTF-8 is the file's
  // bytes, so its hash is the file's (hashing a 20 MB text again cost ~60 ms).
  const e = extracted;
  const unchanged =
    (e.format === 'txt' || e.format === 'md') &&
    e.detection.encoding === 'utf-8' &&
    e.steps.length === 0 &&
    e.mixed === null &&
    e.invalidCount === 0 &&
    text === raw;
  const hash = unchanged ? sha256 : textSha256(text);
  // A duplicate: a document with this canonical text, or a part of one split from this text
  // (split_from.textSha256), so re-importing a compilation that was split is caught too.
  const duplicate = db
    .stmt(
      `SELECT id, title FROM documents
       WHERE text_sha256 = ? OR (split_from IS NOT NULL AND json_extract(split_from, '$.textSha256') = ?)
       ORDER BY sort_order LIMIT 1`,
    )
    .get(hash, hash) as { id: string; title: string } | undefined;
  if (duplicate) warnings.push({ kind: 'duplicate', documentId: duplicate.id, title: duplicate.title });
  return {
    extracted,
    sha256,
    raw,
    text,
    records,
    script: detectScript(text),
    title: guessTitle(text, input.fileName),
    textSha256: hash,
    warnings,
    mojibakeCount: mojibake.length,
  };
}

export function toPreview(fileName: string, p: PreparedImport): ImportPreview {
  const head = (s: string) =>
    Array.from(s.slice(0, PREVIEW_LENGTH * 2))
      .slice(0, PREVIEW_LENGTH)
      .join('');
  return {
    fileName,
    format: p.extracted.format,
    detection: p.extracted.detection,
    script: p.script,
    title: p.title,
    rawLength: codePointLength(p.raw),
    length: codePointLength(p.text),
    before: head(p.raw),
    after: head(p.text),
    steps: p.records.map((r) => ({ step: r.step, count: r.count })),
    warnings: p.warnings,
    splits: suggestSplits(p.text),
    textSha256: p.textSha256,
  };
}
