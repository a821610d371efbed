/** Remembered choices of the suggestion review: the accept-all threshold and the coder. */
import { useCallback, useState } from 'react';
import { readStored, writeStored } from '../../state/storage';

const THRESHOLD_KEY = 'pizhu.suggest.threshold';
export const DEFAULT_THRESHOLD = 2;

function read(): number {
  const v = Number(readStored(THRESHOLD_KEY));
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_THRESHOLD;
}

export function useThreshold(): [number, (v: number) => void] {
  const [value, setValue] = useState(read);
  const set = useCallback((v: number) => {
    setValue(v);
    writeStored(THRESHOLD_KEY, String(v));
  }, []);
  return [value, set];
}

/** Formats a score with the UI locale (at most two decimals). */
export function formatScore(score: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(score);
}
