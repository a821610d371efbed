/**
 * Parsing of `npm run cli -- <command> [options]` into a typed command, with no side effects so
 * that every usage error can be unit-tested (tests/unit/cli/args.test.ts). Executing the command
 * is commands.ts's job.
 */
import { parseArgs } from 'node:util';

export type CliCommand =
  | { name: 'help' }
  | { name: 'init'; project: string; empty: boolean; seeds: string | null }
  | { name: 'export'; project: string; format: 'csv' | 'jsonl'; out: string }
  | { name: 'info'; project: string }
  | { name: 'search'; project: string; query: string; regex: boolean; limit: number | null };

/** A mistake in the command line: printed with the usage text, exit code 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const CLI_USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  init   --project FILE [--empty] [--seeds DIR]
         Create a new project with the default codebook (成效, 问题, 建议) and, unless --empty,
         the sample documents. Refuses to overwrite an existing file.
  export --project FILE --format csv|jsonl --out FILE
         Write the coded dataset (one row per annotation). CSV is UTF-8 with a BOM for Excel.
  info   --project FILE
         Show the project's documents, codes, coders and annotation counts.
  search --project FILE [--regex] [--limit N] QUERY
         Search every document (script- and case-insensitive: 问题 also finds 問題). QUERY: words
         separated by spaces must all occur (AND), A OR B, "exact phrase", /regex/. --regex takes
         QUERY as one regular expression. Prints one KWIC line per hit (title, code-point offset,
         left context, hit, right context; tab-separated), then the total. --limit: lines shown
         (default 5000; the total is always complete).
  help   Show this text.
`;

const FORMATS = ['csv', 'jsonl'] as const;

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
      });
      const project = required(name, v, 'project');
      const format = required(name, v, 'format');
      if (!(FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`export: --format must be csv or jsonl, got "${format}"`);
      }
      return { name, project, format: format as 'csv' | 'jsonl', out: required(name, v, 'out') };
    }
    case 'info': {
      const v = parseOptions(name, rest, { project: { type: 'string' } });
      return { name, project: required(name, v, 'project') };
    }
    case 'search':
      return parseSearch(rest);
    default:
      throw new UsageError(`Unknown command "${name}". Commands: init, export, info, search, help.`);
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
