/** API handlers of the export feature: `export-dataset` (CSV/JSONL) and `export-file` (every format, with its dataset card). */
import type { ApiHandlers } from '../../../shared/api';
import type { CoreContext } from '../context';
import { exportDataset } from './dataset';
import { exportFile } from './files';

type ExportHandlers = Pick<ApiHandlers, 'export-dataset' | 'export-file'>;

export function exportHandlers(ctx: CoreContext): ExportHandlers {
  return {
    'export-dataset': ({ format, formulaGuard }) => exportDataset(ctx, format, formulaGuard ?? true),
    'export-file': ({ format, formulaGuard }) => exportFile(ctx, format, formulaGuard ?? true),
  };
}
