/**
 * A value that follows `value` only after it has stopped changing for `ms` milliseconds. The
 * import preview waits on the user's typed patterns with it, so each keystroke does not start a
 * preview (each of which runs the patterns in the core's worker).
 */
import { useEffect, useState } from 'react';

export const PATTERN_DEBOUNCE_MS = 400;

export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
