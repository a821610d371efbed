/**
 * `npm run cli -- evaluate-suggestions --project FILE --gold GOLD.jsonl [--min-score N]`: runs the
 * project's suggestion rules over every document the gold file names and prints sentence-level
 * precision, recall and F1 per code and their macro means (electron/core/suggest/evaluate.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SuggestEvalReport } from '../../../shared/contracts/suggest';
import { PizhuError } from '../../../shared/errors';
import type { Core } from '../index';
import { formatReport } from '../suggest/evaluate';
import type { CliCommand } from './args';
import type { CliIo } from './commands';

export async function evaluateCli(
  core: Core,
  command: Extract<CliCommand, { name: 'evaluate-suggestions' }>,
  io: CliIo,
): Promise<number> {
  let gold: string;
  try {
    gold = readFileSync(resolve(command.gold), 'utf8');
  } catch (err) {
    throw new PizhuError('import-unreadable', `Cannot read ${command.gold}: ${(err as Error).message}`, {
      file: command.gold,
    });
  }
  const input = command.minScore === null ? { gold } : { gold, minScore: command.minScore };
  const report = (await core.dispatch('suggest-evaluate', input)) as SuggestEvalReport;
  io.out(formatReport(report));
  return 0;
}
