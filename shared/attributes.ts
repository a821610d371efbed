/**
 * Document attributes: user-defined fields on documents (text, number, date, choice), the way
 * NVivo's classifications and MAXQDA's document variables work. Exported as dataset columns.
 */
import type { HistoryState } from './domain';

export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'choice'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface Attribute {
  id: string;
  name: string;
  type: AttributeType;
  /** Allowed values of a `choice` attribute, in order; empty for the other types. */
  choices: string[];
  sortOrder: number;
}

export interface AttributeValue {
  documentId: string;
  attributeId: string;
  /** Stored as text: numbers in canonical form (`1200`, `3.5`), dates `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  value: string;
}

export interface AttributeTable {
  attributes: Attribute[];
  values: AttributeValue[];
}

/** A guess the user may accept; never applied by itself. */
export interface AttributeSuggestion {
  documentId: string;
  /** What the guess is: a year found in the document's title. */
  kind: 'year-in-title';
  value: string;
}

export interface AttributeChange {
  attribute: Attribute;
  history: HistoryState;
}

/** Value order of an attribute: choices in their order, numbers numerically, else text order. */
export function sortAttributeValues(
  attr: Pick<Attribute, 'type' | 'choices'>,
  values: Iterable<string>,
): string[] {
  const set = new Set(values);
  if (attr.type === 'choice') {
    const rest = [...set].filter((v) => !attr.choices.includes(v)).sort();
    return [...attr.choices, ...rest];
  }
  if (attr.type === 'number') return [...set].sort((a, b) => Number(a) - Number(b));
  return [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
