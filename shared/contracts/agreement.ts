/**
 * API methods of inter-coder agreement (`agreement-*`): the statistics per code and overall, the
 * list of disagreements, resolving one into a consensus coder, and the CSV/HTML report. The report
 * object is snake_case because it is also what `npm run cli -- agreement --format json` prints:
 * one shape for the UI, the CLI and scripts. Definitions: docs/agreement.md.
 */
import { z } from 'zod';
import { id, method, offset } from './method';
import type { Annotation, ExportFile, HistoryState } from '../domain';
import type { NullReason } from '../stats/agreement';

export const AGREEMENT_UNITS = ['character', 'sentence', 'paragraph', 'document'] as const;
export type AgreementUnit = (typeof AGREEMENT_UNITS)[number];

export const AGREEMENT_STATS = [
  'percent_agreement',
  'cohen_kappa',
  'fleiss_kappa',
  'krippendorff_alpha',
  'krippendorff_alpha_u',
] as const;
export type AgreementStat = (typeof AGREEMENT_STATS)[number];

export type AgreementValues = Record<AgreementStat, number | null> & {
  /** Why a value is null, for each null value. */
  null_reasons: Partial<Record<AgreementStat, NullReason>>;
};

export type AgreementCodeRow = AgreementValues & {
  /** The code's name, its id and its path from the root (`问题 > 财政压力`). */
  code: string;
  code_id: string;
  code_path: string;
  /** Units compared (characters, sentences, paragraphs or documents in scope). */
  units: number;
};

export interface AgreementReport {
  unit: AgreementUnit;
  /** Coder names, in the order chosen. */
  coders: string[];
  coder_ids: string[];
  /** Documents in scope, in library order. */
  documents: { id: string; title: string; length: number }[];
  codes: AgreementCodeRow[];
  overall: {
    /** Mean of the per-code values (codes with a null value left out). */
    mean: AgreementValues;
    /** One value over all (unit, code) pairs pooled; α_u pooled is 1 − ΣD_o / ΣD_e. */
    pooled: AgreementValues & { units: number };
  };
  computed_at: string;
}

export const scopeInput = z
  .object({
    coderIds: z.array(id).min(2).max(50),
    unit: z.enum(AGREEMENT_UNITS),
    documentIds: z.array(id).max(100_000).optional(),
    codeIds: z.array(id).max(10_000).optional(),
  })
  .strict();
export type AgreementScope = z.output<typeof scopeInput>;

/** A place where the coders differ: one unit (or, for characters, one run of units) and code. */
export interface Disagreement {
  /** Stable key: document, code, start, end. */
  key: string;
  documentId: string;
  documentTitle: string;
  codeId: string;
  codePath: string;
  /** The unit (code points into the canonical text). */
  start: number;
  end: number;
  /** Ids of the coders who coded the unit with the code. */
  codedBy: string[];
  /** The compared coders' annotations with this code that overlap the unit. */
  annotations: Annotation[];
  /** The consensus coder already has this code on (part of) the unit. */
  resolved: boolean;
}

const disagreementsInput = scopeInput
  .extend({ consensusCoder: z.string().trim().min(1).max(100).optional() })
  .strict();
const range = z.object({ start: offset, end: offset, memo: z.string().max(100_000).optional() }).strict();
const resolveInput = z
  .object({
    consensusCoder: z.string().trim().min(1).max(100),
    documentId: id,
    codeId: id,
    /** The unit being resolved: the consensus coder's annotations of this code overlapping it are replaced. */
    start: offset,
    end: offset,
    /** What the consensus keeps (empty: the code does not apply here). */
    ranges: z.array(range).max(1000),
  })
  .strict();
const reportInput = scopeInput
  .extend({ format: z.enum(['csv', 'html']), language: z.enum(['zh-CN', 'zh-TW', 'en']).default('zh-CN') })
  .strict();

export const agreementContract = {
  'agreement-compute': method<typeof scopeInput, AgreementReport>(scopeInput),
  'agreement-disagreements': method<
    typeof disagreementsInput,
    { disagreements: Disagreement[]; total: number }
  >(disagreementsInput),
  'agreement-resolve': method<
    typeof resolveInput,
    { created: Annotation[]; removed: number; history: HistoryState }
  >(resolveInput),
  'agreement-report': method<typeof reportInput, ExportFile>(reportInput),
};
