/**
 * The suggester itself, pure: a document's text and a rule set in, scored suggestions out.
 *
 * 1. Sentences (shared/text/sentences.ts) and structure (shared/text/structure.ts: headings and
 *    numbered items, nested) of the canonical text; matching runs on the script-normalised copy
 *    (same code-point offsets).
 * 2. Every heading gets scores per code from the heading rules on its title; every inline item
 *    from the cue rules on its lead sentence.
 * 3. Every sentence that is not a heading gets its own cue scores. When its best code reaches the
 *    threshold, that is the suggestion (its own cues say so); otherwise it inherits from the
 *    innermost enclosing item or section whose best code reaches the threshold. An inline item
 *    reaches to its next sibling; in the paragraphs after its own, only sentences with some cue
 *    of their own for the item's code inherit it (the rest is usually background).
 * 4. A numbered item whose sentences (two or more) all get the same code becomes one suggestion.
 *
 * Offsets are code points, end exclusive. Linear in the text times the number of rules.
 */
import { normalizeText } from '../../../shared/text/normalize';
import { splitSentences, type Span } from '../../../shared/text/sentences';
import { detectStructure, type StructureNode } from '../../../shared/text/structure';
import type { SuggestReason, SuggestRuleKind } from '../../../shared/contracts/suggest';
import { compilePattern, contentStart, matchText, matches, type CompiledPattern } from './pattern';

export interface EngineRule {
  id: string;
  codeId: string;
  kind: SuggestRuleKind;
  pattern: string;
  weight: number;
}

export interface EngineSuggestion {
  start: number;
  end: number;
  codeId: string;
  score: number;
  reasons: SuggestReason[];
  unit: 'sentence' | 'item';
}

export const DEFAULT_MIN_SCORE = 1;

interface Compiled extends EngineRule {
  compiled: CompiledPattern;
}

interface Scored {
  codeId: string;
  score: number;
  reasons: SuggestReason[];
}

/** Sum of the weights per code of the rules that fire on `text`, best code first. */
function score(
  rules: readonly Compiled[],
  text: string,
  source: SuggestReason['source'],
  rank: ReadonlyMap<string, number>,
): Scored[] {
  const start = contentStart(text);
  const byCode = new Map<string, Scored>();
  for (const r of rules) {
    if (!matches(r.compiled, text, start)) continue;
    let s = byCode.get(r.codeId);
    if (!s) byCode.set(r.codeId, (s = { codeId: r.codeId, score: 0, reasons: [] }));
    s.score += r.weight;
    s.reasons.push({ ruleId: r.id, kind: r.kind, pattern: r.pattern, weight: r.weight, source });
  }
  // Ties go to the code whose rules come first in the rule set: deterministic, and the user's order.
  return [...byCode.values()].sort((a, b) => b.score - a.score || rank.get(a.codeId)! - rank.get(b.codeId)!);
}

const round = (n: number) => Math.round(n * 100) / 100;

