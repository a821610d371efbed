/**
 * Minimal logging for the core: one line per event, prefixed with the module (`[core/db] …`) so
 * that the main process, the loopback server and the CLI can all be read the same way. The core
 * logs rarely (project created, backup rotated, migrations applied); errors travel as PizhuError.
 */

export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** `PIZHU_LOG=silent` mutes info lines (tests, scripts piping output); warnings always show. */
function quiet(): boolean {
  return process.env.PIZHU_LOG === 'silent';
}

/** A logger for one module, e.g. `log('core/db').info('migrated', ids)`. */
export function log(module: string): Logger {
  const prefix = `[${module}]`;
  return {
    info: (message, ...details) => {
      if (!quiet()) console.info(prefix, message, ...details);
    },
    warn: (message, ...details) => console.warn(prefix, message, ...details),
    error: (message, ...details) => console.error(prefix, message, ...details),
  };
}
