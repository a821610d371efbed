/**
 * The annotated document export (`export-annotated`): resolves the documents (ids or a set),
 * builds the model in the chosen script view and hands it to the DOCX or HTML writer. Returns an
 * `ExportFile` (DOCX as base64) like every other export, so the UI saves it with `saveFile` and the
 * CLI writes it atomically.
 */
import type { ApiHandlers, ApiParsedInput } from '../../../../shared/api';
import type { ExportFile } from '../../../../shared/domain';
import type { CoreContext } from '../../context';
import { annotatedHtml } from './html';
import { EXPORT_LABELS } from './labels';
import { buildExportModel, resolveDocumentIds, type ExportModel } from './model';

export type AnnotatedExportInput = ApiParsedInput<'export-annotated'>;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `<title>-annotated.<ext>` for one document, `pizhu-annotated-YYYYMMDD-HHmmss.<ext>` for several. */
export function annotatedFileName(model: ExportModel, at: Date, ext: string): string {
  if (model.documents.length === 1) {
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    const safe = model.documents[0]!.title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .slice(0, 80)
      .trim();
    if (safe !== '') return `${safe}-annotated.${ext}`;
  }
  const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `pizhu-annotated-${date}-${time}.${ext}`;
}

function localTime(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

export async function exportAnnotated(ctx: CoreContext, input: AnnotatedExportInput): Promise<ExportFile> {
  const ids = resolveDocumentIds(ctx, input);
  const model = await buildExportModel(ctx, ids, input.script);
  const at = ctx.now();
  const labels = EXPORT_LABELS[input.locale];
  const title = model.documents.length === 1 ? model.documents[0]!.title : labels.untitled;
  const options = { locale: input.locale, title, exportedAt: localTime(at) };
  if (input.format === 'docx') {
    // The `docx` library is loaded only when a Word file is asked for.
    const { annotatedDocx } = await import('./docx');
    const bytes = await annotatedDocx(model, options);
    return {
      fileName: annotatedFileName(model, at, 'docx'),
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      content: Buffer.from(bytes).toString('base64'),
      encoding: 'base64',
      rowCount: model.annotationCount,
    };
  }
  return {
    fileName: annotatedFileName(model, at, 'html'),
    mimeType: 'text/html;charset=utf-8',
    content: annotatedHtml(model, options),
    rowCount: model.annotationCount,
  };
}

export function annotatedExportHandlers(ctx: CoreContext): Pick<ApiHandlers, 'export-annotated'> {
  return { 'export-annotated': (input) => exportAnnotated(ctx, input) };
}
