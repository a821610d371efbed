/**
 * The sample corpus of a default first run, prepared the way a researcher would prepare it
 * (an explicit seeds folder is imported raw by `importTextFolder`): each seed file is decoded,
 * cleaned of pinyin glosses, website boilerplate and stray white space (the raw text and every
 * edit kept as provenance, exactly as `import-commit` keeps them), compilations are split into
 * their articles (exact repeats of an article are left out), titles are taken from the text
 * (`第一篇:` labels and `.doc` endings dropped), and the attributes 年份 (year), 地区 (region) and
 * 体裁 (genre) are set where the title or the text's opening says them. Not undoable: it is the
 * project's starting state.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CleaningStep } from '../../../shared/import';
import { detectScript } from '../../../shared/text/script-detect';
import type { Db } from '../db/database';
import { insertDocument, textSha256 } from '../documents/insert';
import { yearInTitle } from '../attributes/values';
import { clean } from '../import/cleaning';
import { decodeText } from '../import/encoding';
import { cutParts } from '../import/parts';
import { guessTitle } from '../import/prepare';
import { suggestSplits } from '../import/split';

const STEPS: readonly CleaningStep[] = ['pinyin', 'boilerplate', 'whitespace'];

/** Genres, most specific first: the first whose word is in the title wins. */
export const GENRES: readonly { name: string; words: RegExp }[] = [
  { name: '讲话', words: /讲话|講話|致辞|致辭/u },
  { name: '发言', words: /发言|發言/u },
  { name: '调研报告', words: /调研报告|調研報告|调查报告|調查報告/u },
  { name: '工作总结', words: /总结|總結/u },
  { name: '工作汇报', words: /汇报|匯報|情况报告|情況報告/u },
  { name: '实施方案', words: /方案/u },
  { name: '政策建议', words: /建议|建議|提案/u },
  { name: '研究', words: /分析|研究|转型|轉型|变迁|變遷|实践|實踐|条件|條件/u },
];

/** A title without the compilation's labels: `第一篇:…`, `《…》`, `….doc`, a leading list number. */
export function cleanTitle(title: string): string {
  const t = title
    .replace(/^第[一二三四五六七八九十百\d]+篇\s*[:：]\s*/u, '')
    .replace(/^\d{1,2}(?=[\p{Script=Han}])/u, '')
    .replace(/\.(?:docx?|txt|pdf)$/iu, '')
    .replace(/^《(.+)》$/u, '$1')
    .trim();
  return t === '' ? title : t;
}

const NOT_A_PLACE = /^[全我本该該某各此两兩在关關对對于於]/u;
/** Place names opening a title (after 关于/在): `广安市武胜县…`, `凤阳县推进…`; not `崔杰市長…`. */
const PLACE =
  /^(?:关于|關於|在)?((?:\p{Script=Han}{2,4}?(?:省|市|县|縣|区|區|州|旗))+)(?![长長委政直管级級域情场場])/u;

/** The places a title opens with (`广安市武胜县…` → `广安市武胜县`), else null. */
export function regionIn(title: string): string | null {
  const m = PLACE.exec(title);
  return m && !NOT_A_PLACE.test(m[1]!) ? m[1]! : null;
}

export function genreOf(title: string): string | null {
  return GENRES.find((g) => g.words.test(title))?.name ?? null;
}

/** A year in the title, else the first `YYYY年` in the document's opening (its dateline). */
export function yearOf(title: string, text: string): string | null {
  return yearInTitle(title) ?? /(?<!\d)((?:19|20)\d{2})年/u.exec(text.slice(0, 300))?.[1] ?? null;
}

interface AttributeIds {
  year: string;
  region: string;
  genre: string;
}

function createAttributes(db: Db, now: string): AttributeIds {
  const insert = db.stmt(
    'INSERT INTO attributes (id, name, type, choices, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const ids = { year: randomUUID(), region: randomUUID(), genre: randomUUID() };
  insert.run(ids.year, '年份', 'number', '[]', 0, now);
  insert.run(ids.region, '地区', 'text', '[]', 1, now);
  insert.run(ids.genre, '体裁', 'choice', JSON.stringify(GENRES.map((g) => g.name)), 2, now);
  return ids;
}

/** Imports the seed files prepared; returns the number of documents created. */
export function importPreparedSeeds(db: Db, dir: string, now: string): number {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.txt'))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const attrs = createAttributes(db, now);
  const setValue = db.stmt(
    'INSERT INTO document_attributes (id, document_id, attribute_id, value) VALUES (?, ?, ?, ?)',
  );
  const seen = new Set<string>();
  let count = 0;
  for (const name of names) {
    const path = resolve(join(dir, name));
    const bytes = readFileSync(path);
    const decoded = decodeText(bytes, 'auto', name);
    const { text, records } = clean(decoded.text, STEPS);
    const applied = records.filter((r) => r.count > 0);
    const splits = suggestSplits(text);
    const at = splits.map((s) => s.at).filter((a) => a > 0);
    const parts = cutParts(text, at);
    const wholeSha = textSha256(text);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    parts.forEach((part, i) => {
      const partSha = textSha256(part.text);
      if (seen.has(partSha)) return;
      seen.add(partSha);
      const title = cleanTitle(guessTitle(part.text, name));
      const id = insertDocument(
        db,
        {
          text: part.text,
          length: part.end - part.start,
          sha256,
          encoding: decoded.detection.encoding,
          cleaning: [...decoded.steps, ...applied.map((r) => r.step)],
          title,
          sourceFile: name,
          sourcePath: path,
          script: detectScript(part.text),
          sourceFormat: 'txt',
          // As import-commit: the raw text and the edits describe the whole file, kept on part 1.
          rawText: i === 0 && applied.length > 0 ? decoded.text : null,
          removedSpans: i === 0 ? applied : [],
          importReport: { detection: decoded.detection, preparedSample: true },
          splitFrom:
            parts.length > 1
              ? {
                  sourceSha256: sha256,
                  textSha256: wholeSha,
                  part: i + 1,
                  of: parts.length,
                  start: part.start,
                  end: part.end,
                }
              : null,
          textSha256: partSha,
        },
        now,
      );
      count++;
      const values: [string, string | null][] = [
        [attrs.year, yearOf(title, part.text)],
        [attrs.region, regionIn(title)],
        [attrs.genre, genreOf(title)],
      ];
      for (const [attribute, value] of values)
        if (value) setValue.run(`${id}/${attribute}`, id, attribute, value);
    });
  }
  return count;
}
