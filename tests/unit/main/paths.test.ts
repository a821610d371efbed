// Where the project, seeds, native binding, preload and renderer are found.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  nativeBindingRelativePath,
  projectFromArgv,
  resolveAppPaths,
  type PathInputs,
} from '../../../electron/main/paths';
import { nativeBindingPath } from '../../../scripts/electron-native.mjs';

const base: PathInputs = {
  userData: '/home/u/.config/Pizhu',
  appPath: '/repo',
  resourcesPath: '/opt/Pizhu/resources',
  isPackaged: false,
  electronVersion: '45.4.1',
  mainDir: '/repo/out/main',
  argv: ['/repo/node_modules/electron/dist/electron', '.'],
  cwd: '/repo',
};

describe('resolveAppPaths', () => {
  it('development layout', () => {
    const p = resolveAppPaths(base);
    expect(p.projectFile).toBe(join('/home/u/.config/Pizhu', 'projects', 'default.pizhu'));
    expect(p.projectFromArgs).toBe(false);
    expect(p.seedsDir).toBe(join('/repo', 'seeds'));
    expect(p.nativeBinding).toBe(join('/repo', '.native', 'electron-45.4.1', 'better_sqlite3.node'));
    expect(p.preload).toBe(join('/repo', 'out', 'preload', 'index.cjs'));
    expect(p.rendererIndex).toBe(join('/repo', 'out', 'renderer', 'index.html'));
  });

  it('packaged layout reads seeds and the native binding from resources', () => {
    const p = resolveAppPaths({ ...base, isPackaged: true, appPath: '/opt/Pizhu/resources/app.asar' });
    expect(p.seedsDir).toBe(join('/opt/Pizhu/resources', 'seeds'));
    expect(p.nativeBinding).toBe(
      join('/opt/Pizhu/resources', 'native', 'electron-45.4.1', 'better_sqlite3.node'),
    );
    expect(p.projectFile).toBe(join('/home/u/.config/Pizhu', 'projects', 'default.pizhu'));
  });

  it('never points at the Node build in node_modules', () => {
    for (const isPackaged of [false, true]) {
      expect(resolveAppPaths({ ...base, isPackaged }).nativeBinding).not.toMatch(/node_modules/);
    }
  });

  it('uses the same layout as scripts/electron-native.mjs', () => {
    expect(resolveAppPaths(base).nativeBinding).toBe(nativeBindingPath('/repo', '45.4.1'));
    expect(nativeBindingRelativePath('45.4.1')).toBe(join('electron-45.4.1', 'better_sqlite3.node'));
  });

  it('opens another project with --project', () => {
    const p = resolveAppPaths({ ...base, argv: [...base.argv, '--project=/data/study.pizhu'] });
    expect(p.projectFile).toBe('/data/study.pizhu');
    expect(p.projectFromArgs).toBe(true);
  });
});

describe('projectFromArgv', () => {
  it('reads both forms and resolves relative paths against cwd', () => {
    expect(projectFromArgv(['--project', 'a.pizhu'], '/w')).toBe(resolve('/w', 'a.pizhu'));
    expect(projectFromArgv(['--project=b.pizhu'], '/w')).toBe(resolve('/w', 'b.pizhu'));
    expect(projectFromArgv(['x', '--other'], '/w')).toBeNull();
    expect(projectFromArgv(['--project='], '/w')).toBeNull();
    expect(projectFromArgv(['--project'], '/w')).toBeNull();
  });
});
