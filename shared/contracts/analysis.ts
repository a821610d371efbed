/**
 * Contract of the analysis feature (issue 6): code × document matrix (counts and share of the
 * text coded), code co-occurrence, and code frequencies per document or coder.
 *
 * Grouping is a parameter (`groupBy`) so that document attributes (province, year, …) plug in
 * as another kind of group without a new method.
 */
import { z } from 'zod';
import { id, method } from './method';
import { cooccurrenceMode, type CooccurrenceMode } from './segments';

const ids = z.array(id).max(10_000);

export const analysisMatrixInput = z
  .object({
    codeIds: ids.optional(),
    includeSubcodes: z.boolean().default(false),
    documentIds: ids.optional(),
  })
  .strict();

export const analysisCooccurrenceInput = z
  .object({ mode: cooccurrenceMode, codeIds: ids.optional(), documentIds: ids.optional() })
  .strict();

export const analysisFrequenciesInput = z
  .object({
    /** A document, a coder, or the value of a document attribute (`{ attributeId }`). */
    groupBy: z.union([z.enum(['document', 'coder']), z.object({ attributeId: id }).strict()]),
    codeIds: ids.optional(),
    includeSubcodes: z.boolean().default(false),
    documentIds: ids.optional(),
  })
  .strict();

/** A code as a matrix row/column: id, names from the root, colour. */
export interface AnalysisCode {
  id: string;
  path: string[];
  color: string;
}

export interface AnalysisCell {
  /** Number of annotations. */
  count: number;
  /** Code points covered by the union of the annotations' ranges (overlaps counted once). */
  coded: number;
}

export interface CodeDocumentMatrix {
  includeSubcodes: boolean;
  codes: AnalysisCode[];
  documents: { id: string; title: string; length: number }[];
  /** `cells[code][document]`. */
  cells: AnalysisCell[][];
  /** Per code, over the selected documents (`coded` summed over documents). */
  rowTotals: AnalysisCell[];
  /** Per document: all annotations counted in the row cells; `coded` = union over all rows. */
  columnTotals: AnalysisCell[];
  /** Sum of the row counts; coded = sum of the column unions; length = sum of document lengths. */
  total: AnalysisCell & { length: number };
}

export interface CooccurrenceMatrix {
  mode: CooccurrenceMode;
  codes: AnalysisCode[];
  /**
   * Symmetric `counts[i][j]`. overlap: pairs of intersecting annotations of codes i and j on the
   * same document. sentence/paragraph: units (sentences/paragraphs) in which both codes occur.
   * Diagonal: annotations of code i (overlap) or units in which code i occurs.
   */
  counts: number[][];
}

export type FrequencyGroupBy = 'document' | 'coder' | { attributeId: string };

export interface FrequencyGroup {
  /** Document id, coder id, or the attribute value (`''` for documents without a value). */
  id: string;
  /** Title, name or value (`''` for the group without a value: the UI names it 未设置). */
  label: string;
  /** Attribute grouping: the group of documents without a value. */
  missing?: boolean;
}

export interface FrequencyTable {
  groupBy: FrequencyGroupBy;
  includeSubcodes: boolean;
  codes: AnalysisCode[];
  /**
   * Attribute grouping: every value held by a document in scope (and every choice of a choice
   * attribute) in value order (choices in their order, numbers numerically, dates and text in
   * text order), then the group without a value if some document in scope has none.
   */
  groups: FrequencyGroup[];
  /** `cells[group][code]`. */
  cells: AnalysisCell[][];
  groupTotals: number[];
  codeTotals: number[];
}

export const analysisContract = {
  'analysis-matrix': method<typeof analysisMatrixInput, CodeDocumentMatrix>(analysisMatrixInput),
  'analysis-cooccurrence': method<typeof analysisCooccurrenceInput, CooccurrenceMatrix>(
    analysisCooccurrenceInput,
  ),
  'analysis-frequencies': method<typeof analysisFrequenciesInput, FrequencyTable>(analysisFrequenciesInput),
};
