// electron.builder.yml: checked here because it cannot be run offline (electron-builder downloads
// Electron). Parsed with js-yaml and validated with electron-builder's own schema.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

interface ExtraResource {
  from: string;
  to: string;
  filter?: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  npmRebuild: boolean;
  asarUnpack: string[];
  extraResources: ExtraResource[];
  mac: { target: { target: string }[] };
  win: { target: { target: string }[] };
  linux: { target: { target: string }[] };
  electronFuses?: Record<string, boolean>;
}

const config = yaml.load(readFileSync(resolve(root, 'electron.builder.yml'), 'utf8')) as BuilderConfig;

describe('electron.builder.yml', () => {
  it('identifies the app', () => {
    expect(config.appId).toBe('org.pizhu.app');
    expect(config.productName).toMatch(/Pizhu/);
  });

  it('never rebuilds native modules in place (the Node build must survive)', () => {
    expect(config.npmRebuild).toBe(false);
  });

  it('unpacks better-sqlite3 native files from the asar', () => {
    expect(config.asarUnpack.some((p) => p.includes('better-sqlite3') && p.endsWith('.node'))).toBe(true);
  });

  it('ships the built app, seeds and the Electron binding', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'package.json']));
    const seeds = config.extraResources.find((r) => r.from === 'seeds');
    expect(seeds?.to).toBe('seeds');
    const native = config.extraResources.find((r) => r.from === '.native');
    expect(native?.to).toBe('native'); // electron/main/paths.ts reads <resources>/native/electron-<v>/
    expect(native?.filter).toContain('electron-*/better_sqlite3.node');
  });

  it('targets dmg, NSIS and AppImage', () => {
    expect(config.mac.target.map((t) => t.target)).toContain('dmg');
    expect(config.win.target.map((t) => t.target)).toContain('nsis');
    expect(config.linux.target.map((t) => t.target)).toContain('AppImage');
  });

  // Issue 12, finding 6: flipped in the Electron binary at packaging time, so an attacker with
  // only environment or argument control cannot turn the app into a Node runtime or debugger.
  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The renderer is served by the app:// protocol (electron/main/protocol.ts), not file://.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("matches electron-builder's configuration schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(
      validateConfiguration(structuredClone(config), new DebugLogger(false)),
    ).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...structuredClone(config), bogus: 1 }, new DebugLogger(false)),
    ).rejects.toThrow(/bogus/);
  });
});
