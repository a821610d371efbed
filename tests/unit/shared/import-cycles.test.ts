/**
 * The import graph stays one-way: no file in the core, the renderer or shared code imports (even
 * only types from) a file that imports it back, directly or through others. A cycle makes modules
 * that cannot be loaded, tested or understood one without the other (developers' guide).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../../support/import-graph';

const repoRoot = resolve(import.meta.dirname, '../../..');

describe('import graph', () => {
  it('finds a cycle when there is one (the detector itself)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('sees the files and their imports', () => {
    const graph = importGraph(repoRoot, ['electron/core']);
    expect(graph.get('electron/core/db/database.ts')).toBeDefined();
    expect(graph.get('electron/core/cli/commands.ts')).toContain('electron/core/cli/import.ts');
  });

  for (const folder of ['electron', 'renderer/src', 'shared']) {
    it(`${folder} has no import cycle`, () => {
      expect(importCycles(importGraph(repoRoot, [folder]))).toEqual([]);
    });
  }
});
