// Unit tests of the CLI's command-line parsing (electron/core/cli/args.ts): pure, no files.
import { describe, expect, it } from 'vitest';
import { UsageError, parseCliArgs } from '../../../electron/core/cli/args';

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

  it('parses export and checks the format', () => {
    expect(parseCliArgs(['export', '--project', 'p', '--format', 'jsonl', '--out', 'o.jsonl'])).toEqual({
      name: 'export',
      project: 'p',
      format: 'jsonl',
      out: 'o.jsonl',
    });
    expect(() => parseCliArgs(['export', '--project', 'p', '--format', 'xlsx', '--out', 'o'])).toThrow(
      /--format must be csv, jsonl or spans/,
    );
  });

  it('parses info', () => {
    expect(parseCliArgs(['info', '--project', 'p'])).toEqual({ name: 'info', project: 'p' });
  });

  it('names the missing option', () => {
    expect(() => parseCliArgs(['init'])).toThrow(/init: --project is required/);
    expect(() => parseCliArgs(['export', '--project', 'p', '--format', 'csv'])).toThrow(/--out is required/);
    expect(() => parseCliArgs(['info', '--project', ''])).toThrow(/--project is required/);
  });

  it('rejects unknown commands, unknown options and stray arguments', () => {
    expect(() => parseCliArgs(['frob'])).toThrow(UsageError);
    expect(() => parseCliArgs(['frob'])).toThrow(/Unknown command "frob"/);
    expect(() => parseCliArgs(['info', '--project', 'p', '--verbose'])).toThrow(/info: .*--verbose/);
    expect(() => parseCliArgs(['info', '--project', 'p', 'extra'])).toThrow(UsageError);
  });
});
