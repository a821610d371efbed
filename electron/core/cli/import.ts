/**
 * `npm run cli -- import`: imports files and folders through the same `import-commit` method the
 * dialog uses (one call, one transaction, one undoable command per file), printing one line per
 * file; the search index is built once at the end. The method runs in-process on the file's
 * Buffer (`commitImport`), not through base64. A failed file changes nothing and does not stop
 * the others; the exit code is 1 if any failed.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve, extname } from 'node:path';
import { PizhuError } from '../../../shared/errors';
import type { ImportCommitResult } from '../../../shared/import';
import { openCore } from '../index';
import { translateError, validateInput } from '../api/dispatch';
import { commitImport } from '../import/handlers';
import { checkSize, SUPPORTED_EXTENSIONS } from '../import/formats';
import { MAX_INTEROP_BYTES } from '../interop/handlers';
import type { CliCommand } from './args';
import type { CliIo } from './io';
import { INTEROP_EXTENSIONS } from '../../../shared/contracts/interop';
import { formatReport, mergeFile } from './merge';
import { terminalSafe as safe } from './escape';

type ImportCommand = Extract<CliCommand, { name: 'import' }>;

/** Files to import: given files as they are, folders searched recursively for supported types. */
export function collectFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && SUPPORTED_EXTENSIONS.includes(extname(e.name).toLowerCase())) files.push(p);
    }
  };
  for (const p of paths) {
    const abs = resolve(p);
    if (!existsSync(abs)) missing.push(abs);
    else if (statSync(abs).isDirectory()) walk(abs);
    else files.push(abs);
  }
  return { files, missing };
}

function checkInteropSize(path: string): void {
  const size = statSync(path).size;
  if (size > MAX_INTEROP_BYTES)
    throw new PizhuError('import-too-large', `${path} is larger than ${MAX_INTEROP_BYTES} bytes`, {
      size,
      limit: MAX_INTEROP_BYTES,
    });
}

export async function importFiles(command: ImportCommand, io: CliIo): Promise<number> {
  const { files, missing } = collectFiles(command.paths);
  const file = resolve(command.project);
  const created = !existsSync(file);
  const core = openCore({ file, empty: true });
  let failed = missing.length;
  let imported = 0;
  let skipped = 0;
  try {
    if (created) io.out(`Created ${safe(core.file)} (empty, default codebook)\n`);
    for (const m of missing) io.out(`failed    ${safe(m)}: not found\n`);
    for (const path of files) {
      try {
        if ((INTEROP_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase())) {
          // A REFI-QDA file or another project: merged, with its report.
          checkInteropSize(path);
          const report = await mergeFile(core, path);
          imported++;
          io.out(`imported  ${path}: ${report.documents.added} document(s) added\n${formatReport(report)}`);
          continue;
        }
        checkSize(path, statSync(path).size);
        // In-process: the file's Buffer goes to the import as it is (no base64 round trip);
        // the options are checked by the method's contract like any transport's input.
        const input = validateInput('import-commit', {
          fileName: path,
          contentBase64: '',
          encoding: command.encoding,
          cleaning: command.clean,
          patterns: command.patterns,
          sourcePath: path,
          skipDuplicates: !command.keepDuplicates,
          deferIndex: true,
        });
        let r: ImportCommitResult;
        try {
          r = await commitImport(core.context, input, readFileSync(path));
        } catch (err) {
          throw translateError(err, core.file);
        }
        if (r.status === 'skipped-duplicate') {
          skipped++;
          io.out(`skipped   ${safe(path)}: duplicate of "${safe(r.duplicateOf?.title ?? '')}"\n`);
          continue;
        }
        imported++;
        const steps = r.preview.steps.map((s) => `${s.step} ${s.count}`).join(', ');
        const warnings = r.preview.warnings
          .map((w) => {
            switch (w.kind) {
              case 'duplicate':
                return 'duplicate kept';
              case 'encoding-guess':
                return `encoding uncertain (${w.encoding}, could be ${w.alternative})`;
              case 'mixed-encoding':
                return `${w.count} lines in ${w.encoding} (lines ${w.lines.join(',')})`;
              case 'invalid-bytes':
                return `${w.count} invalid-bytes${w.lines?.length ? ` (lines ${w.lines.join(',')})` : ''}`;
              default:
                return `${w.count} ${w.kind}`;
            }
          })
          .join(', ');
        const docs = r.documents.map((d) => `"${safe(d.title)}" (${d.length} chars)`).join('; ');
        io.out(
          `imported  ${safe(path)}: ${r.preview.detection.encoding}, ${r.preview.script}` +
            `${steps ? `, cleaned: ${steps}` : ''}${warnings ? `, warnings: ${warnings}` : ''} → ${docs}\n`,
        );
      } catch (err) {
        failed++;
        const reason = err instanceof PizhuError ? `${err.code}: ${err.message}` : `internal: ${String(err)}`;
        io.out(`failed    ${safe(path)}: ${safe(reason)}\n`);
      }
    }
    // The files were a bulk import: their search index is built now, in one pass.
    await core.dispatch('search-index-build', {});
  } finally {
    core.close();
  }
  io.out(`${imported} imported, ${skipped} skipped (duplicates), ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
