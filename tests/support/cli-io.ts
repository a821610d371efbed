/**
 * A CLI output capture for tests: what a command wrote to stdout and stderr, as two strings.
 * Pass it to the command runner (`run(args, io)`) instead of the process streams.
 */
import type { CliIo } from '../../electron/core/cli/io';

export interface CapturedIo extends CliIo {
  stdout: string;
  stderr: string;
}

export function captureIo(): CapturedIo {
  const io: CapturedIo = {
    stdout: '',
    stderr: '',
    out: (text) => void (io.stdout += text),
    err: (text) => void (io.stderr += text),
  };
  return io;
}
