/**
 * Document attributes in segment filters and analysis groupings: the SQL condition of one
 * attribute condition on `annotations a` (segments-query/-export), and the value groups of an
 * attribute (analysis-frequencies). Values given by the caller are normalised like
 * `attributes-set`, so `2019年` finds the stored `2019`.
 */
import type { AttributeCondition } from '../../../shared/contracts/segments';
import { sortAttributeValues, type Attribute } from '../../../shared/attributes';
import { PizhuError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { listAttributes } from './handlers';
import { normaliseValue } from './values';

export function requireAttribute(ctx: CoreContext, id: string): Attribute {
  const attr = listAttributes(ctx.db).find((a) => a.id === id);
  if (!attr) throw new PizhuError('attribute-not-found', `No attribute ${id}`, { id });
  return attr;
}

function normalised(attr: Attribute, raw: string): string {
  return attr.type === 'text' ? raw.trim() : normaliseValue(raw, attr.type, attr.choices, attr.name);
}

/** A boolean SQL expression on `annotations a` and its parameters. */
export function attributeConditionSql(
  ctx: CoreContext,
  c: AttributeCondition,
): { sql: string; params: (string | number)[] } {
  const attr = requireAttribute(ctx, c.attributeId);
  const ranged = c.min !== undefined || c.max !== undefined;
  if (ranged && attr.type !== 'number' && attr.type !== 'date')
    throw new PizhuError('attribute-filter-invalid', `${attr.name} cannot be filtered by a range`, {
      name: attr.name,
      type: attr.type,
    });
  const inner: string[] = ['v.attribute_id = ?'];
  const innerParams: (string | number)[] = [attr.id];
  if (c.values) {
    inner.push('v.value IN (SELECT value FROM json_each(?))');
    innerParams.push(JSON.stringify(c.values.map((v) => normalised(attr, v))));
  }
  const bound = (raw: string | undefined) =>
    raw === undefined || raw.trim() === '' ? null : normalised(attr, raw);
  const min = bound(c.min);
  const max = bound(c.max);
  const add = (sql: string, ...values: (string | number)[]) => {
    inner.push(sql);
    innerParams.push(...values);
  };
  if (attr.type === 'number') {
    if (min !== null) add('CAST(v.value AS REAL) >= ?', Number(min));
    if (max !== null) add('CAST(v.value AS REAL) <= ?', Number(max));
  } else {
    // Dates are YYYY[-MM[-DD]]: text order is time order, and comparing the value's prefix of
    // the bound's length makes a bound cover its whole period.
    if (min !== null) add('substr(v.value, 1, ?) >= ?', min.length, min);
    if (max !== null) add('substr(v.value, 1, ?) <= ?', max.length, max);
  }
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (c.values || ranged || !c.missing) {
    parts.push(
      `a.document_id IN (SELECT v.document_id FROM document_attributes v WHERE ${inner.join(' AND ')})`,
    );
    params.push(...innerParams);
  }
  if (c.missing) {
    parts.push('a.document_id NOT IN (SELECT document_id FROM document_attributes WHERE attribute_id = ?)');
    params.push(attr.id);
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}

/** Value order of an attribute's groups (choices in order, numbers numerically, else text). */
export function sortValues(attr: Attribute, values: Iterable<string>): string[] {
  return sortAttributeValues(attr, values);
}
