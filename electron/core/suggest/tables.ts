/** Registers the suggester's tables with the undo log (rules and remembered rejections). */
import { trackTable } from '../history/tables';

trackTable({
  name: 'suggest_rules',
  columns: ['id', 'code_id', 'kind', 'pattern', 'weight', 'enabled', 'note', 'sort_order', 'created_at'],
});
trackTable({
  name: 'suggest_rejections',
  columns: ['id', 'document_id', 'code_id', 'start_offset', 'end_offset', 'created_at'],
});
