/**
 * `npm run cli -- search`: KWIC lines for a query, one per hit —
 * `title<TAB>offset<TAB>left<TAB>hit<TAB>right` (offset in code points into the canonical text;
 * tabs and line breaks inside the text shown as spaces so every hit is one line) — then
 * `total: N` (and how many were shown when the limit cut the list). 0 hits is a success.
 */
import type { SearchResult } from '../../../shared/contracts/search';
import type { Core } from '../index';
import type { CliCommand } from './args';
import type { CliIo } from './io';
import { terminalSafe } from './escape';

function oneLine(text: string): string {
  return terminalSafe(text.replace(/[\t\r\n\u2028\u2029]/g, ' '));
}

/**
 * `/…/` around the whole query makes it one regex (its spaces included); a bare `/` inside is
 * escaped (`\/` matches `/` in a regex) so that it cannot end the regex early.
 */
export function cliQuery(query: string, regex: boolean): string {
  if (!regex) return query;
  let out = '';
  let escaped = false;
  for (const ch of query) {
    if (escaped) escaped = false;
    else if (ch === '\\') escaped = true;
    else if (ch === '/') {
      out += '\\/';
      continue;
    }
    out += ch;
  }
  return `/${out}/`;
}

export async function searchCli(
  core: Core,
  command: Extract<CliCommand, { name: 'search' }>,
  io: CliIo,
): Promise<number> {
  const input: { query: string; limit?: number } = { query: cliQuery(command.query, command.regex) };
  if (command.limit !== null) input.limit = command.limit;
  const result = (await core.dispatch('search-run', input)) as SearchResult;
  io.out(formatKwic(result));
  return 0;
}

export function formatKwic(result: SearchResult): string {
  const lines: string[] = [];
  for (const doc of result.documents) {
    for (const hit of doc.hits) {
      lines.push(
        [
          oneLine(doc.title),
          String(hit.start),
          oneLine(hit.left),
          oneLine(hit.match),
          oneLine(hit.right),
        ].join('\t'),
      );
    }
  }
  lines.push(
    result.truncated
      ? `total: ${result.total} (showing ${result.returned}; raise --limit to see more)`
      : `total: ${result.total}`,
  );
  return `${lines.join('\n')}\n`;
}
