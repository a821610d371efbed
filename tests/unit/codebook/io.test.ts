// Codebook export/import: JSON and CSV formats, the round trip into a fresh project, merge
// semantics, strict validation that writes nothing, and undo of an import as one command.
import { describe, expect, test } from 'vitest';
import type { Code } from '../../../shared/domain';
import { parseCsvStrict, expectCode } from '../core/helpers';
import { codeNamed, codes, create, setup, snapshot, undo, historyOf } from './fixture';

type Fixture = ReturnType<typeof setup>;

function build(f: Fixture): void {
  const fiscal = create(f, '财政压力', f.root['问题'], {
    color: '#aa3333',
    shortcut: '4',
    definition: '财政收支矛盾, "缺口"',
    inclusion: '提到收入下降\n或支出刚性',
    exclusion: '单纯的债务问题',
    example: '县级财政捉襟见肘',
  });
  create(f, '县级', fiscal, { description: ' 前后空格 ' });
  create(f, '放权不到位', f.root['问题'], { color: '#3366cc' });
  f.h['codes-update']({ id: f.root['成效']!.id, definition: '成效的定义' });
}

/** The tree as comparable data: path → every user-visible field. */
function shape(f: Fixture) {
  const list = codes(f);
  const byId = new Map(list.map((c) => [c.id, c]));
  const path = (c: Code): string => (c.parentId ? `${path(byId.get(c.parentId)!)} > ${c.name}` : c.name);
  return Object.fromEntries(
    list.map((c) => [
      path(c),
      {
        color: c.color,
        shortcut: c.shortcut,
        description: c.description,
        definition: c.definition,
        inclusion: c.inclusion,
        exclusion: c.exclusion,
        example: c.example,
        sortOrder: c.sortOrder,
      },
    ]),
  );
}

describe('codebook-export', () => {
  test('JSON holds the tree with every field', () => {
    const f = setup();
    try {
      build(f);
      const file = f.h['codebook-export']({ format: 'json' });
      expect(file.fileName).toMatch(/^pizhu-codebook-\d{8}-\d{6}\.json$/);
      expect(file.rowCount).toBe(6);
      const doc = JSON.parse(file.content) as {
        format: string;
        version: number;
        codes: { name: string; children: { name: string; children: unknown[]; definition: string }[] }[];
      };
      expect(doc.format).toBe('pizhu-codebook');
      expect(doc.version).toBe(1);
      expect(doc.codes.map((c) => c.name)).toEqual(['成效', '问题', '建议']);
      expect(doc.codes[1]!.children.map((c) => c.name)).toEqual(['财政压力', '放权不到位']);
      expect(doc.codes[1]!.children[0]!.definition).toBe('财政收支矛盾, "缺口"');
      expect(doc.codes[1]!.children[0]!.children).toHaveLength(1);
    } finally {
      f.close();
    }
  });

  test('CSV: BOM, path and parent_path columns, one row per code in tree order', () => {
    const f = setup();
    try {
      build(f);
      const file = f.h['codebook-export']({ format: 'csv' });
      expect(
        file.content.startsWith(
          '\ufeffpath,parent_path,name,color,shortcut,description,definition,inclusion,exclusion,example\r\n',
        ),
      ).toBe(true);
      const rows = parseCsvStrict(file.content.slice(1));
      expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
        ['成效', ''],
        ['问题', ''],
        ['问题 > 财政压力', '问题'],
        ['问题 > 财政压力 > 县级', '问题 > 财政压力'],
        ['问题 > 放权不到位', '问题'],
        ['建议', ''],
      ]);
      expect(rows[3]![7]).toBe('提到收入下降\n或支出刚性');
      expect(rows[4]![5]).toBe(' 前后空格 ');
    } finally {
      f.close();
    }
  });
});

