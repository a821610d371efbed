/**
 * `npm run cli -- merge --project FILE OTHER`: merges another Pizhu project file (offline work of
 * a team member) or a REFI-QDA file (.qdpx/.qde/.qdc) into the project — documents by text hash,
 * codes by path, coders by name, one undo step — and prints the report. `--map "INCOMING PATH=OUR
 * PATH"` maps an incoming code that has no match to one of ours (paths joined with " > ").
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { InteropReport } from '../../../shared/contracts/interop';
import type { Code } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { openCore, type Core } from '../index';
import { historyKindOf, readExchangeBytes } from '../interop/handlers';
import { mergeModel } from '../interop/merge';
import { readPizhuFile } from '../interop/pizhu-read';
import { UsageError } from './args';
import type { CliIo } from './io';
import type { CliModule } from './module';
import { codePathsById } from './paths';

const USAGE = `  merge  --project FILE [--map "INCOMING > PATH=OUR > PATH"]... OTHER
         Merge another Pizhu project file (offline work) or a REFI-QDA file (.qdpx .qde .qdc) into
         the project: documents matched by text, codes by path, coders by name, annotations added
         under their coders, memos kept; merging the same file twice adds nothing. One undo step.
         Prints what was added, matched and what could not be carried over.
`;

export interface MergeArgs {
  project: string;
  other: string;
  maps: [string, string][];
}

export function parseMergeArgs(args: string[]): MergeArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { project: { type: 'string' }, map: { type: 'string', multiple: true } },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    throw new UsageError(`merge: ${err instanceof Error ? err.message : String(err)}`);
  }
  const project = parsed.values.project;
  if (!project) throw new UsageError('merge: --project is required');
  if (parsed.positionals.length !== 1) throw new UsageError('merge: give exactly one file to merge');
  const maps = (parsed.values.map ?? []).map((m): [string, string] => {
    const i = m.lastIndexOf('=');
    if (i <= 0 || i === m.length - 1)
      throw new UsageError(`merge: --map must be "INCOMING=OURS", got "${m}"`);
    return [m.slice(0, i).trim(), m.slice(i + 1).trim()];
  });
  return { project, other: parsed.positionals[0]!, maps };
}

export function formatReport(report: InteropReport): string {
  const lines = [
    `Merged ${report.format}${report.origin ? ` from ${report.origin}` : ''}:`,
    `  documents    ${report.documents.added} added, ${report.documents.matched} already present`,
    `  codes        ${report.codes.added} added, ${report.codes.matched} matched, ${report.codes.mapped} mapped`,
    `  coders       ${report.coders.added} added, ${report.coders.matched} matched`,
    `  annotations  ${report.annotations.added} added, ${report.annotations.duplicates} already present`,
    `  memos        ${report.memos.added} added`,
    `  attributes   ${report.attributes.added} added, ${report.attributes.values} values`,
    `  sets         ${report.sets.added} added, ${report.sets.members} members`,
  ];
  if (report.warnings.length > 0) lines.push('Not carried over / changed:');
  for (const w of report.warnings)
    lines.push(`  ${w.kind} (${w.count})${w.items.length > 0 ? `: ${w.items.join(', ')}` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** Resolves `--map` targets (our code paths) to code ids. */
function codeMap(core: Core, maps: [string, string][]): Record<string, string> {
  const paths = codePathsById(core.handlers['codes-list']({}) as Code[]);
  const byPath = new Map([...paths].map(([id, path]) => [path, id]));
  const out: Record<string, string> = {};
  for (const [incoming, ours] of maps) {
    const id = byPath.get(ours);
    if (!id) throw new UsageError(`merge: --map target "${ours}" is not a code of the project`);
    out[incoming] = id;
  }
  return out;
}

/** Merges one file into an open core: a Pizhu project by path (its write-ahead log included), other files as bytes. */
export async function mergeFile(
  core: Core,
  other: string,
  map: Record<string, string> = {},
): Promise<InteropReport> {
  const ctx = core.context;
  const bytes = new Uint8Array(readFileSync(other));
  const isPizhu = Buffer.from(bytes.subarray(0, 16)).toString('latin1') === 'SQLite format 3\u0000';
  const model = isPizhu ? readPizhuFile(ctx.db, other) : await readExchangeBytes(ctx, other, bytes);
  return mergeModel(ctx, model, { codeMap: map, historyKind: historyKindOf(model) });
}

async function run(args: string[], io: CliIo): Promise<number> {
  const command = parseMergeArgs(args);
  const project = resolve(command.project);
  const other = resolve(command.other);
  if (!existsSync(project))
    throw new PizhuError('project-open-failed', `${project} does not exist`, { file: project });
  if (!existsSync(other))
    throw new PizhuError('project-open-failed', `${other} does not exist`, { file: other });
  const core = openCore({ file: project, empty: true });
  try {
    io.out(formatReport(await mergeFile(core, other, codeMap(core, command.maps))));
  } finally {
    core.close();
  }
  return 0;
}

export const mergeCommand: CliModule = { name: 'merge', usage: USAGE, run };
