/**
 * Registers `coders` with the undo log, so creating, renaming, recolouring and archiving a coder
 * (and creating one by importing a span file or resolving into a consensus coder) can be undone.
 */
import { trackTable } from '../history/tables';

trackTable({ name: 'coders', columns: ['id', 'name', 'color', 'created_at', 'archived_at'] });

export type CoderRow = {
  id: string;
  name: string;
  color: string;
  created_at: string;
  archived_at: string | null;
};
