/**
 * The CLI's command modules (module.ts). A feature adds its command with one line here; the
 * built-in commands parsed in args.ts (init, info, import, search) predate modules.
 */
import type { CliModule } from './module';
import { exportCommand } from './export';
import { mergeCommand } from './merge';
import { evaluateCommand } from './evaluate';
import { agreementCommand, importAnnotationsCommand } from './coders';

export const CLI_MODULES: readonly CliModule[] = [
  exportCommand,
  mergeCommand,
  evaluateCommand,
  importAnnotationsCommand,
  agreementCommand,
];

export function cliModule(name: string | undefined): CliModule | undefined {
  return CLI_MODULES.find((m) => m.name === name);
}
