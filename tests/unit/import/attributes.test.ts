/**
 * Document attributes (create, bulk set with normalisation, suggestions, delete, export columns,
 * undo) and library management (rename, delete with annotations, reorder), all undoable.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Attribute, AttributeSuggestion, AttributeTable } from '../../../shared/attributes';
import type { Code, DocumentSummary, ExportFile } from '../../../shared/domain';
import type { SplitResult, SplitSuggestion } from '../../../shared/import';
import { openCore, type Core } from '../../../electron/core/index';
import { normaliseValue, yearInTitle } from '../../../electron/core/attributes/values';
import { SEEDS_DIR, expectCode, parseCsvStrict, tempDir } from '../core/helpers';

function seeded(): Core {
  return openCore({ file: join(tempDir(), 'p.pizhu'), seedsDir: SEEDS_DIR });
}
const docsOf = async (core: Core) => (await core.dispatch('documents-list', {})) as DocumentSummary[];
const create = async (core: Core, input: Record<string, unknown>) =>
  ((await core.dispatch('attributes-create', input)) as { attribute: Attribute }).attribute;

describe('attribute values', () => {
  it('normalise by type and refuse what does not fit', async () => {
    expect(normaliseValue(' １，２００ ', 'number', [], 'n')).toBe('1200');
    expect(normaliseValue('3.50', 'number', [], 'n')).toBe('3.5');
    expect(normaliseValue('2011年3月5日', 'date', [], 'd')).toBe('2011-03-05');
    expect(normaliseValue('2011/3', 'date', [], 'd')).toBe('2011-03');
    expect(normaliseValue('2011', 'date', [], 'd')).toBe('2011');
    expect(normaliseValue('讲话', 'choice', ['讲话', '报告'], 'c')).toBe('讲话');
    await expectCode(() => normaliseValue('abc', 'number', [], 'n'), 'attribute-value-invalid');
    await expectCode(() => normaliseValue('2011-02-30', 'date', [], 'd'), 'attribute-value-invalid');
    await expectCode(() => normaliseValue('通知', 'choice', ['讲话'], 'c'), 'attribute-value-invalid');
    expect(yearInTitle('2019年某县开展扩权强县试点工作总结')).toBe('2019');
    expect(yearInTitle('冀政(20XX)8號')).toBeNull();
    expect(yearInTitle('政府参阅[2011]6号')).toBe('2011');
  });
});

describe('attributes', () => {
  it('create, bulk set in one undo step, list, export as columns, delete with values', async () => {
    const core = seeded();
    try {
      const docs = await docsOf(core);
      const year = await create(core, { name: '年份', type: 'number' });
      const genre = await create(core, { name: '文种', type: 'choice', choices: ['讲话', '报告', '讲话'] });
      expect(genre.choices).toEqual(['讲话', '报告']);
      await expectCode(() => create(core, { name: '年份', type: 'text' }), 'attribute-invalid');
      await expectCode(() => create(core, { name: 'code', type: 'text' }), 'attribute-invalid');
      await expectCode(() => create(core, { name: '类', type: 'choice' }), 'attribute-invalid');

      const set = (await core.dispatch('attributes-set', {
        attributeId: genre.id,
        documentIds: [docs[0]!.id, docs[2]!.id, docs[3]!.id],
        value: '讲话',
      })) as { changed: number; history: { undoKind: string } };
      expect(set).toMatchObject({ changed: 3, history: { undoKind: 'attribute-set' } });
      await core.dispatch('attributes-set', {
        attributeId: year.id,
        documentIds: [docs[1]!.id],
        value: '２０１１',
      });
      await expectCode(
        () =>
          core.dispatch('attributes-set', {
            attributeId: genre.id,
            documentIds: [docs[1]!.id],
            value: '通知',
          }),
        'attribute-value-invalid',
      );
      const table = (await core.dispatch('attributes-list', {})) as AttributeTable;
      expect(table.attributes.map((a) => a.name)).toEqual(['年份', '文种']);
      expect(table.values).toContainEqual({ documentId: docs[1]!.id, attributeId: year.id, value: '2011' });
      expect(table.values).toHaveLength(4);

      // Export: one column per attribute after the fixed ones.
      const code = ((await core.dispatch('codes-list', {})) as Code[])[0]!;
      await core.dispatch('annotations-create', {
        documentId: docs[1]!.id,
        codeId: code.id,
        start: 0,
        end: 5,
      });
      const csv = (await core.dispatch('export-dataset', { format: 'csv' })) as ExportFile;
      const [header, row] = parseCsvStrict(csv.content.replace(/^\ufeff/, ''));
      expect(header!.slice(-2)).toEqual(['年份', '文种']);
      expect(row!.slice(-2)).toEqual(['2011', '']);

      // Bulk set in one step: one undo clears all three values.
      await core.dispatch('history-undo', {}); // the annotation
      await core.dispatch('history-undo', {}); // 年份
      await core.dispatch('history-undo', {}); // 文种 on three documents
      expect(((await core.dispatch('attributes-list', {})) as AttributeTable).values).toEqual([]);
      await core.dispatch('history-redo', {});
      expect(((await core.dispatch('attributes-list', {})) as AttributeTable).values).toHaveLength(3);

      await core.dispatch('attributes-set', {
        attributeId: genre.id,
        documentIds: [docs[0]!.id],
        value: null,
      });
      const del = (await core.dispatch('attributes-delete', { id: genre.id })) as { deleted: Attribute };
      expect(del.deleted.name).toBe('文种');
      expect(
        ((await core.dispatch('attributes-list', {})) as AttributeTable).attributes.map((a) => a.name),
      ).toEqual(['年份']);
      await core.dispatch('history-undo', {});
      expect(((await core.dispatch('attributes-list', {})) as AttributeTable).values).toHaveLength(2);
    } finally {
      core.close();
    }
  });

  it('suggests years found in titles, without applying them', async () => {
    const core = seeded();
    try {
      const docs = await docsOf(core);
      await core.dispatch('documents-rename', { id: docs[4]!.id, title: '2024年区委书记交流发言' });
      const s = (await core.dispatch('attributes-suggest', {})) as AttributeSuggestion[];
      expect(s).toEqual([{ documentId: docs[4]!.id, kind: 'year-in-title', value: '2024' }]);
      expect(((await core.dispatch('attributes-list', {})) as AttributeTable).values).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('a split gives every part the attribute values of the original', async () => {
    const core = seeded();
    try {
      const docs = await docsOf(core);
      const genre = await create(core, { name: '文种', type: 'text' });
      await core.dispatch('attributes-set', {
        attributeId: genre.id,
        documentIds: [docs[3]!.id],
        value: '讲话',
      });
      const at = ((await core.dispatch('documents-split-suggest', { id: docs[3]!.id })) as SplitSuggestion[])
        .map((s) => s.at)
        .filter((a) => a > 0);
      const r = (await core.dispatch('documents-split', { id: docs[3]!.id, at })) as SplitResult;
      const values = ((await core.dispatch('attributes-list', {})) as AttributeTable).values;
      expect(values.map((v) => v.documentId).sort()).toEqual(r.documents.map((d) => d.id).sort());
      await core.dispatch('history-undo', {});
      expect(((await core.dispatch('attributes-list', {})) as AttributeTable).values).toEqual([
        { documentId: docs[3]!.id, attributeId: genre.id, value: '讲话' },
      ]);
    } finally {
      core.close();
    }
  });
});

describe('library management', () => {
  it('rename, reorder and delete (with annotations and values) are each one undo step', async () => {
    const core = seeded();
    try {
      const docs = await docsOf(core);
      const code = ((await core.dispatch('codes-list', {})) as Code[])[0]!;
      const attr = await create(core, { name: '地区', type: 'text' });
      await core.dispatch('attributes-set', {
        attributeId: attr.id,
        documentIds: [docs[2]!.id],
        value: '某县',
      });
      for (const [s, e] of [
        [0, 4],
        [10, 20],
      ] as const)
        await core.dispatch('annotations-create', {
          documentId: docs[2]!.id,
          codeId: code.id,
          start: s,
          end: e,
        });

      const renamed = (await core.dispatch('documents-rename', { id: docs[0]!.id, title: '  新标题 ' })) as {
        document: DocumentSummary;
      };
      expect(renamed.document.title).toBe('新标题');
      await core.dispatch('history-undo', {});
      expect((await docsOf(core))[0]!.title).toBe(docs[0]!.title);

      const reversed = [...docs].reverse().map((d) => d.id);
      await core.dispatch('documents-reorder', { ids: reversed });
      expect((await docsOf(core)).map((d) => d.id)).toEqual(reversed);
      await expectCode(() => core.dispatch('documents-reorder', { ids: reversed.slice(1) }), 'invalid-input');
      await core.dispatch('history-undo', {});
      expect((await docsOf(core)).map((d) => d.id)).toEqual(docs.map((d) => d.id));

      const del = (await core.dispatch('documents-delete', { id: docs[2]!.id })) as {
        deleted: { annotations: number };
        history: { undoKind: string };
      };
      expect(del).toMatchObject({ deleted: { annotations: 2 }, history: { undoKind: 'document-delete' } });
      expect(await docsOf(core)).toHaveLength(4);
      await core.dispatch('history-undo', {});
      const back = await docsOf(core);
      expect(back.map((d) => d.id)).toEqual(docs.map((d) => d.id));
      expect(back[2]!.annotationTotal).toBe(2);
      expect(((await core.dispatch('attributes-list', {})) as AttributeTable).values).toHaveLength(1);
      await expectCode(() => core.dispatch('documents-delete', { id: 'nope' }), 'document-not-found');
    } finally {
      core.close();
    }
  });
});
