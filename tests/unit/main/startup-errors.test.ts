// Start-up failure messages: bilingual, name the file, say it was not changed.
import { describe, expect, it } from 'vitest';
import { PizhuError } from '../../../shared/errors';
import {
  classifyStartupError,
  describeStartupError,
  NativeModuleMissingError,
} from '../../../electron/main/startup-errors';

const ctx = {
  projectFile: '/home/u/Pizhu/projects/default.pizhu',
  nativeBinding: '/repo/.native/electron-45.4.1/better_sqlite3.node',
};

describe('startup errors', () => {
  it('classifies the known failures', () => {
    expect(classifyStartupError(new NativeModuleMissingError('/x.node'))).toBe('native-missing');
    expect(
      classifyStartupError(
        new Error(
          'The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115',
        ),
      ),
    ).toBe('native-missing');
    expect(classifyStartupError(new PizhuError('project-corrupt', 'integrity_check failed'))).toBe(
      'project-corrupt',
    );
    expect(classifyStartupError(new PizhuError('project-newer', 'schema 9 > 3'))).toBe('project-newer');
    expect(classifyStartupError(new PizhuError('project-open-failed', 'EACCES'))).toBe('project-open-failed');
    expect(classifyStartupError('???')).toBe('unknown');
    // The core wraps a binding that fails to load into project-open-failed: still a native problem.
    const wrapped = new PizhuError(
      'project-open-failed',
      'Cannot open /p.pizhu: was compiled against a different Node.js version',
    );
    expect(classifyStartupError(wrapped)).toBe('native-missing');
  });

  it.each([
    [new PizhuError('project-corrupt', 'database disk image is malformed'), ctx.projectFile],
    [new PizhuError('project-newer', 'schema'), ctx.projectFile],
    [new PizhuError('project-open-failed', 'EACCES'), ctx.projectFile],
    [new Error('weird'), ctx.projectFile],
    [new NativeModuleMissingError(ctx.nativeBinding), ctx.nativeBinding],
  ])('gives a Chinese + English message naming the path (%s)', (err, path) => {
    const { title, message } = describeStartupError(err, ctx);
    expect(title).toMatch(/[\u4e00-\u9fff]/);
    expect(title).toMatch(/Pizhu/);
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).toMatch(/[A-Za-z]{4,}/);
    expect(message).toContain(path);
  });

  it('tells the user the project file was not changed', () => {
    for (const code of ['project-corrupt', 'project-newer', 'project-open-failed'] as const) {
      const { message } = describeStartupError(new PizhuError(code, 'x'), ctx);
      expect(message).toContain('The file was not changed');
      expect(message).toContain('文件没有被修改');
    }
  });
});
