/**
 * Parsing of `npm run cli -- <command> [options]` into a typed command, with no side effects so
 * that every usage error can be unit-tested (tests/unit/cli/args.test.ts). Executing the command
 * is commands.ts's job.
 */
import { parseArgs } from 'node:util';
import {
  CLEANING_STEPS,
  IMPORT_ENCODINGS,
  type CleaningStep,
  type ImportEncoding,
} from '../../../shared/import';
import { CODERS_USAGE, parseCodersCommand, type CodersCliCommand } from './coders';

export type CliCommand =
  | { name: 'help' }
  | { name: 'init'; project: string; empty: boolean; seeds: string | null }
  | { name: 'export'; project: string; format: 'csv' | 'jsonl' | 'spans'; out: string; coder?: string }
  | { name: 'info'; project: string }
  | {
      name: 'import';
      project: string;
      encoding: ImportEncoding | 'auto';
      clean: CleaningStep[];
      patterns: string[];
      keepDuplicates: boolean;
      paths: string[];
    }
  | { name: 'search'; project: string; query: string; regex: boolean; limit: number | null }
  | CodersCliCommand;

/** A mistake in the command line: printed with the usage text, exit code 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const CLI_USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  init   --project FILE [--empty] [--seeds DIR]
         Create a new project with the default codebook (成效, 问题, 建议) and, unless --empty,
         the sample documents. Refuses to overwrite an existing file.
  export --project FILE --format csv|jsonl|spans --out FILE [--coder NAME]
         Write the coded dataset (one row per annotation). CSV is UTF-8 with a BOM for Excel.
         spans: the span format of import-annotations (with --coder: only that coder's
         annotations, ready to import again; without: every line also names its "coder").
  info   --project FILE
         Show the project's documents, codes, coders and annotation counts.
  import --project FILE [--encoding auto|utf-8|utf-16|utf-16le|utf-16be|gb18030|gbk|big5]
         [--clean pinyin,boilerplate,whitespace,punctuation] [--pattern REGEX]... [--keep-duplicates]
         PATH...
         Import files (.txt .md .docx .html .htm .pdf) and folders (searched recursively) as
         documents; creates the project (empty, default codebook) if it does not exist. One line per
         file; exit code 1 if any file failed. Duplicates of existing documents are skipped unless
         --keep-duplicates. Cleaning runs only for the steps named in --clean.
  search --project FILE [--regex] [--limit N] QUERY
         Search every document (script- and case-insensitive: 问题 also finds 問題). QUERY: words
         separated by spaces must all occur (AND), A OR B, "exact phrase", /regex/. --regex takes
         QUERY as one regular expression. Prints one KWIC line per hit (title, code-point offset,
         left context, hit, right context; tab-separated), then the total. --limit: lines shown
         (default 5000; the total is always complete).
${CODERS_USAGE}  help   Show this text.
`;

const FORMATS = ['csv', 'jsonl', 'spans'] as const;

export function parseCliArgs(argv: readonly string[]): CliCommand {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return { name: 'help' };
  switch (name) {
    case 'init': {
      const v = parseOptions(name, rest, {
        project: { type: 'string' },
        empty: { type: 'boolean' },
        seeds: { type: 'string' },
      });
      return {
        name,
        project: required(name, v, 'project'),
        empty: v.empty === true,
        seeds: optional(v, 'seeds'),
      };
    }
    case 'export': {
      const v = parseOptions(name, rest, {
        project: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        coder: { type: 'string' },
      });
      const project = required(name, v, 'project');
      const format = required(name, v, 'format');
      if (!(FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`export: --format must be csv, jsonl or spans, got "${format}"`);
      }
      const coder = optional(v, 'coder');
      if (coder !== null && format !== 'spans')
        throw new UsageError('export: --coder only applies to --format spans');
      const out = required(name, v, 'out');
      const parsed = { name, project, format: format as 'csv' | 'jsonl' | 'spans', out } as const;
      return coder === null ? parsed : { ...parsed, coder };
    }
    case 'info': {
      const v = parseOptions(name, rest, { project: { type: 'string' } });
      return { name, project: required(name, v, 'project') };
    }
    case 'import':
      return parseImport(rest);
    case 'search':
      return parseSearch(rest);
    case 'import-annotations':
    case 'agreement':
      return parseCodersCommand(name, rest);
    default:
      throw new UsageError(
        `Unknown command "${name}". Commands: init, export, info, import, search, import-annotations, agreement, help.`,
      );
  }
}

function parseSearch(args: string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { project: { type: 'string' }, regex: { type: 'boolean' }, limit: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    throw new UsageError(`search: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { values, positionals } = parsed;
  const project = required('search', values, 'project');
  // Several positionals are one query (`search 问题 OR 困难` without quoting it in the shell).
  const query = positionals.join(' ');
  if (query.trim() === '') throw new UsageError('search: QUERY is required');
  let limit: number | null = null;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
      throw new UsageError(`search: --limit must be an integer from 1 to 100000, got "${values.limit}"`);
  }
  return { name: 'search', project, query, regex: values.regex === true, limit };
}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;
type OptionValues = Record<string, string | boolean | undefined>;

function parseOptions(command: string, args: string[], options: OptionSpec): OptionValues {
  try {
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
    return values;
  } catch (err) {
    // parseArgs' messages name the option ("Unknown option '--x'"); prefix the command for context.
    throw new UsageError(`${command}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function required(command: string, values: OptionValues, key: string): string {
  const value = values[key];
  if (typeof value !== 'string' || value === '') throw new UsageError(`${command}: --${key} is required`);
  return value;
}

function optional(values: OptionValues, key: string): string | null {
  const value = values[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

const ENCODING_ALIASES: Record<string, ImportEncoding | 'auto'> = {
  auto: 'auto',
  'utf-16': 'utf-16le',
  utf8: 'utf-8',
  gb2312: 'gbk',
  ...Object.fromEntries(IMPORT_ENCODINGS.map((e) => [e, e])),
};

function parseImport(args: string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        project: { type: 'string' },
        encoding: { type: 'string' },
        clean: { type: 'string' },
        pattern: { type: 'string', multiple: true },
        'keep-duplicates': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    throw new UsageError(`import: ${err instanceof Error ? err.message : String(err)}`);
  }
  const v = parsed.values;
  const project = required('import', v as OptionValues, 'project');
  const encodingName = (v.encoding ?? 'auto').toLowerCase();
  const encoding = ENCODING_ALIASES[encodingName];
  if (!encoding) {
    throw new UsageError(
      `import: --encoding must be one of ${Object.keys(ENCODING_ALIASES).join(', ')}, got "${v.encoding}"`,
    );
  }
  const clean = (v.clean ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const step of clean) {
    if (!(CLEANING_STEPS as readonly string[]).includes(step))
      throw new UsageError(`import: unknown cleaning step "${step}" (steps: ${CLEANING_STEPS.join(', ')})`);
  }
  if (parsed.positionals.length === 0) throw new UsageError('import: give at least one file or folder');
  return {
    name: 'import',
    project,
    encoding,
    clean: clean as CleaningStep[],
    patterns: v.pattern ?? [],
    keepDuplicates: v['keep-duplicates'] === true,
    paths: parsed.positionals,
  };
}