describe('codebook-import', () => {
  for (const format of ['json', 'csv'] as const) {
    test(`${format}: export → import into an empty project gives the same tree; one undo step`, () => {
      const a = setup();
      const b = setup({ seeds: false });
      try {
        build(a);
        const file = a.h['codebook-export']({ format });
        const before = snapshot(b);
        const result = b.h['codebook-import']({ format, content: file.content, mode: 'merge' }) as {
          created: number;
          updated: number;
          unchanged: number;
        };
        expect(result).toMatchObject({ created: 3, updated: 1, unchanged: 2 });
        expect(shape(b)).toEqual(shape(a));
        expect(historyOf(b).undoKind).toBe('codebook-import');
        // Importing again changes nothing and adds no undo step.
        b.h['codebook-import']({ format, content: file.content, mode: 'merge' });
        undo(b);
        expect(snapshot(b)).toEqual(before);
      } finally {
        a.close();
        b.close();
      }
    });
  }

  test('merge: existing codes keep colour and shortcut; descriptions update; taken shortcuts are dropped', () => {
    const f = setup();
    try {
      const content = JSON.stringify({
        codes: [
          { name: '成效', color: '#000000', shortcut: '9', description: '新的说明' },
          { name: '新代码', shortcut: '1', children: [{ name: '子代码', color: '#123456' }] },
        ],
      });
      f.h['codebook-import']({ format: 'json', content, mode: 'merge' });
      expect(codeNamed(f, '成效')).toMatchObject({
        color: '#2e9d5b',
        shortcut: '1',
        description: '新的说明',
      });
      expect(codeNamed(f, '新代码').shortcut).toBeNull();
      expect(codeNamed(f, '子代码')).toMatchObject({ color: '#123456', parentId: codeNamed(f, '新代码').id });
    } finally {
      f.close();
    }
  });

  const bad: [string, 'json' | 'csv', string, Record<string, unknown>][] = [
    ['malformed JSON', 'json', '{"codes": [', { field: 'JSON' }],
    ['codes not an array', 'json', '{"codes": 3}', { field: 'codes' }],
    ['empty name', 'json', '{"codes":[{"name":"ok"},{"name":"  "}]}', { field: 'codes[1].name' }],
    [
      'bad colour',
      'json',
      '{"codes":[{"name":"a","children":[{"name":"b","color":"red"}]}]}',
      { field: 'codes[0].children[0].color' },
    ],
    ['duplicate path', 'json', '{"codes":[{"name":"a"},{"name":"a"}]}', { field: '#2' }],
    ['wrong format tag', 'json', '{"format":"nvivo","codes":[]}', { field: 'format' }],
    ['unterminated quote', 'csv', 'path,name\r\n"a,a\r\n', { line: 2, field: 'CSV' }],
    ['unknown column', 'csv', 'path,name,colour\r\na,a,#000000\r\n', { line: 1, field: 'colour' }],
    ['missing name column', 'csv', 'path\r\na\r\n', { line: 1, field: 'name' }],
    ['field count', 'csv', 'path,name\r\na,a\r\nb\r\n', { line: 3, field: 'row' }],
    ['path disagrees', 'csv', 'path,parent_path,name\r\ny > b,x,b\r\n', { line: 2, field: 'path' }],
    ['parent missing', 'csv', 'path,parent_path,name\r\n新 > b,新,b\r\n', { field: '#1' }],
    ['bad shortcut', 'csv', 'path,name,shortcut\r\n新,新,0\r\n', { line: 2, field: 'shortcut' }],
  ];
  for (const [name, format, content, params] of bad) {
    test(`refuses ${name} with a location and writes nothing`, async () => {
      const f = setup();
      try {
        const before = snapshot(f);
        const history = historyOf(f);
        const err = await expectCode(
          () => f.h['codebook-import']({ format, content, mode: 'merge' }),
          'codebook-invalid',
        );
        expect(err.params).toMatchObject(params);
        expect(snapshot(f)).toEqual(before);
        expect(historyOf(f)).toEqual(history);
      } finally {
        f.close();
      }
    });
  }
});
