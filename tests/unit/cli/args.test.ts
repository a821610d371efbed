// Unit tests of the CLI's command-line parsing (electron/core/cli/args.ts): pure, no files.
import { describe, expect, it } from 'vitest';
import { UsageError, parseCliArgs } from '../../../electron/core/cli/args';
import { parseExportArgs } from '../../../electron/core/cli/export';

describe('parseCliArgs', () => {
  it('treats no command, help, --help and -h as help', () => {
    for (const argv of [[], ['help'], ['--help'], ['-h']])
      expect(parseCliArgs(argv)).toEqual({ name: 'help' });
  });

  it('parses init with and without --empty', () => {
    expect(parseCliArgs(['init', '--project', 'a.pizhu'])).toEqual({
      name: 'init',
      project: 'a.pizhu',
      empty: false,
      seeds: null,
    });
    expect(parseCliArgs(['init', '--project=a.pizhu', '--empty', '--seeds', 'dir'])).toEqual({
      name: 'init',
      project: 'a.pizhu',
      empty: true,
      seeds: 'dir',
    });
  });

  it('parses export (a command module) and checks the format', () => {
    expect(parseExportArgs(['--project', 'p', '--format', 'jsonl', '--out', 'o.jsonl'])).toEqual({
      name: 'export',
      project: 'p',
      format: 'jsonl',
      out: 'o.jsonl',
      formulaGuard: true,
      coder: null,
    });
    expect(
      parseExportArgs(['--project', 'p', '--format', 'spans', '--coder', '李四', '--out', 'o']),
    ).toMatchObject({ format: 'spans', coder: '李四' });
    expect(() =>
      parseExportArgs(['--project', 'p', '--format', 'csv', '--coder', 'A', '--out', 'o']),
    ).toThrow(/--coder only applies to --format spans/);
    expect(
      parseExportArgs(['--project', 'p', '--format', 'xlsx', '--out', 'o', '--no-formula-guard']),
    ).toMatchObject({
      format: 'xlsx',
      formulaGuard: false,
    });
    // xlsx, qdpx, … are formats now (issue 11); an unknown one is still refused, naming the choices.
    expect(() => parseExportArgs(['--project', 'p', '--format', 'odt', '--out', 'o'])).toThrow(
      /--format must be one of csv, jsonl, xlsx, qdpx, qdc, sentences, parquet, spans, docx, html/,
    );
  });

  it('parses info', () => {
    expect(parseCliArgs(['info', '--project', 'p'])).toEqual({ name: 'info', project: 'p' });
  });

  it('names the missing option', () => {
    expect(() => parseCliArgs(['init'])).toThrow(/init: --project is required/);
    expect(() => parseExportArgs(['--project', 'p', '--format', 'csv'])).toThrow(/--out is required/);
    expect(() => parseCliArgs(['info', '--project', ''])).toThrow(/--project is required/);
  });

  it('rejects unknown commands, unknown options and stray arguments', () => {
    expect(() => parseCliArgs(['frob'])).toThrow(UsageError);
    expect(() => parseCliArgs(['frob'])).toThrow(/Unknown command "frob"/);
    expect(() => parseCliArgs(['info', '--project', 'p', '--verbose'])).toThrow(/info: .*--verbose/);
    expect(() => parseCliArgs(['info', '--project', 'p', 'extra'])).toThrow(UsageError);
  });
});
