/**
 * Remembered UI choices in localStorage. Storage can be unavailable (private mode, a full or
 * blocked store): reading then gives null and writing does nothing, so a choice still applies for
 * the session without being remembered.
 */
export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered, but still applied.
  }
}
