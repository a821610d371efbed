/**
 * Executes the CLI's commands against the core (the same `dispatch` every transport uses, so the
 * CLI sees exactly the API's validation and errors). `run(argv, io)` returns the exit code
 * instead of exiting, which lets unit tests call it in-process.
 *
 * Exit codes (args.ts EXIT_CODES, printed by `help`): 0 success, 1 any failure (usage errors print
 * the usage text; core errors print `code: message`, the same code the UI would translate).
 * Commands are the built-ins parsed in args.ts and the modules of registry.ts; `<command> --help`
 * prints one command's usage.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Code, Coder, DocumentSummary, ProjectInfo } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { openCore, type Core } from '../index';
import { defaultSeedsDir } from '../server/paths';
import { searchCli } from './search';
import { COMMAND_USAGE, UsageError, cliUsage, parseCliArgs, type CliCommand } from './args';
import { importFiles } from './import';
import { processIo, type CliIo } from './io';
import { terminalSafe as safe } from './escape';
import { CLI_MODULES, cliModule } from './registry';

export const CLI_USAGE = cliUsage(CLI_MODULES.map((m) => m.usage));

/** The usage of one command, or null for an unknown name. */
export function commandUsage(name: string): string | null {
  const usage = cliModule(name)?.usage ?? COMMAND_USAGE[name];
  return usage ? `Usage: npm run cli -- ${usage.trimStart()}` : null;
}

export type { CliIo } from './io';

export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name !== undefined && (rest.includes('--help') || rest.includes('-h'))) {
    const usage = commandUsage(name);
    if (usage) {
      io.out(usage);
      return 0;
    }
  }
  const module = cliModule(name);
  if (module) {
    try {
      return await module.run(rest, io);
    } catch (err) {
      if (err instanceof UsageError) {
        io.err(`error: ${err.message}\n\n${commandUsage(module.name) ?? ''}`);
        return 1;
      }
      io.err(`${describe(err)}\n`);
      return 1;
    }
  }
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
  if (err instanceof PizhuError) return `${err.code}: ${safe(err.message)}`;
  if (err instanceof UsageError) return `error: ${safe(err.message)}`;
  return `internal: ${safe(err instanceof Error ? err.message : String(err))}`;
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
  // The built-in sample corpus arrives prepared; an explicit --seeds folder is imported raw.
  const core = openCore({ file, seedsDir, empty: command.empty, prepareSeeds: !command.seeds });
  try {
    const documents = core.handlers['documents-list']({}) as DocumentSummary[];
    io.out(`Created ${core.file} with ${documents.length} document(s).\n`);
  } finally {
    core.close();
  }
  return 0;
}

/**
 * Opens an existing project read-only (info, export, search): no backup, no migration on disk,
 * nothing written. Unlike the app, the CLI never creates a project as a side effect.
 */
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
  return openCore({ file, empty: true, readOnly: true });
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
    `Project:        ${safe(project.file)}`,
    `Schema version: ${project.schemaVersion}`,
    `Documents:      ${project.documentCount}`,
    `Annotations:    ${project.annotationCount}`,
    `Current coder:  ${safe(current ? current.name : project.currentCoderId)}`,
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
      lines.push(`${'  '.repeat(depth + 1)}${safe(code.name)}  (${perCode.get(code.id) ?? 0})`);
      visit(code.id, depth + 1);
    }
  };
  visit(null, 0);
  lines.push('', `Coders (${coders.length}):`);
  for (const coder of coders) lines.push(`  ${safe(coder.name)}${coder.isCurrent ? '  (current)' : ''}`);
  lines.push('', `Documents (${documents.length}):`);
  documents.forEach((doc, i) => {
    lines.push(
      `  ${i + 1}. ${safe(doc.title)}  — ${doc.length.toLocaleString('en-US')} chars, ${doc.annotationTotal} annotation(s)`,
    );
  });
  return `${lines.join('\n')}\n`;
}
