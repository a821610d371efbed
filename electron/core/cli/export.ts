/**
 * `npm run cli -- export`: writes any research export through the API's `export-file` (the same
 * bytes the UI saves) and its dataset card beside it (`<name>.README.md`; inside the archive for
 * QDPX). Formats map to `export-file` formats in one table, so a feature adds its format (spans,
 * docx, html) with one line.
 */
import { parseArgs } from 'node:util';
import { dirname, basename, extname, join, resolve } from 'node:path';
import type { ExportBundle, ExportFileFormat } from '../../../shared/contracts/interop';
import type { Coder, ExportFile } from '../../../shared/domain';
import type { Core } from '../index';
import { PizhuError } from '../../../shared/errors';
import { UsageError } from './args';
import type { CliIo } from './io';
import { withExistingProject, writeAtomically } from './files';
import type { CliModule } from './module';
import { terminalSafe as safe } from './escape';
import { isAnnotatedExport, parseAnnotatedExport, runAnnotatedExport } from './export-annotated';

/** CLI format → `export-file` format (sentences: CSV when --out ends in .csv, else JSONL). */
const FORMATS: Record<string, (out: string) => ExportFileFormat> = {
  csv: () => 'csv',
  jsonl: () => 'jsonl',
  xlsx: () => 'xlsx',
  qdpx: () => 'qdpx',
  qdc: () => 'qdc',
  sentences: (out) => (extname(out).toLowerCase() === '.csv' ? 'sentences-csv' : 'sentences-jsonl'),
  parquet: () => 'parquet',
};

export interface ExportArgs {
  name: 'export';
  project: string;
  format: string;
  out: string;
  formulaGuard: boolean;
  /** --format spans only: export just this coder's annotations (by name). */
  coder: string | null;
}

const USAGE = `  export --project FILE --format ${Object.keys(FORMATS).join('|')} --out FILE [--no-formula-guard]
         Write an export and its dataset card (README.md beside it; inside the archive for qdpx).
         csv/jsonl/xlsx: the coded dataset, one row per annotation (xlsx adds documents and
         codebook sheets). sentences: one row per sentence with the codes covering it (CSV when
         --out ends in .csv, else JSONL); parquet: the same rows as Parquet. qdpx: the project
         for other QDA software (REFI-QDA 1.5); qdc: the codebook. CSV and XLSX cells starting
         with = + - @ get a leading ' for Excel unless --no-formula-guard.
  export --project FILE --format spans --out FILE [--coder NAME]
         The span format of import-annotations (with --coder: only that coder's annotations,
         ready to import again; without: every line also names its "coder").
  export --project FILE --format docx|html (--documents SEL[,SEL...] | --set NAME) --out FILE
         [--script original|simplified|traditional] [--lang zh-CN|zh-TW|en]
         Write annotated documents: DOCX with one Word comment per annotation (code path, coder,
         memo), or one self-contained HTML page (highlights, margin notes, legend, outline; prints
         cleanly). SEL is a document id, its exact title, its number as listed by info, or all.
`;

/** The span file (import-annotations' format) of every coder, or of one named coder. */
async function exportSpans(core: Core, coder: string | null): Promise<ExportFile> {
  let coderIds: string[] | undefined;
  if (coder !== null) {
    const coders = (await core.dispatch('coders-list', {})) as Coder[];
    const found = coders.find((c) => c.name === coder);
    if (!found) throw new PizhuError('coder-not-found', `No coder named ${coder}`, { name: coder });
    coderIds = [found.id];
  }
  return (await core.dispatch('spans-export', coderIds ? { coderIds } : {})) as ExportFile;
}

export function parseExportArgs(args: string[]): ExportArgs {
  let values;
  try {
    values = parseArgs({
      args,
      options: {
        project: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'no-formula-guard': { type: 'boolean' },
        coder: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new UsageError(`export: ${err instanceof Error ? err.message : String(err)}`);
  }
  for (const key of ['project', 'format', 'out'] as const)
    if (!values[key]) throw new UsageError(`export: --${key} is required`);
  const format = values.format!;
  if (values.coder !== undefined && format !== 'spans')
    throw new UsageError('export: --coder only applies to --format spans');
  if (!Object.hasOwn(FORMATS, format) && format !== 'spans')
    throw new UsageError(
      `export: --format must be one of ${[...Object.keys(FORMATS), 'spans', 'docx', 'html'].join(', ')}, got "${format}"`,
    );
  return {
    name: 'export',
    project: values.project!,
    format,
    out: values.out!,
    formulaGuard: values['no-formula-guard'] !== true,
    coder: values.coder ?? null,
  };
}

/** `dataset.csv` → `dataset.README.md`, in the same folder. */
export function cardPath(out: string): string {
  const ext = extname(out);
  return join(dirname(out), `${basename(out, ext)}.README.md`);
}

/** Resolved output path, refused when it is the project file itself. */
function outputPath(project: string, outArg: string): string {
  const out = resolve(outArg);
  if (out === resolve(project)) throw new UsageError('export: --out must not be the project file');
  return out;
}

/** `--format docx|html`: annotated documents (export-annotated.ts). */
async function runAnnotated(args: string[], io: CliIo): Promise<number> {
  const command = parseAnnotatedExport(args);
  const out = outputPath(command.project, command.out);
  const file = await withExistingProject(command.project, (core) => runAnnotatedExport(core, command), {
    readOnly: true,
  });
  writeAtomically(out, file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content);
  io.out(`Exported ${file.rowCount} annotation(s) to ${safe(out)}\n`);
  return 0;
}

async function run(args: string[], io: CliIo): Promise<number> {
  if (isAnnotatedExport(args)) return runAnnotated(args, io);
  const command = parseExportArgs(args);
  const out = outputPath(command.project, command.out);
  if (command.format === 'spans') {
    const file = await withExistingProject(command.project, (core) => exportSpans(core, command.coder), {
      readOnly: true,
    });
    writeAtomically(out, file.content);
    io.out(`Exported ${file.rowCount} span(s) to ${safe(out)}\n`);
    return 0;
  }
  const file = await withExistingProject(
    command.project,
    async (core) =>
      (await core.dispatch('export-file', {
        format: FORMATS[command.format]!(out),
        formulaGuard: command.formulaGuard,
      })) as ExportBundle,
    { readOnly: true },
  );
  writeAtomically(out, file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content);
  if (file.card) writeAtomically(cardPath(out), file.card.content);
  io.out(
    `Exported ${file.rowCount} row(s) to ${safe(out)}${file.card ? ` (dataset card: ${safe(cardPath(out))})` : ''}\n`,
  );
  return 0;
}

export const exportCommand: CliModule = { name: 'export', usage: USAGE, run };
