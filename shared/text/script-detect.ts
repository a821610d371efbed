/**
 * Script detection (Simplified / Traditional / mixed) for a document, with a measured rule.
 *
 * A Han character is a *Traditional marker* when OpenCC's character-level t→cn converter changes
 * it (擴 → 扩) and a *Simplified marker* when cn→t changes it (扩 → 擴). Characters both scripts
 * share (的, 工, 作) are neither. The share of Traditional markers among all markers decides:
 *
 *   share ≥ 0.90 → traditional, share ≤ 0.10 → simplified, otherwise mixed;
 *   fewer than 5 markers → unknown (too little evidence, e.g. a short common-character title).
 *
 * Measured on the seeds (Han characters, Traditional markers, Simplified markers, share), whole
 * texts converted at once as `scriptStats` does:
 *   000  6,851  2,627     0  1.000  traditional
 *   001 17,861      0 6,982  0.000  simplified
 *   002  2,333    786    24  0.970  traditional (the 24 are words the websites' converter missed)
 *   003 21,539  7,036   276  0.962  traditional
 *   004  1,827      0   650  0.000  simplified
 * 001 + 000 concatenated: share 0.273 → mixed. The thresholds leave room on both sides for such
 * leftovers of imperfect conversions (up to 10% of markers) without calling them mixed.
 */
import { Converter as T2cnConverter } from 'opencc-js/t2cn';
import { Converter as Cn2tConverter } from 'opencc-js/cn2t';

export type Script = 'simplified' | 'traditional' | 'mixed' | 'unknown';

export const SCRIPTS: readonly Script[] = ['simplified', 'traditional', 'mixed', 'unknown'];

export const SCRIPT_RULE = { traditionalAtLeast: 0.9, simplifiedAtMost: 0.1, minMarkers: 5 } as const;

export interface ScriptStats {
  script: Script;
  han: number;
  traditionalMarkers: number;
  simplifiedMarkers: number;
  /** traditionalMarkers / (traditionalMarkers + simplifiedMarkers); NaN without markers. */
  traditionalShare: number;
}

let converters: { t2cn: (s: string) => string; cn2t: (s: string) => string } | null = null;

function getConverters() {
  converters ??= {
    t2cn: T2cnConverter({ from: 't', to: 'cn' }),
    cn2t: Cn2tConverter({ from: 'cn', to: 't' }),
  };
  return converters;
}

const HAN = /\p{Script=Han}/u;

/** Counts markers over the whole text (character converters keep the length; checked anyway). */
export function scriptStats(text: string): ScriptStats {
  const { t2cn, cn2t } = getConverters();
  const chars = Array.from(text);
  let toCn = Array.from(t2cn(text));
  let toT = Array.from(cn2t(text));
  // The character-level converters never change the length on the seeds; if some future
  // dictionary did, convert character by character so positions still line up.
  if (toCn.length !== chars.length) toCn = chars.map((c) => t2cn(c));
  if (toT.length !== chars.length) toT = chars.map((c) => cn2t(c));
  let han = 0;
  let traditionalMarkers = 0;
  let simplifiedMarkers = 0;
  chars.forEach((c, i) => {
    if (!HAN.test(c)) return;
    han++;
    if (toCn[i] !== c) traditionalMarkers++;
    if (toT[i] !== c) simplifiedMarkers++;
  });
  const markers = traditionalMarkers + simplifiedMarkers;
  const traditionalShare = markers === 0 ? Number.NaN : traditionalMarkers / markers;
  let script: Script;
  if (markers < SCRIPT_RULE.minMarkers) script = 'unknown';
  else if (traditionalShare >= SCRIPT_RULE.traditionalAtLeast) script = 'traditional';
  else if (traditionalShare <= SCRIPT_RULE.simplifiedAtMost) script = 'simplified';
  else script = 'mixed';
  return { script, han, traditionalMarkers, simplifiedMarkers, traditionalShare };
}

/** Texts longer than this (UTF-16 units) are judged on SCRIPT_WINDOWS windows spread over them. */
export const SCRIPT_SAMPLE = 200_000;
const SCRIPT_WINDOWS = 20;

/**
 * The script of a text. A long text (a 7-million-character file) is judged on windows spread
 * evenly over it, so a compilation with a Traditional second half is still `mixed`, at a bounded
 * cost (converting and comparing every character of such a file took seconds and gigabytes).
 */
export function detectScript(text: string): Script {
  if (text.length <= SCRIPT_SAMPLE) return scriptStats(text).script;
  const width = Math.floor(SCRIPT_SAMPLE / SCRIPT_WINDOWS);
  const step = Math.floor(text.length / SCRIPT_WINDOWS);
  const windows: string[] = [];
  for (let i = 0; i < SCRIPT_WINDOWS; i++) windows.push(text.slice(i * step, i * step + width));
  return scriptStats(windows.join('\n')).script;
}
