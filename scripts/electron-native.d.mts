// Types for scripts/electron-native.mjs (imported by start.mjs and by tests/unit/main/paths.test.ts).
export function nativeBindingPath(root: string, electronVersion: string): string;
export function installedElectronVersion(root: string): string;
export function ensureElectronNative(options?: { force?: boolean }): Promise<boolean>;
