// Types for scripts/start-fallback.mjs (imported by start.mjs and tests/unit/main/start-fallback.test.ts).
type Env = Record<string, string | undefined>;
export function electronBlocker(options: { platform: string; env: Env }): string | null;
export function fallbackPlan(options: { platform: string; env: Env }): {
  fallback: boolean;
  opener: string[] | null;
};
export function fallbackMessage(reason: string): string[];
export function runBrowserFallback(
  root: string,
  reason: string,
  options?: { platform?: string; env?: Env },
): Promise<never>;
