/**
 * CLI commands for several coders: `import-annotations` (a span file as one coder's annotations)
 * and `agreement` (the same report as the UI's agreement view, as a table, CSV or one JSON
 * object), as command modules (module.ts).
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  AGREEMENT_STATS,
  AGREEMENT_UNITS,
  type AgreementReport,
  type AgreementUnit,
} from '../../../shared/contracts/agreement';
import type { SpansImportSummary } from '../../../shared/contracts/coders';
import type { Code, Coder, DocumentSummary } from '../../../shared/domain';
import { splitCodePath } from '../../../shared/spans';
import { codePaths } from '../codes/rows';
import { PizhuError } from '../../../shared/errors';
import type { Core } from '../index';
import { agreementCsv } from '../agreement/report';
import { UsageError } from './args';
import type { CliIo } from './io';
import { withExistingProject } from './files';
import type { CliModule } from './module';

export type CodersCliCommand =
  | { name: 'import-annotations'; project: string; coder: string; createCodes: boolean; file: string }
  | {
      name: 'agreement';
      project: string;
      coders: string[];
      unit: AgreementUnit;
      documents: string[] | null;
      codes: string[] | null;
      format: 'table' | 'csv' | 'json';
    };

const IMPORT_ANNOTATIONS_USAGE = `  import-annotations --project FILE --coder NAME [--create-codes] SPANS.jsonl
         Add the spans of a file (one JSON object per line: {"document", "start", "end", "code",
         "memo"}; code points, end exclusive; code path with " > ") as the annotations of coder NAME
         (created if needed). Every line is checked before anything is written; unknown codes are
         errors unless --create-codes; exact duplicates are skipped. One undo step.
`;

const AGREEMENT_USAGE = `  agreement --project FILE --coders A,B[,C...] --unit character|sentence|paragraph|document
         [--documents ID_OR_TITLE,...] [--codes PATH,...] [--format table|csv|json]
         Inter-coder agreement per code and overall (percent agreement, Cohen's κ, Fleiss' κ,
         Krippendorff's α and α_u), the same numbers as the agreement view. Default scope: every
         document one of the coders coded, every code they used there.
`;

const list = (v: string | undefined): string[] | null =>
  v === undefined
    ? null
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');

function parse<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new UsageError(`${command}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function parseCodersCommand(
  name: 'import-annotations' | 'agreement',
  args: string[],
): CodersCliCommand {
  if (name === 'import-annotations') {
    const { values, positionals } = parse(name, {
      args,
      strict: true,
      allowPositionals: true,
      options: {
        project: { type: 'string' },
        coder: { type: 'string' },
        'create-codes': { type: 'boolean' },
      },
    } as const);
    const project = values.project;
    const coder = values.coder;
    if (typeof project !== 'string' || project === '') throw new UsageError(`${name}: --project is required`);
    if (typeof coder !== 'string' || coder.trim() === '')
      throw new UsageError(`${name}: --coder is required`);
    if (positionals.length !== 1) throw new UsageError(`${name}: give exactly one span file`);
    return {
      name,
      project,
      coder: coder.trim(),
      createCodes: values['create-codes'] === true,
      file: positionals[0]!,
    };
  }
  const { values, positionals } = parse(name, {
    args,
    strict: true,
    allowPositionals: true,
    options: {
      project: { type: 'string' },
      coders: { type: 'string' },
      unit: { type: 'string' },
      documents: { type: 'string' },
      codes: { type: 'string' },
      format: { type: 'string' },
    },
  } as const);
  if (positionals.length > 0) throw new UsageError(`${name}: unexpected argument "${positionals[0]}"`);
  const project = values.project;
  if (typeof project !== 'string' || project === '') throw new UsageError(`${name}: --project is required`);
  const coders = list(values.coders) ?? [];
  if (coders.length < 2)
    throw new UsageError(`${name}: --coders needs at least two names, e.g. --coders A,B`);
  const unit = values.unit;
  if (!(AGREEMENT_UNITS as readonly unknown[]).includes(unit))
    throw new UsageError(`${name}: --unit must be one of ${AGREEMENT_UNITS.join(', ')}`);
  const format = values.format ?? 'table';
  if (!['table', 'csv', 'json'].includes(format))
    throw new UsageError(`${name}: --format must be table, csv or json`);
  return {
    name,
    project,
    coders,
    unit: unit as AgreementUnit,
    documents: list(values.documents),
    codes: list(values.codes),
    format: format as 'table' | 'csv' | 'json',
  };
}

export async function runCodersCommand(core: Core, command: CodersCliCommand, io: CliIo): Promise<number> {
  if (command.name === 'import-annotations') {
    let content: string;
    try {
      content = readFileSync(command.file, 'utf8');
    } catch (err) {
      throw new PizhuError(
        'import-unreadable',
        `Cannot read ${command.file}: ${err instanceof Error ? err.message : String(err)}`,
        {
          file: command.file,
        },
      );
    }
    const r = (await core.dispatch('spans-import', {
      coder: command.coder,
      content,
      createCodes: command.createCodes,
    })) as SpansImportSummary;
    io.out(
      [
        `Coder:       ${r.coder.name}${r.coderCreated ? ' (created)' : ''}`,
        `Spans read:  ${r.lines}`,
        `Added:       ${r.created} annotation(s) in ${r.documents} document(s)`,
        `Duplicates:  ${r.duplicates} skipped`,
        `Codes added: ${r.codesCreated.length === 0 ? 'none' : r.codesCreated.join(', ')}`,
        'Undo:        one step (spans-import)',
        '',
      ].join('\n'),
    );
    return 0;
  }

  const coders = (await core.dispatch('coders-list', {})) as Coder[];
  const coderIds = command.coders.map((name) => {
    const c = coders.find((x) => x.name === name);
    if (!c) throw new PizhuError('coder-not-found', `No coder named ${name}`, { name });
    return c.id;
  });
  const input: { coderIds: string[]; unit: AgreementUnit; documentIds?: string[]; codeIds?: string[] } = {
    coderIds,
    unit: command.unit,
  };
  if (command.documents) {
    const docs = (await core.dispatch('documents-list', {})) as DocumentSummary[];
    input.documentIds = command.documents.map((d) => {
      // The same order as span files: id, then source file name, then title; never a guess.
      for (const match of [
        (x: DocumentSummary) => x.id === d,
        (x: DocumentSummary) => x.sourceFile === d,
        (x: DocumentSummary) => x.title === d,
      ]) {
        const found = docs.filter(match);
        if (found.length === 1) return found[0]!.id;
        if (found.length > 1)
          throw new PizhuError('document-not-found', `Document name ${d} is ambiguous`, { id: d });
      }
      throw new PizhuError('document-not-found', `No document ${d}`, { id: d });
    });
  }
  if (command.codes) {
    const codes = (await core.dispatch('codes-list', {})) as Code[];
    const paths = codePaths(codes);
    const byPath = new Map([...paths].map(([id, path]) => [path.join(' > '), id]));
    input.codeIds = command.codes.map((p) => {
      const id = byPath.get(splitCodePath(p).join(' > '));
      if (!id) throw new PizhuError('code-not-found', `No code ${p}`, { id: p });
      return id;
    });
  }
  const report = (await core.dispatch('agreement-compute', input)) as AgreementReport;
  if (command.format === 'json') io.out(`${JSON.stringify(report)}\n`);
  else if (command.format === 'csv') io.out(agreementCsv(report).content.replace(/^\uFEFF/, ''));
  else io.out(formatTable(report));
  return 0;
}

/** A plain-text table: code path, units, then the five statistics to three decimals. */
export function formatTable(report: AgreementReport): string {
  const heads = ['code', 'units', 'percent', 'cohen_k', 'fleiss_k', 'alpha', 'alpha_u'];
  const num = (v: number | null) => (v === null ? '—' : v.toFixed(3));
  const rows = [
    ...report.codes.map((c) => [c.code_path, String(c.units), ...AGREEMENT_STATS.map((k) => num(c[k]))]),
    ['(mean)', '', ...AGREEMENT_STATS.map((k) => num(report.overall.mean[k]))],
    [
      '(pooled)',
      String(report.overall.pooled.units),
      ...AGREEMENT_STATS.map((k) => num(report.overall.pooled[k])),
    ],
  ];
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.codePointAt(0)! > 0x2e80 ? 2 : 1), 0);
  const widths = heads.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const pad = (s: string, i: number) =>
    i === 0 ? s + ' '.repeat(widths[i]! - width(s)) : ' '.repeat(widths[i]! - width(s)) + s;
  const lines = [
    `Unit: ${report.unit}   Coders: ${report.coders.join(', ')}   Documents: ${report.documents.length}`,
    heads.map(pad).join('  '),
    ...rows.map((r) => r.map(pad).join('  ')),
  ];
  const reasons = new Set<string>();
  for (const c of [...report.codes, report.overall.mean, report.overall.pooled])
    for (const r of Object.values(c.null_reasons)) reasons.add(r);
  if (reasons.size > 0) lines.push(`— = not defined: ${[...reasons].join(', ')} (see docs/agreement.md)`);
  return `${lines.join('\n')}\n`;
}

function codersModule(name: 'import-annotations' | 'agreement', usage: string): CliModule {
  return {
    name,
    usage,
    run: (args, io) => {
      const command = parseCodersCommand(name, args);
      return withExistingProject(command.project, (core) => runCodersCommand(core, command, io));
    },
  };
}

export const importAnnotationsCommand = codersModule('import-annotations', IMPORT_ANNOTATIONS_USAGE);
export const agreementCommand = codersModule('agreement', AGREEMENT_USAGE);
