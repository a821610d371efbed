/**
 * Entry point of `npm run serve` (bundled to out/node/serve.mjs): opens the project, starts the
 * loopback server with a fresh session token and prints the URL to open. The token goes in the
 * URL fragment (`#token=…`), which browsers never send to servers or put in Referer headers; the
 * renderer reads it from `location.hash` (renderer/src/api/client.ts).
 *
 * `PIZHU_SERVE_READY_FILE=<path>`: once listening, the full URL is written there (tests wait for it
 * instead of parsing stdout). SIGINT/SIGTERM close the server and then the project, so SQLite
 * checkpoints its WAL and the file is complete on its own.
 */
import { writeFileSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import { openCore, type Core } from '../index';
import { PizhuError } from '../../../shared/errors';
import { SERVE_USAGE, UsageError, parseServeArgs } from './args';
import { createServer, type RunningServer } from './http';
import { defaultProjectFile, defaultSeedsDir, defaultStaticDir } from './paths';
import { newSessionToken } from './security';

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseServeArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`serve: ${err.message}\n\n${SERVE_USAGE}`);
      return 1;
    }
    throw err;
  }
  if (args.help) {
    process.stdout.write(SERVE_USAGE);
    return 0;
  }

  const file = resolve(args.project ?? defaultProjectFile());
  const seedsDir = args.seeds ? resolve(args.seeds) : defaultSeedsDir();
  let core: Core;
  try {
    // The built-in sample corpus arrives prepared; an explicit --seeds folder is imported raw.
    core = openCore({ file, seedsDir, empty: args.empty, prepareSeeds: !args.seeds });
  } catch (err) {
    process.stderr.write(`serve: ${describe(err)}\n`);
    return 1;
  }

  const token = args.token ?? newSessionToken();
  let server: RunningServer;
  try {
    server = await createServer({
      core,
      staticDir: defaultStaticDir(),
      token,
      port: args.port,
      host: '127.0.0.1',
    });
  } catch (err) {
    core.close();
    process.stderr.write(`serve: cannot listen on 127.0.0.1:${args.port}: ${describe(err)}\n`);
    return 1;
  }

  const link = `${server.url}#token=${token}`;
  process.stdout.write(`Project: ${core.file}${core.created ? ' (new)' : ''}\n`);
  process.stdout.write(`Pizhu is running at ${link}\nPress Ctrl+C to stop.\n`);
  const readyFile = process.env.PIZHU_SERVE_READY_FILE;
  if (readyFile) {
    // Write then rename, so a watcher never reads half a URL.
    const tmp = `${readyFile}.tmp-${process.pid}`;
    writeFileSync(tmp, `${link}\n`);
    renameSync(tmp, readyFile);
  }

  return new Promise<number>((done) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`\n${signal}: stopping…\n`);
      server
        .close()
        .catch((err: unknown) => process.stderr.write(`serve: ${describe(err)}\n`))
        .finally(() => {
          try {
            core.close();
            done(0);
          } catch (err) {
            process.stderr.write(`serve: closing the project failed: ${describe(err)}\n`);
            done(1);
          }
        });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function describe(err: unknown): string {
  if (err instanceof PizhuError) return `${err.code}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`serve: ${describe(err)}\n`);
    process.exitCode = 1;
  },
);
