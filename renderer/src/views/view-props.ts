/**
 * What every view receives (the store and the navigation functions) and how the registry
 * describes a view. Views import these from here, not from registry.ts, which imports the views:
 * the import graph stays one-way (tests/unit/shared/import-cycles.test.ts).
 */
import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/catalog';
import type { DocumentFocus } from '../state/focus';
import type { Store } from '../state/store';

export interface Navigate {
  toLibrary(): void;
  toView(id: string): void;
  toDocument(documentId: string, focus?: DocumentFocus): void;
}

export interface ViewProps {
  store: Store;
  navigate: Navigate;
}

export interface ViewDef {
  id: string;
  labelKey: MessageKey;
  component: ComponentType<ViewProps>;
  /** An occasional view: listed in the header's "More" menu instead of as a tab. */
  more?: true;
}
