/**
 * `npm run cli -- evaluate-suggestions --project FILE --gold GOLD.jsonl [--min-score N]`: runs the
 * project's suggestion rules over every document the gold file names and prints sentence-level
 * precision, recall and F1 per code and their macro means (electron/core/suggest/evaluate.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SuggestEvalReport } from '../../../shared/contracts/suggest';
import { PizhuError } from '../../../shared/errors';
import { formatReport } from '../suggest/evaluate';
import { UsageError } from './args';
import type { CliIo } from './io';
import { withExistingProject } from './files';
import type { CliModule } from './module';

const USAGE = `  evaluate-suggestions --project FILE --gold GOLD.jsonl [--min-score N]
         Grade the project's suggestion rules against a gold file (JSON lines
         {"file", "code": "achievement|problem|recommendation", "quote"}): sentence-level
         precision, recall and F1 per code and macro (one line reads "macro F1 0.xxx").
`;

interface EvaluateArgs {
  project: string;
  gold: string;
  minScore: number | null;
}

function parseEvaluateArgs(args: string[]): EvaluateArgs {
  const name = 'evaluate-suggestions';
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { project: { type: 'string' }, gold: { type: 'string' }, 'min-score': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(`${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!values.project) throw new UsageError(`${name}: --project is required`);
  if (!values.gold) throw new UsageError(`${name}: --gold is required`);
  let minScore: number | null = null;
  if (values['min-score'] !== undefined) {
    minScore = Number(values['min-score']);
    if (!Number.isFinite(minScore) || Math.abs(minScore) > 100)
      throw new UsageError(
        `${name}: --min-score must be a number from -100 to 100, got "${values['min-score']}"`,
      );
  }
  return { project: values.project, gold: values.gold, minScore };
}

async function run(args: string[], io: CliIo): Promise<number> {
  const command = parseEvaluateArgs(args);
  let gold: string;
  try {
    gold = readFileSync(resolve(command.gold), 'utf8');
  } catch (err) {
    throw new PizhuError('import-unreadable', `Cannot read ${command.gold}: ${(err as Error).message}`, {
      file: command.gold,
    });
  }
  return withExistingProject(command.project, async (core) => {
    const input = command.minScore === null ? { gold } : { gold, minScore: command.minScore };
    const report = (await core.dispatch('suggest-evaluate', input)) as SuggestEvalReport;
    io.out(formatReport(report));
    return 0;
  });
}

export const evaluateCommand: CliModule = { name: 'evaluate-suggestions', usage: USAGE, run };
