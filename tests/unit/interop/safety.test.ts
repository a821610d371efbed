// Hostile exchange files are refused with a clear error before anything is inflated or parsed
// beyond the check, and the project is left untouched: zip slip, zip bombs (entry count, sizes,
// ratio — read from the central directory), DOCTYPE / entity expansion / external entities.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkZip, isUnsafeEntryName } from '../../../electron/core/interop/zip';
import { expectCode } from '../core/helpers';
import { emptyProject, importBytes, projectContent } from './helpers';

const QDE = '<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"/>';

async function refused(bytes: Uint8Array, reason: string) {
  const core = emptyProject();
  try {
    const before = projectContent(core);
    const err = await expectCode(() => importBytes(core, 'evil.qdpx', bytes), 'interop-unsafe');
    expect(err.params?.reason).toBe(reason);
    expect(projectContent(core)).toEqual(before);
    expect(((await core.dispatch('history-state', {})) as { canUndo: boolean }).canUndo).toBe(false);
  } finally {
    core.close();
  }
}

describe('hostile exchange files', () => {
  it('refuses zip-slip entry names', async () => {
    for (const name of ['../evil.txt', 'sources/../../evil.txt', '/etc/passwd', 'C:/x.txt', 'a\\..\\b.txt'])
      expect(isUnsafeEntryName(name)).toBe(true);
    expect(isUnsafeEntryName('sources/ABC.txt')).toBe(false);
    await refused(zipSync({ 'project.qde': strToU8(QDE), '../evil.txt': strToU8('x') }), 'unsafe-path');
  });

  it('refuses a zip bomb by its ratio, before inflating', async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    await refused(
      zipSync({ 'project.qde': strToU8(QDE), 'sources/a.txt': zeros }, { level: 9 }),
      'compression-ratio',
    );
  });

  it('refuses too many entries and too much uncompressed data', async () => {
    const many: Record<string, Uint8Array> = { 'project.qde': strToU8(QDE) };
    for (let i = 0; i < 10_001; i++) many[`sources/${i}.txt`] = new Uint8Array(0);
    await refused(zipSync(many, { level: 0 }), 'too-many-entries');
    const big = zipSync({ 'a.txt': new Uint8Array(3000), 'b.txt': new Uint8Array(3000) }, { level: 0 });
    expect(() =>
      checkZip(big, { maxEntries: 10, maxTotalBytes: 5000, maxEntryBytes: 4000, maxRatio: 200 }),
    ).toThrow(/too-large/);
    expect(() =>
      checkZip(big, { maxEntries: 10, maxTotalBytes: 10000, maxEntryBytes: 2000, maxRatio: 200 }),
    ).toThrow(/entry-too-large/);
  });

  it('refuses a DOCTYPE, entity expansion and external entities (bare .qde and inside a .qdpx)', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>`;
    const external = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>`;
    await refused(strToU8(laughs), 'xml-entities');
    await refused(strToU8(external), 'xml-entities');
    await refused(zipSync({ 'project.qde': strToU8(external) }), 'xml-entities');
  });
});
