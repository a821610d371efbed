/**
 * Executes the CLI's commands against the core (the same `dispatch` every transport uses, so the
 * CLI sees exactly the API's validation and errors). `run(argv, io)` returns the exit code
 * instead of exiting, which lets unit tests call it in-process.
 *
 * Exit codes: 0 success, 1 any failure (usage errors print the usage text; core errors print
 * `code: message`, the same code the UI would translate).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Code, Coder, DocumentSummary, ExportFile, ProjectInfo } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { openCore, type Core } from '../index';
import { defaultSeedsDir } from '../server/paths';
import { searchCli } from './search';
import { CLI_USAGE, UsageError, parseCliArgs, type CliCommand } from './args';
import { importFiles } from './import';
import { processIo, type CliIo } from './io';

export type { CliIo } from './io';

export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`error: ${err.message}\n\n${CLI_USAGE}`);
      return 1;
    }
    throw err;
  }
  try {
    switch (command.name) {
      case 'help':
        io.out(CLI_USAGE);
        return 0;
      case 'init':
        return init(command, io);
      case 'export':
        return await exportDataset(command, io);
      case 'info':
        return await info(command, io);
      case 'import':
        return await importFiles(command, io);
      case 'search':
        return await search(command, io);
    }
  } catch (err) {
    io.err(`${describe(err)}\n`);
    return 1;
  }
}

function describe(err: unknown): string {
  if (err instanceof PizhuError) return `${err.code}: ${err.message}`;
  if (err instanceof UsageError) return `error: ${err.message}`;
  return `internal: ${err instanceof Error ? err.message : String(err)}`;
}

function init(command: Extract<CliCommand, { name: 'init' }>, io: CliIo): number {
  const file = resolve(command.project);
  if (existsSync(file)) {
    io.err(`error: ${file} already exists; init never overwrites a project. Choose another --project.\n`);
    return 1;
  }
  const seedsDir = command.seeds ? resolve(command.seeds) : defaultSeedsDir();
  if (command.seeds && !existsSync(seedsDir ?? '')) {
    io.err(`error: seeds folder ${seedsDir} does not exist\n`);
    return 1;
  }
  const core = openCore({ file, seedsDir, empty: command.empty });
  try {
    const documents = core.handlers['documents-list']({}) as DocumentSummary[];
    io.out(`Created ${core.file} with ${documents.length} document(s).\n`);
  } finally {
    core.close();
  }
  return 0;
}

/** Opens an existing project; unlike the app, the CLI never creates one as a side effect. */
function openExisting(project: string): Core {
  const file = resolve(project);
  if (!existsSync(file)) {
    throw new PizhuError(
      'project-open-failed',
      `${file} does not exist (create it with: npm run cli -- init --project FILE)`,
      {
        file,
      },
    );
  }
  return openCore({ file, empty: true });
}

async function exportDataset(command: Extract<CliCommand, { name: 'export' }>, io: CliIo): Promise<number> {
  const out = resolve(command.out);
  if (out === resolve(command.project)) throw new UsageError('export: --out must not be the project file');
  const core = openExisting(command.project);
  let file: ExportFile;
  try {
    file = (await core.dispatch('export-dataset', { format: command.format })) as ExportFile;
  } finally {
    core.close();
  }
  writeAtomically(out, file.content);
  io.out(`Exported ${file.rowCount} row(s) to ${out}\n`);
  return 0;
}

/**
 * Write to a temporary file beside the target, flush it to disk, then rename: a crash never
 * leaves a truncated dataset under the real name (or destroys a previous good export).
 */
function writeAtomically(target: string, content: string): void {
  const tmp = `${target}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    const fd = openSync(tmp, 'wx');
    try {
      writeSync(fd, content, null, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new PizhuError(
      'internal',
      `Cannot write ${target}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

async function search(command: Extract<CliCommand, { name: 'search' }>, io: CliIo): Promise<number> {
  const core = openExisting(command.project);
  try {
    return await searchCli(core, command, io);
  } finally {
    core.close();
  }
}

async function info(command: Extract<CliCommand, { name: 'info' }>, io: CliIo): Promise<number> {
  const core = openExisting(command.project);
  try {
    const project = (await core.dispatch('project-info', {})) as ProjectInfo;
    const documents = (await core.dispatch('documents-list', {})) as DocumentSummary[];
    const codes = (await core.dispatch('codes-list', {})) as Code[];
    const coders = (await core.dispatch('coders-list', {})) as Coder[];
    io.out(formatInfo(project, documents, codes, coders));
  } finally {
    core.close();
  }
  return 0;
}

/** Plain-text report of a project; exported for tests. */
export function formatInfo(
  project: ProjectInfo,
  documents: DocumentSummary[],
  codes: Code[],
  coders: Coder[],
): string {
  const perCode = new Map<string, number>();
  for (const doc of documents) {
    for (const [codeId, count] of Object.entries(doc.annotationCounts)) {
      perCode.set(codeId, (perCode.get(codeId) ?? 0) + count);
    }
  }
  const current = coders.find((c) => c.id === project.currentCoderId);
  const lines = [
    `Project:        ${project.file}`,
    `Schema version: ${project.schemaVersion}`,
    `Documents:      ${project.documentCount}`,
    `Annotations:    ${project.annotationCount}`,
    `Current coder:  ${current ? current.name : project.currentCoderId}`,
    `Undo/redo:      ${project.history.canUndo ? 'can undo' : 'nothing to undo'}, ${project.history.canRedo ? 'can redo' : 'nothing to redo'}`,
    '',
    `Codes (${codes.length}):`,
  ];
  // Print the code tree depth-first in the user's order, with annotation counts.
  const children = new Map<string | null, Code[]>();
  for (const code of codes) {
    const list = children.get(code.parentId) ?? [];
    list.push(code);
    children.set(code.parentId, list);
  }
  const visit = (parentId: string | null, depth: number): void => {
    const list = [...(children.get(parentId) ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
    for (const code of list) {
      lines.push(`${'  '.repeat(depth + 1)}${code.name}  (${perCode.get(code.id) ?? 0})`);
      visit(code.id, depth + 1);
    }
  };
  visit(null, 0);
  lines.push('', `Coders (${coders.length}):`);
  for (const coder of coders) lines.push(`  ${coder.name}${coder.isCurrent ? '  (current)' : ''}`);
  lines.push('', `Documents (${documents.length}):`);
  documents.forEach((doc, i) => {
    lines.push(
      `  ${i + 1}. ${doc.title}  — ${doc.length.toLocaleString('en-US')} chars, ${doc.annotationTotal} annotation(s)`,
    );
  });
  return `${lines.join('\n')}\n`;
}
