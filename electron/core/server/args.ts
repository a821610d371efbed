/**
 * Command-line options of `npm run serve`, parsed without side effects so they can be tested.
 *   --port N        port on 127.0.0.1 (0 = any free port; default 0)
 *   --project FILE  project file (created on first run; default: see paths.ts defaultProjectFile)
 *   --empty         a new project gets no sample documents
 *   --token T       fixed session token (default: random); for scripts, never for daily use
 *   --seeds DIR     folder of .txt files imported raw into a new project (default: <repo>/seeds, prepared)
 */
import { parseArgs } from 'node:util';

export interface ServeArgs {
  port: number;
  project: string | null;
  empty: boolean;
  token: string | null;
  seeds: string | null;
  help: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const SERVE_USAGE = `Usage: npm run serve -- [--port N] [--project FILE] [--empty] [--token T] [--seeds DIR]

  --port N        listen on 127.0.0.1:N (0 or absent: a free port)
  --project FILE  project file to open, created if missing
                  (default: the desktop app's, e.g. ~/.config/Pizhu/projects/default.pizhu)
  --empty         create a new project without the sample documents
  --token T       use this session token instead of a random one
  --seeds DIR     sample documents for a new project, imported raw (default: <repo>/seeds, prepared)
`;

export function parseServeArgs(argv: readonly string[]): ServeArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        project: { type: 'string' },
        empty: { type: 'boolean', default: false },
        token: { type: 'string' },
        seeds: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) {
      throw new UsageError(`--port must be an integer from 0 to 65535, got "${values.port}"`);
    }
  }
  if (values.token !== undefined && !/^[A-Za-z0-9_-]{16,}$/.test(values.token)) {
    // The token travels in a URL fragment and a header: keep it URL-safe and not guessable.
    throw new UsageError('--token must be at least 16 characters of A-Z a-z 0-9 _ -');
  }
  if (values.project === '') throw new UsageError('--project needs a file name');
  return {
    port,
    project: values.project ?? null,
    empty: values.empty,
    token: values.token ?? null,
    seeds: values.seeds ?? null,
    help: values.help,
  };
}
