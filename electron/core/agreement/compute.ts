/**
 * Agreement over a scope: per code, the binary units tallied (shared/stats/agreement.ts) and α_u
 * over the character ranges (shared/stats/unitized.ts); overall, the mean of the per-code values
 * and a pooled value. Also the list of disagreements (runs of units where the coders differ).
 * Texts are read only when the unit needs them (sentences, paragraphs).
 */
import type {
  AgreementCodeRow,
  AgreementReport,
  AgreementScope,
  AgreementStat,
  AgreementUnit,
  AgreementValues,
} from '../../../shared/contracts/agreement';
import {
  addUnits,
  binaryStats,
  emptyTally,
  meanStat,
  sumTallies,
  type BinaryTally,
  type Stat,
} from '../../../shared/stats/agreement';
import {
  pooledUnitizedAlpha,
  unitizedAlpha,
  type Continuum,
  type UnitizedResult,
} from '../../../shared/stats/unitized';
import type { Span } from '../../../shared/text/sentences';
import type { Db } from '../db/database';
import { loadScope, type LoadedScope } from './scope';
import { unitRuns, unitSpans, type UnitRun } from './units';

function values(stats: Record<AgreementStat, Stat>): AgreementValues {
  const out = { null_reasons: {} } as AgreementValues;
  for (const [key, s] of Object.entries(stats) as [AgreementStat, Stat][]) {
    out[key] = s.value;
    if (s.value === null) out.null_reasons[key] = s.reason;
  }
  return out;
}

/** Units of every document in scope (spans; characters need none). */
function documentUnits(db: Db, scope: LoadedScope, unit: AgreementUnit): Map<string, Span[]> {
  const text = db.stmt('SELECT text FROM documents WHERE id = ?');
  const out = new Map<string, Span[]>();
  for (const d of scope.documents) {
    const needsText = unit === 'sentence' || unit === 'paragraph';
    const t = needsText ? (text.get(d.id) as { text: string }).text : null;
    out.set(d.id, unitSpans(unit, t, d.length));
  }
  return out;
}

/** Visits every run of units per code and document (uncoded documents as one run). */
export function forEachRun(
  db: Db,
  scope: LoadedScope,
  unit: AgreementUnit,
  visit: (codeIndex: number, documentIndex: number, run: UnitRun) => void,
): void {
  const spans = documentUnits(db, scope, unit);
  scope.codes.forEach((code, ci) => {
    scope.documents.forEach((doc, di) => {
      const units = spans.get(doc.id)!;
      const perCoder = scope.ranges.get(doc.id)?.get(code.id);
      if (!perCoder) {
        const count = unit === 'character' ? doc.length : units.length;
        if (count > 0) visit(ci, di, { start: 0, end: doc.length, count, coded: [] });
        return;
      }
      for (const run of unitRuns(unit, units, doc.length, perCoder)) visit(ci, di, run);
    });
  });
}

export function computeAgreement(db: Db, input: AgreementScope, now: Date): AgreementReport {
  const scope = loadScope(db, input);
  const m = scope.coders.length;
  const tallies: BinaryTally[] = scope.codes.map(() => emptyTally(m));
  forEachRun(db, scope, input.unit, (ci, _di, run) => addUnits(tallies[ci]!, run.coded, run.count));

  const unitized: UnitizedResult[] = scope.codes.map((code) => {
    const continua: Continuum[] = scope.documents.map((d) => ({
      length: d.length,
      coders: scope.ranges.get(d.id)?.get(code.id) ?? scope.coders.map(() => []),
    }));
    return unitizedAlpha(continua);
  });

  const rows: AgreementCodeRow[] = scope.codes.map((code, ci) => {
    const s = binaryStats(tallies[ci]!);
    return {
      code: code.name,
      code_id: code.id,
      code_path: code.path,
      units: s.units,
      ...values({
        percent_agreement: s.percentAgreement,
        cohen_kappa: s.cohenKappa,
        fleiss_kappa: s.fleissKappa,
        krippendorff_alpha: s.krippendorffAlpha,
        krippendorff_alpha_u: unitized[ci]!.alpha,
      }),
    };
  });

  const perCode = scope.codes.map((_, ci) => binaryStats(tallies[ci]!));
  const mean = values({
    percent_agreement: meanStat(perCode.map((s) => s.percentAgreement)),
    cohen_kappa: meanStat(perCode.map((s) => s.cohenKappa)),
    fleiss_kappa: meanStat(perCode.map((s) => s.fleissKappa)),
    krippendorff_alpha: meanStat(perCode.map((s) => s.krippendorffAlpha)),
    krippendorff_alpha_u: meanStat(unitized.map((u) => u.alpha)),
  });
  const pooledTally = sumTallies(tallies, m);
  const p = binaryStats(pooledTally);
  const pooled = {
    units: pooledTally.units,
    ...values({
      percent_agreement: p.percentAgreement,
      cohen_kappa: p.cohenKappa,
      fleiss_kappa: p.fleissKappa,
      krippendorff_alpha: p.krippendorffAlpha,
      krippendorff_alpha_u:
        scope.documents.length === 0
          ? { value: null, reason: 'empty-scope' }
          : scope.codes.length === 0
            ? { value: null, reason: 'no-values' }
            : pooledUnitizedAlpha(unitized),
    }),
  };

  return {
    unit: input.unit,
    coders: scope.coders.map((c) => c.name),
    coder_ids: scope.coders.map((c) => c.id),
    documents: scope.documents.map((d) => ({ id: d.id, title: d.title, length: d.length })),
    codes: rows,
    overall: { mean, pooled },
    computed_at: now.toISOString(),
  };
}
