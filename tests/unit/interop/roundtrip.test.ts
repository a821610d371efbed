// Our REFI-QDA exports of the coded sample corpus validate against the official Project.xsd and
// Codebook.xsd (xmllint), and a project exported as .qdpx and imported into an empty project
// comes back with the same documents, codes, coders, annotations (same characters, positions
// outside the BMP included), memos, attributes and sets.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExportBundle } from '../../../shared/contracts/interop';
import { codedProject, emptyProject, importBytes, projectContent, REFI_DIR, tempDir } from './helpers';

function xmllint(schema: string, xml: string): void {
  const dir = join(tempDir(), 'xsd');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'doc.xml');
  writeFileSync(file, xml);
  // Throws (with xmllint's message) when the document does not validate.
  execFileSync('xmllint', ['--noout', '--schema', join(REFI_DIR, schema), file], { stdio: 'pipe' });
}

async function exportAs(
  core: Awaited<ReturnType<typeof codedProject>>,
  format: 'qdpx' | 'qdc',
): Promise<ExportBundle> {
  return (await core.dispatch('export-file', { format })) as ExportBundle;
}

describe('REFI-QDA export', () => {
  it('validates against the official XSDs; sources hold exactly the canonical text', async () => {
    const core = await codedProject();
    try {
      const qdpx = await exportAs(core, 'qdpx');
      expect(qdpx.encoding).toBe('base64');
      expect(qdpx.card).toBeNull();
      const files = unzipSync(new Uint8Array(Buffer.from(qdpx.content, 'base64')));
      const names = Object.keys(files).sort();
      expect(names).toContain('project.qde');
      expect(names).toContain('README.md');
      const sources = names.filter((n) => /^sources\/[0-9A-F-]{36}\.txt$/.test(n));
      expect(sources).toHaveLength(6);
      const qde = strFromU8(files['project.qde']!);
      expect(qde).toContain('xmlns="urn:QDA-XML:project:1.0"');
      xmllint('Project.xsd', qde);
      // Each selection's positions cut its quote out of the source file, in code points.
      const sel = /<TextSource guid="([^"]+)"[^>]*>([\s\S]*?)<\/TextSource>/g;
      let m: RegExpExecArray | null;
      let checked = 0;
      while ((m = sel.exec(qde))) {
        const text = [...strFromU8(files[`sources/${m[1]}.txt`]!)];
        for (const s of m[2]!.matchAll(/startPosition="(\d+)" endPosition="(\d+)"/g)) {
          expect(text.slice(Number(s[1]), Number(s[2])).join('').length).toBeGreaterThan(0);
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(14);
      expect(strFromU8(files['README.md']!)).toContain('code points');

      const qdc = await exportAs(core, 'qdc');
      expect(qdc.card?.fileName).toMatch(/\.README\.md$/);
      xmllint('Codebook.xsd', qdc.content);
      expect(qdc.content).toContain('name="财政压力"');
    } finally {
      core.close();
    }
  });

  it('round trip into an empty project gives the same content (𠀋𪚥 positions exact)', async () => {
    const source = await codedProject();
    const target = emptyProject('target.pizhu');
    try {
      const before = projectContent(source);
      const qdpx = await exportAs(source, 'qdpx');
      const report = await importBytes(
        target,
        qdpx.fileName,
        new Uint8Array(Buffer.from(qdpx.content, 'base64')),
      );
      expect(report.warnings).toEqual([]);
      expect(report.documents.added).toBe(6);
      const after = projectContent(target);
      expect(after.documents).toEqual(before.documents);
      // Codes: same paths, colours and definitions (the default codebook matched by path).
      expect(after.codes).toEqual(before.codes);
      expect(after.coders).toEqual(before.coders);
      expect(after.annotations).toEqual(before.annotations);
      expect(after.values).toEqual(before.values);
      expect(after.sets).toEqual(before.sets);
      expect(after.projectMemo).toBe(before.projectMemo);
      expect(after.annotations.some((a) => a.includes('|0|3|𠀋𪚥村|𠀋𪚥 memo'))).toBe(true);

      // Importing the same file again adds nothing.
      const again = await importBytes(
        target,
        qdpx.fileName,
        new Uint8Array(Buffer.from(qdpx.content, 'base64')),
      );
      expect(again.documents).toEqual({ added: 0, matched: 6 });
      expect(again.annotations.added).toBe(0);
      expect(again.memos.added).toBe(0);
      expect(projectContent(target)).toEqual(after);
    } finally {
      source.close();
      target.close();
    }
  });
});