export function suggestText(
  text: string,
  rules: readonly EngineRule[],
  minScore = DEFAULT_MIN_SCORE,
): EngineSuggestion[] {
  // Code point → UTF-16 index into the normalised text (same code-point length as `text`).
  const norm = normalizeText(text);
  const at = new Int32Array(norm.length + 1);
  let cps = 0;
  for (let i = 0; i < norm.length; i++) {
    at[cps++] = i;
    const c = norm.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  at[cps] = norm.length;
  const slice = (s: number, e: number) => matchText(norm.slice(at[s], at[e]));
  const compiled: Compiled[] = rules.map((r) => ({ ...r, compiled: compilePattern(r.pattern) }));
  const rank = new Map<string, number>();
  for (const r of compiled) if (!rank.has(r.codeId)) rank.set(r.codeId, rank.size);
  const cues = compiled.filter((r) => r.kind === 'cue');
  const headingRules = compiled.filter((r) => r.kind === 'heading');

  const nodes = detectStructure(text);
  const sentences = splitSentences(text);

  // What each node argues on its own: a heading by the heading rules on its title, an inline item
  // (content, not a title) by the cue rules of its lead sentence.
  const nodeBest: (Scored | null)[] = nodes.map((n) => {
    const title = slice(n.start, n.headEnd);
    const best = n.heading
      ? score(headingRules, title, 'section', rank)[0]
      : score(cues, title, 'item', rank)[0];
    return best && best.score >= minScore ? best : null;
  });
  const reach = inheritanceEnds(nodes);

  // Walk the sentences with the stack of nodes whose reach contains them (innermost last).
  const out: (EngineSuggestion & { sentence: number })[] = [];
  let ni = 0;
  const stack: StructureNode[] = [];
  sentences.forEach((sen, si) => {
    while (ni < nodes.length && nodes[ni]!.start <= sen.start) stack.push(nodes[ni++]!);
    for (let k = stack.length - 1; k >= 0; k--) if (reach[stack[k]!.index]! <= sen.start) stack.splice(k, 1);
    if (stack.some((n) => n.heading && sen.start < n.headEnd && sen.end > n.start)) return; // a heading line
    const own = score(cues, slice(sen.start, sen.end), 'own', rank);
    let inherited: Scored | null = null;
    for (let k = stack.length - 1; k >= 0 && !inherited; k--) {
      const n = stack[k]!;
      // An item's lead sentence is what the item's score was computed from: do not count it twice.
      if (!n.heading && sen.start <= n.start && sen.end >= n.headEnd) continue;
      // Beyond an item's own paragraph (its extended reach), only sentences with some cue of
      // their own for the item's code inherit it: the rest is usually background, and inherits nothing.
      const best = nodeBest[n.index] ?? null;
      if (
        best &&
        !n.heading &&
        sen.start >= n.end &&
        !own.some((o) => o.codeId === best.codeId && o.score > 0)
      )
        break;
      inherited = best;
    }
    const mine = own[0] && own[0].score >= minScore ? own[0] : null;
    let chosen: Scored | null = null;
    if (mine) {
      // Its own cues say so (an inherited code agreeing with them adds to the score).
      const same = inherited && inherited.codeId === mine.codeId ? inherited : null;
      chosen = same
        ? { codeId: mine.codeId, score: mine.score + same.score, reasons: [...mine.reasons, ...same.reasons] }
        : mine;
    } else if (inherited) {
      // The sentence's own cues for that code (possibly negative) still count.
      const forCode = own.find((s) => s.codeId === inherited.codeId);
      const total = inherited.score + (forCode?.score ?? 0);
      if (total >= minScore)
        chosen = {
          codeId: inherited.codeId,
          score: total,
          reasons: [...inherited.reasons, ...(forCode?.reasons ?? [])],
        };
    }
    if (chosen)
      out.push({
        start: sen.start,
        end: sen.end,
        codeId: chosen.codeId,
        score: round(chosen.score),
        reasons: chosen.reasons,
        unit: 'sentence',
        sentence: si,
      });
  });

  return groupItems(out, nodes, sentences);
}

/**
 * How far each node's code is inherited: an inline item (第一，… 一是…) is often followed by
 * paragraphs that develop it, so it reaches to its next sibling of the same kind. The last item
 * of a list keeps its own end (what follows a list is usually something else: a conclusion,
 * boilerplate). A heading reaches to its end.
 */
function inheritanceEnds(nodes: readonly StructureNode[]): number[] {
  const reach = nodes.map((n) => n.end);
  const lastOfKind = new Map<string, number>();
  nodes.forEach((n, i) => {
    const key = `${n.parent ?? -1}/${n.kind}`;
    const prev = lastOfKind.get(key);
    if (prev !== undefined && !nodes[prev]!.heading) reach[prev] = Math.max(reach[prev]!, n.start);
    lastOfKind.set(key, i);
  });
  return reach;
}

/** Index of the first sentence starting at or after `offset` (binary search). */
function firstAtOrAfter(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sentences[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Replaces the sentences of an inline item by one suggestion when they all argue one code. */
function groupItems(
  list: (EngineSuggestion & { sentence: number })[],
  nodes: readonly StructureNode[],
  sentences: readonly Span[],
): EngineSuggestion[] {
  const bySentence = new Map(list.map((s) => [s.sentence, s]));
  const consumed = new Set<number>();
  const items: EngineSuggestion[] = [];
  // Outer items first: the largest unit that argues one code wins.
  const inline = nodes.filter((n) => !n.heading).sort((a, b) => a.level - b.level || a.start - b.start);
  for (const n of inline) {
    const inside: number[] = [];
    for (let i = firstAtOrAfter(sentences, n.start); i < sentences.length && sentences[i]!.end <= n.end; i++)
      inside.push(i);
    if (inside.length < 2 || inside.some((i) => consumed.has(i))) continue;
    const got = inside.map((i) => bySentence.get(i));
    const codeId = got[0]?.codeId;
    if (!codeId || got.some((g) => !g || g.codeId !== codeId)) continue;
    const reasons = new Map<string, SuggestReason>();
    for (const g of got) for (const r of g!.reasons) reasons.set(`${r.ruleId}/${r.source}`, r);
    const mean = got.reduce((a, g) => a + g!.score, 0) / got.length;
    items.push({
      start: sentences[inside[0]!]!.start,
      end: sentences[inside.at(-1)!]!.end,
      codeId,
      score: round(mean),
      reasons: [...reasons.values()],
      unit: 'item',
    });
    for (const i of inside) consumed.add(i);
  }
  const rest: EngineSuggestion[] = list
    .filter((s) => !consumed.has(s.sentence))
    .map(({ sentence: _s, ...s }) => s);
  return [...rest, ...items].sort((a, b) => a.start - b.start || b.end - a.end);
}
