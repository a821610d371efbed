/**
 * A strict RFC 4180 reader for codebook imports (csv-parse is not a dependency): fields separated
 * by commas, records by CRLF or LF, quoted fields may hold commas, line breaks and doubled quotes.
 * Anything else (a quote inside an unquoted field, text after a closing quote, an unterminated
 * quote) is an error with the line it starts on, so a broken file is refused, never guessed at.
 */
export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith('\ufeff') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          if (i >= n) throw new CsvSyntaxError(quoteLine, 'unterminated quoted field');
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          field += ch;
          i++;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n')
          throw new CsvSyntaxError(line, 'text after a closing quote');
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"') throw new CsvSyntaxError(line, 'quote inside an unquoted field');
          field += text[i];
          i++;
        }
      }
      fields.push(field);
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') {
      if (text[i + 1] !== '\n') throw new CsvSyntaxError(line, 'bare CR');
      i++;
    }
    if (text[i] === '\n') {
      i++;
      line++;
    }
    // A blank line (one empty field) separates nothing: skip it.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return records;
}
