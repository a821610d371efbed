/**
 * Checking and normalising attribute values by type, so that the dataset holds one spelling per
 * value: numbers in JavaScript's canonical form (`１２００` → `1200`, `3.50` → `3.5`), dates as
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (from `2011`, `2011-3`, `2011/03/05`, `2011年3月5日`), choices
 * exactly one of the attribute's choices, text trimmed.
 */
import type { AttributeType } from '../../../shared/attributes';
import { PizhuError } from '../../../shared/errors';

function halfWidthDigits(s: string): string {
  return s.replace(/[\uff10-\uff19\uff0e\uff0d]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function invalid(value: string, type: AttributeType, name: string): PizhuError {
  return new PizhuError('attribute-value-invalid', `"${value}" is not a valid ${type} for ${name}`, {
    value: value.slice(0, 100),
    type,
    name,
  });
}

export function normaliseValue(
  raw: string,
  type: AttributeType,
  choices: readonly string[],
  name: string,
): string {
  const value = raw.trim();
  switch (type) {
    case 'text':
      return value;
    case 'number': {
      const s = halfWidthDigits(value).replace(/[,，]/g, '');
      if (!/^-?\d+(?:\.\d+)?$/.test(s)) throw invalid(value, type, name);
      return String(Number(s));
    }
    case 'date': {
      const m = /^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?年?$/.exec(halfWidthDigits(value));
      if (!m) throw invalid(value, type, name);
      const [, y, mo, d] = m;
      if (mo === undefined) return y!;
      const month = Number(mo);
      if (month < 1 || month > 12) throw invalid(value, type, name);
      if (d === undefined) return `${y}-${String(month).padStart(2, '0')}`;
      const day = Number(d);
      const date = new Date(Date.UTC(Number(y), month - 1, day));
      if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw invalid(value, type, name);
      return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
    case 'choice':
      if (!choices.includes(value)) throw invalid(value, type, name);
      return value;
  }
}

/** A year (1900–2099) in a title, e.g. `2019年某县…总结` → `2019`; `20XX` is not a year. */
export function yearInTitle(title: string): string | null {
  const m = /(?<!\d)(19\d{2}|20\d{2})(?!\d)/.exec(halfWidthDigits(title));
  return m ? m[1]! : null;
}
