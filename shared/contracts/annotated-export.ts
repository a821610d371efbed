/**
 * API method of the annotated document export (`export-annotated`): one document, a selection of
 * documents or a document set, written as a Word file with one comment per annotation (DOCX) or
 * as one self-contained HTML page (highlights, margin notes, legend, outline, print stylesheet),
 * in the chosen script view. See docs/api.md.
 */
import { z } from 'zod';
import { id, method } from './method';
import type { ExportFile } from '../domain';

export const ANNOTATED_FORMATS = ['docx', 'html'] as const;
export type AnnotatedFormat = (typeof ANNOTATED_FORMATS)[number];

/** The script the text is written in: as imported, Simplified (opencc tw→cn) or Traditional (cn→tw). */
export const EXPORT_SCRIPTS = ['original', 'simplified', 'traditional'] as const;
export type ExportScript = (typeof EXPORT_SCRIPTS)[number];

/** Language of the export's own labels (legend, comment fields, outline). */
export const EXPORT_LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type ExportLocale = (typeof EXPORT_LOCALES)[number];

const annotatedInput = z
  .object({
    format: z.enum(ANNOTATED_FORMATS),
    /** The documents, in the order given (give either these or `setId`). */
    documentIds: z.array(id).min(1).max(10_000).optional(),
    /** Every document of this set, in library order. */
    setId: id.optional(),
    script: z.enum(EXPORT_SCRIPTS).default('original'),
    locale: z.enum(EXPORT_LOCALES).default('zh-CN'),
  })
  .strict();

export const annotatedExportContract = {
  'export-annotated': method<typeof annotatedInput, ExportFile>(annotatedInput),
};
