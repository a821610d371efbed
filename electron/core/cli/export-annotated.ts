/**
 * `export --format docx|html`: annotated documents from the command line. Parsing (side-effect
 * free, unit-tested) and running live here so the `export` command only delegates to it:
 *   export --project FILE --format docx|html (--documents SEL[,SEL…] | --set NAME) --out FILE
 *          [--script original|simplified|traditional] [--lang zh-CN|zh-TW|en]
 * A document is chosen by its id, its exact title, or its number as `info` lists it; `all` takes
 * every document. The file is written by the caller (export.ts, atomically), whose usage text
 * describes these options.
 */
import { parseArgs } from 'node:util';
import {
  EXPORT_LOCALES,
  EXPORT_SCRIPTS,
  type AnnotatedFormat,
  type ExportLocale,
  type ExportScript,
} from '../../../shared/contracts/annotated-export';
import type { DocumentSummary, ExportFile } from '../../../shared/domain';
import type { DocumentSet } from '../../../shared/contracts/sets';
import { PizhuError } from '../../../shared/errors';
import type { Core } from '../index';
import { UsageError } from './args';

export interface AnnotatedExportCommand {
  name: 'export-annotated';
  project: string;
  format: AnnotatedFormat;
  documents: string[];
  set: string | null;
  script: ExportScript;
  locale: ExportLocale;
  out: string;
}

/** True when `export` is asked for an annotated format (so this module parses it). */
export function isAnnotatedExport(args: readonly string[]): boolean {
  return args.some(
    (a, i) =>
      /^--format=(docx|html)$/.test(a) || (a === '--format' && /^(docx|html)$/.test(args[i + 1] ?? '')),
  );
}

export function parseAnnotatedExport(args: string[]): AnnotatedExportCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        project: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        documents: { type: 'string', multiple: true },
        set: { type: 'string' },
        script: { type: 'string' },
        lang: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(`export: ${err instanceof Error ? err.message : String(err)}`);
  }
  const need = (key: 'project' | 'out' | 'format') => {
    const v = values[key];
    if (typeof v !== 'string' || v === '') throw new UsageError(`export: --${key} is required`);
    return v;
  };
  const documents = (values.documents ?? [])
    .flatMap((d) => d.split(','))
    .map((d) => d.trim())
    .filter(Boolean);
  const set = values.set?.trim() || null;
  if (documents.length > 0 === (set !== null))
    throw new UsageError('export: give either --documents or --set for docx and html');
  const script = values.script ?? 'original';
  if (!(EXPORT_SCRIPTS as readonly string[]).includes(script))
    throw new UsageError(`export: --script must be one of ${EXPORT_SCRIPTS.join(', ')}, got "${script}"`);
  const locale = values.lang ?? 'zh-CN';
  if (!(EXPORT_LOCALES as readonly string[]).includes(locale))
    throw new UsageError(`export: --lang must be one of ${EXPORT_LOCALES.join(', ')}, got "${locale}"`);
  return {
    name: 'export-annotated',
    project: need('project'),
    format: need('format') as AnnotatedFormat,
    documents,
    set,
    script: script as ExportScript,
    locale: locale as ExportLocale,
    out: need('out'),
  };
}

/** Document ids for the selectors (id, exact title, 1-based number, `all`), in the order given. */
export function selectDocuments(
  documents: readonly DocumentSummary[],
  selectors: readonly string[],
): string[] {
  const out: string[] = [];
  for (const sel of selectors) {
    if (sel === 'all') {
      out.push(...documents.map((d) => d.id));
      continue;
    }
    const n = /^\d+$/.test(sel) ? Number(sel) : NaN;
    const doc =
      documents.find((d) => d.id === sel) ??
      documents.find((d) => d.title === sel) ??
      (n >= 1 && n <= documents.length ? documents[n - 1] : undefined);
    if (!doc)
      throw new PizhuError('document-not-found', `No document "${sel}" (give an id, exact title or number)`, {
        id: sel,
      });
    out.push(doc.id);
  }
  return [...new Set(out)];
}

/** Runs the export on an open core; returns the file (DOCX content is base64). */
export async function runAnnotatedExport(core: Core, command: AnnotatedExportCommand): Promise<ExportFile> {
  const input: Record<string, unknown> = {
    format: command.format,
    script: command.script,
    locale: command.locale,
  };
  if (command.set !== null) {
    const sets = (await core.dispatch('sets-list', {})) as DocumentSet[];
    const set = sets.find((s) => s.id === command.set) ?? sets.find((s) => s.name === command.set);
    if (!set) throw new PizhuError('set-not-found', `No document set "${command.set}"`, { id: command.set });
    input.setId = set.id;
  } else {
    const documents = (await core.dispatch('documents-list', {})) as DocumentSummary[];
    input.documentIds = selectDocuments(documents, command.documents);
  }
  return (await core.dispatch('export-annotated', input)) as ExportFile;
}
