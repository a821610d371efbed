/**
 * Registers the document-set tables with the undo log. Imported by the sets handlers and by the
 * library's document delete (which removes a document's memberships in its own command).
 */
import { trackTable } from '../history/tables';

trackTable({ name: 'document_sets', columns: ['id', 'name', 'color', 'sort_order', 'created_at'] });
trackTable({ name: 'document_set_members', columns: ['id', 'set_id', 'document_id', 'added_at'] });

/** Ids of a document's membership rows (for deleting the document). */
export const MEMBERSHIPS_OF_DOCUMENT = 'SELECT id FROM document_set_members WHERE document_id = ?';
