/**
 * Untrusted text (file names, titles, code and coder names, error messages that quote them) on
 * its way to a terminal: control characters (C0, DEL, C1 — newlines that forge output lines, ESC
 * sequences that recolour, move the cursor or retitle the window) and bidirectional overrides
 * (which reorder what is shown) become visible escapes such as `\n`, `\u{1b}`, `\u{202e}`.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u{${c.codePointAt(0)!.toString(16)}}`;
  });
}
