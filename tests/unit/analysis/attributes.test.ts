// Document attributes in the coded segments filter and in analysis-frequencies: attribute values
// set through the attributes API on the seeds, annotations created through the API (fixture.ts),
// expectations computed by brute force from those rows.
import { afterEach, describe, expect, test } from 'vitest';
import type { AttributeCondition } from '../../../shared/contracts/segments';
import type { Annotation } from '../../../shared/domain';
import { expectCode, parseCsvStrict } from '../core/helpers';
import { coveredBrute, isUnder, makeFixture, type Fixture } from './fixture';

let fx: Fixture | null = null;
afterEach(() => {
  fx?.core.close();
  fx = null;
});

interface Attrs {
  province: string;
  year: string;
  when: string;
  /** document id → value (absent: no value). */
  provinceOf: Map<string, string>;
  yearOf: Map<string, string>;
  whenOf: Map<string, string>;
}

/** 省份 (choice), 年份 (number), 日期 (date) on the seeds; one document without any value. */
async function withAttributes(f: Fixture): Promise<Attrs> {
  const h = f.core.handlers;
  const province = (
    await h['attributes-create']({ name: '省份', type: 'choice', choices: ['河南', '四川', '广东'] })
  ).attribute.id;
  const year = (await h['attributes-create']({ name: '年份', type: 'number', choices: [] })).attribute.id;
  const when = (await h['attributes-create']({ name: '日期', type: 'date', choices: [] })).attribute.id;
  const [d0, d1, d2, d3] = f.docs.map((d) => d.id);
  const set = async (attributeId: string, documentIds: string[], value: string) =>
    h['attributes-set']({ attributeId, documentIds, value });
  await set(province, [d0!, d2!], '河南');
  await set(province, [d1!], '四川');
  await set(province, [d3!], '广东');
  await set(year, [d0!], '２０１９'); // full-width digits: stored as 2019
  await set(year, [d1!, d3!], '2021');
  await set(year, [d2!], '2009');
  await set(when, [d0!], '2019年3月5日');
  await set(when, [d1!], '2019-11');
  await set(when, [d2!], '2020');
  const list = await h['attributes-list']({});
  const of = (id: string) =>
    new Map(list.values.filter((v) => v.attributeId === id).map((v) => [v.documentId, v.value]));
  return { province, year, when, provinceOf: of(province), yearOf: of(year), whenOf: of(when) };
}

async function ids(f: Fixture, attributes: AttributeCondition[], extra: object = {}): Promise<string[]> {
  const page = await f.core.handlers['segments-query']({
    attributes,
    ...extra,
    sort: 'document',
    direction: 'asc',
    offset: 0,
    limit: 1000,
  });
  expect(page.rows.length).toBe(page.total);
  return page.rows.map((r) => r.id).sort();
}

const sorted = (list: Annotation[]) => list.map((a) => a.id).sort();

describe('segments filtered by document attribute', () => {
  test('values, missing, ranges and several conditions (AND) equal brute force', async () => {
    fx = await makeFixture(71, 200);
    const a = await withAttributes(fx);
    const { annotations, docs } = fx;
    expect(docs.length).toBeGreaterThanOrEqual(5);
    expect(a.yearOf.get(docs[0]!.id)).toBe('2019');
    expect(a.whenOf.get(docs[0]!.id)).toBe('2019-03-05');
    const where = (p: (x: Annotation) => boolean) => sorted(annotations.filter(p));
    const prov = (x: Annotation) => a.provinceOf.get(x.documentId);
    const year = (x: Annotation) => a.yearOf.get(x.documentId);
    const when = (x: Annotation) => a.whenOf.get(x.documentId);

    expect(await ids(fx, [{ attributeId: a.province, values: ['河南'] }])).toEqual(
      where((x) => prov(x) === '河南'),
    );
    expect(await ids(fx, [{ attributeId: a.province, values: ['四川', '广东'] }])).toEqual(
      where((x) => prov(x) === '四川' || prov(x) === '广东'),
    );
    // Documents without a value, alone and together with a value.
    const none = where((x) => prov(x) === undefined);
    expect(none.length).toBeGreaterThan(0);
    expect(await ids(fx, [{ attributeId: a.province, missing: true }])).toEqual(none);
    expect(await ids(fx, [{ attributeId: a.province, values: ['四川'], missing: true }])).toEqual(
      where((x) => prov(x) === undefined || prov(x) === '四川'),
    );
    // Any value at all.
    expect(await ids(fx, [{ attributeId: a.province }])).toEqual(where((x) => prov(x) !== undefined));
    // Numbers: compared as numbers (2009 < 2019 < 2021, also as text here, so check 1e3 too).
    expect(await ids(fx, [{ attributeId: a.year, min: '2010', max: '２０２０' }])).toEqual(
      where((x) => year(x) !== undefined && Number(year(x)) >= 2010 && Number(year(x)) <= 2020),
    );
    expect(await ids(fx, [{ attributeId: a.year, min: '900' }])).toEqual(where((x) => year(x) !== undefined));
    expect(await ids(fx, [{ attributeId: a.year, values: ['2021.0'] }])).toEqual(
      where((x) => year(x) === '2021'),
    );
    // Dates: a bound covers its whole period.
    expect(await ids(fx, [{ attributeId: a.when, max: '2019' }])).toEqual(
      where((x) => when(x) !== undefined && when(x)!.slice(0, 4) <= '2019'),
    );
    expect(await ids(fx, [{ attributeId: a.when, min: '2019-04', max: '2020' }])).toEqual(
      where((x) => ['2019-11', '2020'].includes(when(x) ?? '')),
    );
    // AND of conditions, with other filters.
    const problem = fx.byName('问题').id;
    expect(
      await ids(
        fx,
        [
          { attributeId: a.province, values: ['河南', '广东'] },
          { attributeId: a.year, max: '2019' },
        ],
        { codeIds: [problem], includeSubcodes: true },
      ),
    ).toEqual(
      where(
        (x) =>
          ['河南', '广东'].includes(prov(x) ?? '') &&
          year(x) !== undefined &&
          Number(year(x)) <= 2019 &&
          isUnder(fx!.codes, x.codeId, problem),
      ),
    );
  });

  test('bad conditions are translated errors', async () => {
    fx = await makeFixture(72, 20);
    const a = await withAttributes(fx);
    const q = (attributes: AttributeCondition[]) => () =>
      fx!.core.handlers['segments-query']({
        attributes,
        sort: 'document',
        direction: 'asc',
        offset: 0,
        limit: 10,
      });
    await expectCode(q([{ attributeId: 'nope', values: ['x'] }]), 'attribute-not-found');
    await expectCode(q([{ attributeId: a.province, min: '1' }]), 'attribute-filter-invalid');
    await expectCode(q([{ attributeId: a.year, min: '二千' }]), 'attribute-value-invalid');
    await expectCode(q([{ attributeId: a.province, values: ['北京'] }]), 'attribute-value-invalid');
  });

  test('segments-export writes exactly the filtered rows', async () => {
    fx = await makeFixture(73, 120);
    const a = await withAttributes(fx);
    const file = await fx.core.handlers['segments-export']({
      attributes: [{ attributeId: a.province, values: ['河南'] }],
      sort: 'document',
      direction: 'asc',
      format: 'csv',
    });
    const rows = parseCsvStrict(file.content.replace(/^\uFEFF/, ''));
    const header = rows[0]!;
    const idCol = header.indexOf('annotation_id');
    const got = rows
      .slice(1)
      .map((r) => r[idCol]!)
      .sort();
    expect(got).toEqual(sorted(fx.annotations.filter((x) => a.provinceOf.get(x.documentId) === '河南')));
    expect(file.rowCount).toBe(got.length);
  });
});

