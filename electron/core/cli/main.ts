/**
 * Entry point of `npm run cli -- <command>` (bundled to out/node/cli.mjs). All logic lives in
 * commands.ts so tests can run it in-process; this file only wires it to the real process.
 */
import { run } from './commands';

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`internal: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
