/**
 * A CLI command as a module: its name, its usage text (printed by `help`, by `<command> --help`
 * and after a usage error) and a `run` that parses its own arguments (throwing `UsageError` for
 * mistakes) and returns the exit code. Modules are listed in registry.ts, one line each.
 */
import type { CliIo } from './io';

export interface CliModule {
  name: string;
  /** The usage block: first line `name OPTIONS…`, then indented explanation. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
