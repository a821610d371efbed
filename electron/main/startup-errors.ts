/**
 * Messages for errors that stop the app from starting (project cannot be opened, project file
 * damaged or from a newer version, native SQLite module missing or built for another runtime).
 *
 * They appear in a native error box before any UI exists, so they are written in both
 * Simplified Chinese and English, name the file involved, and say that the file was not changed:
 * the app never "repairs" or recreates a project it could not open (losing weeks of coding is
 * the worst outcome for our users).
 *
 * Pure: tested in tests/unit/main/startup-errors.test.ts.
 */
import { PizhuError } from '../../shared/errors';

export type StartupFailure =
  'native-missing' | 'project-corrupt' | 'project-newer' | 'project-open-failed' | 'unknown';

/** Thrown by index.ts when the Electron build of better-sqlite3 is not where it should be. */
export class NativeModuleMissingError extends Error {
  readonly path: string;
  constructor(path: string) {
    super(`Native SQLite module not found: ${path}`);
    this.name = 'NativeModuleMissingError';
    this.path = path;
  }
}

export interface StartupContext {
  projectFile: string;
  nativeBinding: string;
}

export interface StartupMessage {
  kind: StartupFailure;
  title: string;
  message: string;
}

// Node's messages when a .node file is absent or built for another ABI / platform.
const NATIVE_LOAD_FAILURE =
  /NODE_MODULE_VERSION|compiled against a different Node\.js version|better_sqlite3\.node|invalid ELF header|not a valid Win32 application|wrong ELF class|dlopen/i;

export function classifyStartupError(err: unknown): StartupFailure {
  if (err instanceof NativeModuleMissingError) return 'native-missing';
  if (err instanceof PizhuError) {
    if (err.code === 'project-corrupt') return 'project-corrupt';
    if (err.code === 'project-newer') return 'project-newer';
  }
  // Checked before 'project-open-failed': the core wraps a failed `new Database()` — which is
  // where a wrong-ABI binding fails to load — into that code, but the fix is not about the file.
  const message = err instanceof Error ? err.message : String(err);
  if (NATIVE_LOAD_FAILURE.test(message)) return 'native-missing';
  if (err instanceof PizhuError && err.code === 'project-open-failed') return 'project-open-failed';
  return 'unknown';
}

export function describeStartupError(err: unknown, ctx: StartupContext): StartupMessage {
  const kind = classifyStartupError(err);
  const detail = err instanceof Error ? err.message : String(err);
  const unchanged = '文件没有被修改。\nThe file was not changed.';
  const title = '批注无法启动 / Pizhu cannot start';
  switch (kind) {
    case 'native-missing':
      return {
        kind,
        title,
        message: [
          '找不到适用于本程序的 SQLite 组件，或该组件与 Electron 版本不符。',
          '开发环境：请运行 npm start（会自动构建该组件）；安装版：请重新安装批注。',
          'The SQLite native module for this Electron version is missing or was built for another runtime.',
          'From source: run `npm start` (it builds the module). Installed app: reinstall Pizhu.',
          '',
          `路径 / Path: ${ctx.nativeBinding}`,
          `详情 / Details: ${detail}`,
        ].join('\n'),
      };
    case 'project-corrupt':
      return {
        kind,
        title,
        message: [
          '项目文件已损坏，无法打开。请检查同一文件夹中的自动备份。',
          'The project file is damaged and cannot be opened. Look for automatic backups in the same folder.',
          unchanged,
          '',
          `路径 / Path: ${ctx.projectFile}`,
          `详情 / Details: ${detail}`,
        ].join('\n'),
      };
    case 'project-newer':
      return {
        kind,
        title,
        message: [
          '该项目文件由更新版本的批注创建，请升级批注后再打开。',
          'This project file was created by a newer version of Pizhu. Update Pizhu to open it.',
          unchanged,
          '',
          `路径 / Path: ${ctx.projectFile}`,
        ].join('\n'),
      };
    case 'project-open-failed':
      return {
        kind,
        title,
        message: [
          '无法打开项目文件（可能是权限不足、磁盘已满或文件被其他程序占用）。',
          'The project file cannot be opened (permissions, a full disk, or another program may be using it).',
          unchanged,
          '',
          `路径 / Path: ${ctx.projectFile}`,
          `详情 / Details: ${detail}`,
        ].join('\n'),
      };
    default:
      return {
        kind,
        title,
        message: [
          '启动时发生意外错误。',
          'An unexpected error occurred while starting.',
          unchanged,
          '',
          `路径 / Path: ${ctx.projectFile}`,
          `详情 / Details: ${detail}`,
        ].join('\n'),
      };
  }
}
