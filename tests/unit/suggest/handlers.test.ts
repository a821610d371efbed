/**
 * suggest-* API over a real project: default rules seeded once, rule edits as undo steps,
 * import/export round trip (bad files change nothing), suggestions minus coded and rejected ones,
 * accept → annotations of the suggester coder (or a chosen coder), each batch one undo step.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation, Code, Coder, DocumentSummary, ExportFile } from '../../../shared/domain';
import type { SuggestRule, Suggestion } from '../../../shared/contracts/suggest';
import { openCore, type Core } from '../../../electron/core/index';
import { expectCode, tempDir, textFolder } from '../core/helpers';

const TEXT =
  '一、工作成效\n今年取得了明显成效。收入稳定。\n二、存在的问题\n𠀋资金压力较大。\n三、建议\n要加快改革。\n';

function project(): Core {
  return openCore({ file: join(tempDir(), 'p.pizhu'), seedsDir: textFolder({ 'a.txt': TEXT }) });
}
const call = async <T>(core: Core, m: string, input: unknown = {}) => (await core.dispatch(m, input)) as T;

describe('suggest API', () => {
  it('seeds the default rules once and edits them as undo steps', async () => {
    const core = project();
    try {
      const rules = await call<SuggestRule[]>(core, 'suggest-rules-list');
      expect(rules.length).toBeGreaterThan(100);
      expect(new Set(rules.map((r) => r.codePath))).toEqual(new Set(['成效', '问题', '建议']));
      const codes = await call<Code[]>(core, 'codes-list');
      const problem = codes.find((c) => c.name === '问题')!;
      const { rule } = await call<{ rule: SuggestRule }>(core, 'suggest-rules-create', {
        codeId: problem.id,
        kind: 'cue',
        pattern: '入不敷出',
        weight: 1.5,
      });
      expect(rule).toMatchObject({ codePath: '问题', enabled: true, pattern: '入不敷出' });
      await call(core, 'suggest-rules-update', { id: rule.id, patch: { enabled: false, weight: 2 } });
      let again = (await call<SuggestRule[]>(core, 'suggest-rules-list')).find((r) => r.id === rule.id)!;
      expect([again.enabled, again.weight]).toEqual([false, 2]);
      await call(core, 'history-undo');
      again = (await call<SuggestRule[]>(core, 'suggest-rules-list')).find((r) => r.id === rule.id)!;
      expect([again.enabled, again.weight]).toEqual([true, 1.5]);
      await call(core, 'suggest-rules-delete', { id: rule.id });
      expect((await call<SuggestRule[]>(core, 'suggest-rules-list')).length).toBe(rules.length);
      await expectCode(() => call(core, 'suggest-rules-delete', { id: rule.id }), 'suggest-rule-not-found');
      await expectCode(
        () => call(core, 'suggest-rules-create', { codeId: 'nope', kind: 'cue', pattern: 'x', weight: 1 }),
        'code-not-found',
      );
      await expectCode(
        () =>
          call(core, 'suggest-rules-create', { codeId: problem.id, kind: 'cue', pattern: ' ', weight: 1 }),
        'invalid-input',
      );
    } finally {
      core.close();
    }
  });

  it('exports and imports rule sets as JSON; a bad file changes nothing', async () => {
    const core = project();
    try {
      const file = await call<ExportFile>(core, 'suggest-rules-export');
      const json = JSON.parse(file.content) as { format: string; rules: { code: string }[] };
      expect(json.format).toBe('pizhu-suggest-rules');
      const before = await call<SuggestRule[]>(core, 'suggest-rules-list');
      const bad = JSON.stringify({
        ...json,
        rules: [...json.rules, { ...json.rules[0], code: '没有 > 这个' }],
      });
      const err = await expectCode(
        () => call(core, 'suggest-rules-import', { content: bad, replace: true }),
        'suggest-rules-unknown-code',
      );
      expect(err.params).toMatchObject({ line: json.rules.length + 1 });
      await expectCode(
        () => call(core, 'suggest-rules-import', { content: '{', replace: true }),
        'suggest-rules-invalid',
      );
      expect((await call<SuggestRule[]>(core, 'suggest-rules-list')).length).toBe(before.length);
      const res = await call<{ imported: number }>(core, 'suggest-rules-import', {
        content: file.content,
        replace: true,
      });
      expect(res.imported).toBe(before.length);
      const after = await call<SuggestRule[]>(core, 'suggest-rules-list');
      const strip = (l: SuggestRule[]) => l.map((r) => [r.codePath, r.kind, r.pattern, r.weight, r.enabled]);
      expect(strip(after)).toEqual(strip(before));
      await call(core, 'history-undo');
      expect((await call<SuggestRule[]>(core, 'suggest-rules-list')).map((r) => r.id)).toEqual(
        before.map((r) => r.id),
      );
    } finally {
      core.close();
    }
  });

  it('accepts as the suggester coder, remembers rejections, one undo step per batch', async () => {
    const core = project();
    try {
      const [doc] = await call<DocumentSummary[]>(core, 'documents-list');
      const list = await call<Suggestion[]>(core, 'suggest-document', { documentId: doc!.id });
      const quotes = list.map((s) => [...TEXT].slice(s.start, s.end).join(''));
      expect(quotes).toEqual(['今年取得了明显成效。', '收入稳定。', '𠀋资金压力较大。', '要加快改革。']);
      expect(list.map((s) => s.code)).toEqual(['成效', '成效', '问题', '建议']);
      expect(list[2]).toMatchObject({ document: doc!.id, start: 31, end: 39, memo: '' });
      const item = (s: Suggestion) => ({
        documentId: s.document,
        codeId: s.codeId,
        start: s.start,
        end: s.end,
      });

      const acc = await call<{ created: number; coderId: string }>(core, 'suggest-accept', {
        items: [item(list[0]!), item(list[2]!)],
      });
      expect(acc.created).toBe(2);
      const coders = await call<Coder[]>(core, 'coders-list');
      expect(coders.find((c) => c.id === acc.coderId)).toMatchObject({ name: '建议器', isCurrent: false });
      const anns = await call<Annotation[]>(core, 'annotations-list', { documentId: doc!.id });
      expect(anns.map((a) => [a.text, a.coderId])).toEqual([
        ['今年取得了明显成效。', acc.coderId],
        ['𠀋资金压力较大。', acc.coderId],
      ]);
      await call(core, 'suggest-reject', { items: [item(list[1]!)] });
      expect(
        (await call<Suggestion[]>(core, 'suggest-document', { documentId: doc!.id })).map((s) => s.start),
      ).toEqual([list[3]!.start]);
      // Undo the rejection, then the accepted batch (both annotations in one step).
      await call(core, 'history-undo');
      await call(core, 'history-undo');
      expect(await call<Annotation[]>(core, 'annotations-list', { documentId: doc!.id })).toEqual([]);
      expect((await call<Suggestion[]>(core, 'suggest-document', { documentId: doc!.id })).length).toBe(4);

      // A chosen coder; a bad item refuses the whole batch.
      const me = coders.find((c) => c.isCurrent)!;
      await expectCode(
        () =>
          call(core, 'suggest-accept', {
            items: [item(list[3]!), { ...item(list[3]!), end: 10_000 }],
            coderId: me.id,
          }),
        'range-invalid',
      );
      expect(await call<Annotation[]>(core, 'annotations-list', { documentId: doc!.id })).toEqual([]);
      await call(core, 'suggest-accept', { items: [item(list[3]!)], coderId: me.id });
      const [one] = await call<Annotation[]>(core, 'annotations-list', { documentId: doc!.id });
      expect(one).toMatchObject({ coderId: me.id, text: '要加快改革。' });
      await expectCode(
        () => call(core, 'suggest-accept', { items: [item(list[3]!)], coderId: 'nobody' }),
        'coder-not-found',
      );
    } finally {
      core.close();
    }
  });
});
