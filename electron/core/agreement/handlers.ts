/** API handlers of inter-coder agreement: compute, list disagreements, resolve one, report files. */
import type { ApiHandlers } from '../../../shared/api';
import type { CoreContext } from '../context';
import { historyState } from '../history/log';
import { computeAgreement } from './compute';
import { listDisagreements } from './disagreements';
import { agreementCsv, agreementHtml } from './report';
import { resolveDisagreement } from './resolve';

type AgreementHandlers = Pick<
  ApiHandlers,
  'agreement-compute' | 'agreement-disagreements' | 'agreement-resolve' | 'agreement-report'
>;

export function agreementHandlers(ctx: CoreContext): AgreementHandlers {
  return {
    'agreement-compute': (scope) => computeAgreement(ctx.db, scope, ctx.now()),
    'agreement-disagreements': (input) => listDisagreements(ctx.db, input),
    'agreement-resolve': (input) => ({ ...resolveDisagreement(ctx, input), history: historyState(ctx.db) }),
    'agreement-report': ({ format, language, ...scope }) => {
      const report = computeAgreement(ctx.db, scope, ctx.now());
      return format === 'csv' ? agreementCsv(report) : agreementHtml(report, language);
    },
  };
}
