/** API handlers of the export feature: `export-dataset`. */
import type { ApiHandlers } from '../../../shared/api';
import type { CoreContext } from '../context';
import { exportDataset } from './dataset';

type ExportHandlers = Pick<ApiHandlers, 'export-dataset'>;

export function exportHandlers(ctx: CoreContext): ExportHandlers {
  return { 'export-dataset': ({ format }) => exportDataset(ctx, format) };
}
