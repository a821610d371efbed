/**
 * Error codes that cross the API boundary. The core throws `PizhuError` with one of these codes
 * and optional parameters; the renderer translates the code (see `renderer/src/i18n`), so that a
 * user always reads the message in the UI's language. Never show `message` to users: it is for
 * logs and scripts.
 */

export const ERROR_CODES = [
  'invalid-input',
  'unknown-method',
  'unauthorized',
  'document-not-found',
  'code-not-found',
  'coder-not-found',
  'annotation-not-found',
  'range-invalid',
  'memo-too-long',
  'nothing-to-undo',
  'nothing-to-redo',
  'project-open-failed',
  'project-corrupt',
  'project-newer',
  'transport-failed',
  'import-unsupported-format',
  'import-too-large',
  'import-no-text-layer',
  'import-unreadable',
  'import-pattern-invalid',
  'import-not-text',
  'import-empty',
  'split-invalid',
  'split-crosses-annotation',
  'attribute-not-found',
  'attribute-invalid',
  'attribute-value-invalid',
  'search-empty-query',
  'search-invalid-regex',
  'search-unclosed-quote',
  'search-regex-timeout',
  'attribute-filter-invalid',
  'internal',
  'code-name-empty',
  'code-name-taken',
  'code-shortcut-taken',
  'code-cycle',
  'code-no-parent',
  'codebook-invalid',
  'set-name-taken',
  'set-not-found',
  'suggest-rule-not-found',
  'suggest-rules-invalid',
  'suggest-rules-unknown-code',
  'interop-invalid',
  'interop-unsafe',
  'coder-name-empty',
  'coder-name-taken',
  'coder-archived',
  'spans-invalid',
  'agreement-coders',
  'import-archive-bomb',
  'import-too-deep',
  'import-parse-timeout',
  'import-parse-memory',
  'import-pattern-timeout',
  'project-read-only',
  'backup-not-found',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

/** The JSON shape of an error on the wire (HTTP body `{ error }`, IPC rejection payload). */
export interface WireError {
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
}

export class PizhuError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams | undefined;

  constructor(code: ErrorCode, message: string, params?: ErrorParams) {
    super(message);
    this.name = 'PizhuError';
    this.code = code;
    this.params = params;
  }

  toWire(): WireError {
    return this.params
      ? { code: this.code, message: this.message, params: this.params }
      : { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Turns anything thrown into a wire error; unknown errors become `internal`. */
export function toWireError(err: unknown): WireError {
  if (err instanceof PizhuError) return err.toWire();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message };
}

/** Rebuilds a `PizhuError` from a wire payload of unknown shape (the renderer's side). */
export function fromWireError(value: unknown): PizhuError {
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>;
    if (isErrorCode(v.code)) {
      const params =
        typeof v.params === 'object' && v.params !== null ? (v.params as ErrorParams) : undefined;
      return new PizhuError(v.code, typeof v.message === 'string' ? v.message : v.code, params);
    }
  }
  return new PizhuError('internal', typeof value === 'string' ? value : 'Unknown error');
}