describe('analysis-frequencies grouped by attribute', () => {
  test.each([false, true])(
    'counts and coded characters per value equal brute force (sub %s)',
    async (sub) => {
      fx = await makeFixture(74, 240);
      const a = await withAttributes(fx);
      const { core, codes, annotations } = fx;
      for (const [attributeId, valueOf, order] of [
        [a.province, a.provinceOf, ['河南', '四川', '广东', '']],
        [a.year, a.yearOf, ['2009', '2019', '2021', '']],
        [a.when, a.whenOf, ['2019-03-05', '2019-11', '2020', '']],
      ] as const) {
        const f = await core.handlers['analysis-frequencies']({
          groupBy: { attributeId },
          includeSubcodes: sub,
        });
        expect(f.groupBy).toEqual({ attributeId });
        expect(f.groups.map((g) => g.id)).toEqual(order);
        expect(f.groups.at(-1)).toEqual({ id: '', label: '', missing: true });
        const inRow = (codeId: string, row: string) => (sub ? isUnder(codes, codeId, row) : codeId === row);
        f.groups.forEach((g, i) => {
          f.codes.forEach((c, j) => {
            const mine = annotations.filter(
              (x) => (valueOf.get(x.documentId) ?? '') === g.id && inRow(x.codeId, c.id),
            );
            // The union is per document: ranges of different documents never merge.
            const coded = [...new Set(mine.map((x) => x.documentId))].reduce(
              (n, d) => n + coveredBrute(mine.filter((x) => x.documentId === d)),
              0,
            );
            expect(f.cells[i]![j]).toEqual({ count: mine.length, coded });
          });
        });
        expect(f.groupTotals.reduce((x, y) => x + y, 0)).toBe(annotations.length);
      }
    },
  );

  test('choices without documents still appear; documentIds restrict the groups; unknown id', async () => {
    fx = await makeFixture(75, 60);
    const a = await withAttributes(fx);
    const { core, docs, annotations } = fx;
    const f = await core.handlers['analysis-frequencies']({
      groupBy: { attributeId: a.province },
      includeSubcodes: false,
      documentIds: [docs[1]!.id],
    });
    // Every choice is a group (zero if no document has it); no "(none)": docs[1] has a value.
    expect(f.groups.map((g) => g.id)).toEqual(['河南', '四川', '广东']);
    expect(f.groupTotals).toEqual([0, annotations.filter((x) => x.documentId === docs[1]!.id).length, 0]);
    const years = await core.handlers['analysis-frequencies']({
      groupBy: { attributeId: a.year },
      includeSubcodes: false,
      documentIds: [docs[4]!.id],
    });
    expect(years.groups).toEqual([{ id: '', label: '', missing: true }]);
    expect(years.groupTotals).toEqual([annotations.filter((x) => x.documentId === docs[4]!.id).length]);
    await expectCode(
      () =>
        core.handlers['analysis-frequencies']({ groupBy: { attributeId: 'nope' }, includeSubcodes: false }),
      'attribute-not-found',
    );
  });
});
