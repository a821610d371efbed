/** API handlers of the analysis feature: `analysis-matrix`, `analysis-cooccurrence`, `analysis-frequencies`. */
import type { ApiHandlers } from '../../../shared/api';
import type { CoreContext } from '../context';
import { cooccurrenceMatrix } from './cooccurrence';
import { frequencyTable } from './frequencies';
import { codeDocumentMatrix } from './matrix';

type AnalysisHandlers = Pick<
  ApiHandlers,
  'analysis-matrix' | 'analysis-cooccurrence' | 'analysis-frequencies'
>;

export function analysisHandlers(ctx: CoreContext): AnalysisHandlers {
  return {
    'analysis-matrix': (input) => codeDocumentMatrix(ctx, input),
    'analysis-cooccurrence': (input) => cooccurrenceMatrix(ctx, input),
    'analysis-frequencies': (input) => frequencyTable(ctx, input),
  };
}
