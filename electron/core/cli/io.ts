/**
 * Where a CLI command writes: stdout and stderr, or a capture in tests. Its own module so the
 * command runner (commands.ts) and the commands it dispatches to (import.ts, search.ts) import it
 * one way.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};
