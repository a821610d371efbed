/**
 * Benchmark: document attributes in analysis and segment filters (issue 6 items 2–3) on 100,000
 * annotations over the five seeds (bulk-inserted as in bench/analysis.ts), with a choice
 * attribute 省份 on four documents and a number attribute 年份 on all five; each next to a
 * baseline measured in the same run:
 * - `analysis-frequencies` by attribute next to the same call by document (the grouping it
 *   extends) and a raw SQL count joined with `document_attributes`;
 * - `segments-query` with an attribute condition (first page and a count) next to the same page
 *   filtered by the equivalent `documentIds`.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openCore } from '../electron/core/index';
import { bulkInsert, timeIt } from './analysis';
import { percentile, type Row } from './stats';

const ANNOTATIONS = 100_000;
const RUNS = 9;

export async function benchAttributes(opts: {
  workDir: string;
  repoRoot: string;
  log: (s: string) => void;
}): Promise<Row[]> {
  const { workDir, repoRoot, log } = opts;
  const file = join(workDir, 'attributes.pizhu');
  openCore({ file, seedsDir: join(repoRoot, 'seeds') }).close();
  bulkInsert(file, ANNOTATIONS);
  const core = openCore({ file });
  const raw = new Database(file, { readonly: true });
  const h = core.handlers;
  const section = `attributes in analysis (${ANNOTATIONS / 1000}k annotations)`;
  const rows: Row[] = [];
  const row = (measure: string, value: number[], baselineName: string, baseline: number[]) =>
    rows.push({
      section,
      measure,
      value: percentile(value, 50),
      baselineName,
      baseline: percentile(baseline, 50),
      unit: 'ms',
    });
  try {
    const docs = await h['documents-list']({});
    const province = (
      await h['attributes-create']({ name: '省份', type: 'choice', choices: ['河南', '四川'] })
    ).attribute.id;
    const year = (await h['attributes-create']({ name: '年份', type: 'number', choices: [] })).attribute.id;
    await h['attributes-set']({
      attributeId: province,
      documentIds: [docs[0]!.id, docs[2]!.id],
      value: '河南',
    });
    await h['attributes-set']({
      attributeId: province,
      documentIds: [docs[1]!.id, docs[3]!.id],
      value: '四川',
    });
    for (const [i, d] of docs.entries())
      await h['attributes-set']({ attributeId: year, documentIds: [d.id], value: String(2015 + i) });
    log(`attributes: ${ANNOTATIONS} annotations, 2 attributes set`);

    const rawCount = raw.prepare(
      `SELECT coalesce(v.value, ''), a.code_id, count(*) FROM annotations a
       LEFT JOIN document_attributes v ON v.document_id = a.document_id AND v.attribute_id = ?
       GROUP BY 1, 2`,
    );
    row(
      'core analysis-frequencies by attribute (count + coded union), p50',
      await timeIt(RUNS, () =>
        h['analysis-frequencies']({ groupBy: { attributeId: province }, includeSubcodes: false }),
      ),
      'raw SQL count by value × code',
      await timeIt(RUNS, () => rawCount.all(province)),
    );
    row(
      'core analysis-frequencies by attribute, with sub-codes, p50',
      await timeIt(RUNS, () =>
        h['analysis-frequencies']({ groupBy: { attributeId: province }, includeSubcodes: true }),
      ),
      'same call grouped by document (with sub-codes)',
      await timeIt(RUNS, () => h['analysis-frequencies']({ groupBy: 'document', includeSubcodes: true })),
    );
    const page = { sort: 'document' as const, direction: 'asc' as const, offset: 0, limit: 100 };
    row(
      'core segments-query, 省份 = 河南, first page + total, p50',
      await timeIt(RUNS, () =>
        h['segments-query']({ ...page, attributes: [{ attributeId: province, values: ['河南'] }] }),
      ),
      'same page by documentIds',
      await timeIt(RUNS, () => h['segments-query']({ ...page, documentIds: [docs[0]!.id, docs[2]!.id] })),
    );
    row(
      'core segments-query, 年份 2016–2018 + 省份 set, length sort, p50',
      await timeIt(RUNS, () =>
        h['segments-query']({
          ...page,
          sort: 'length',
          attributes: [{ attributeId: year, min: '2016', max: '2018' }, { attributeId: province }],
        }),
      ),
      'same page by documentIds',
      await timeIt(RUNS, () =>
        h['segments-query']({
          ...page,
          sort: 'length',
          documentIds: [docs[1]!.id, docs[2]!.id, docs[3]!.id],
        }),
      ),
    );
  } finally {
    raw.close();
    core.close();
  }
  return rows;
}
