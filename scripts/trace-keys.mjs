#!/usr/bin/env node
// Summarises the coding loop's trace (`PIZHU_BENCH_PROFILE=<dir> node out/node/bench.mjs
// document-view` writes <dir>/coding-loop.trace.json): for each key press (its Event Timing
// entry, add and remove alternating), the time from the key to its presentation, split into
// input delay, handlers, and the main-thread work until the presentation: style, layout,
// pre-paint, paint, the content-visibility intersection pass, compositing, commit, GC.
// Prints p50 / p90 / max per kind; `--rows` also prints every key press.
//
//   node scripts/trace-keys.mjs /tmp/prof/coding-loop.trace.json [--rows]
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node scripts/trace-keys.mjs <coding-loop.trace.json> [--rows]\n');
  process.exit(1);
}
const parsed = JSON.parse(readFileSync(file, 'utf8'));
const events = parsed.traceEvents ?? parsed;
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
const keys = events.filter(
  (e) => e.name === 'EventTiming' && e.ph === 'b' && e.args?.data?.type === 'keydown',
);

/** Trace event names summed per phase (Chromium 156). */
const PHASES = {
  style: ['UpdateLayoutTree'],
  layout: ['Layout'],
  prePaint: ['LocalFrameView::RunPrePaintLifecyclePhase'],
  paint: ['LocalFrameView::RunPaintLifecyclePhase'],
  intersections: ['IntersectionObserverController::computeIntersections'],
  compositingInputs: ['LocalFrameView::RunCompositingInputsLifecyclePhase'],
  commit: ['Commit'],
  gc: ['V8.GC_MC_INCREMENTAL', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR'],
};

const rows = keys.map((b, i) => {
  const d = b.args.data;
  // The entry's times are in ms from the page's time origin; the trace's in µs.
  const from = b.ts;
  const to = b.ts + d.duration * 1000;
  const row = {
    kind: i % 2 === 0 ? 'add' : 'remove',
    duration: d.duration,
    delay: d.processingStart - d.timeStamp,
    handlers: d.processingEnd - d.processingStart,
    afterHandlers: d.timeStamp + d.duration - d.processingEnd,
  };
  for (const [phase, names] of Object.entries(PHASES))
    row[phase] = onMain
      .filter((e) => names.includes(e.name) && e.ts >= from && e.ts < to)
      .reduce((sum, e) => sum + e.dur / 1000, 0);
  return row;
});

const percentile = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const columns = ['duration', 'delay', 'handlers', 'afterHandlers', ...Object.keys(PHASES)];
for (const kind of ['add', 'remove']) {
  const of = rows.filter((r) => r.kind === kind);
  console.log(`${kind} (${of.length} key presses), ms`);
  for (const c of columns) {
    const xs = of.map((r) => r[c]);
    console.log(
      `  ${c.padEnd(18)} p50 ${percentile(xs, 50).toFixed(1).padStart(6)}  p90 ${percentile(xs, 90).toFixed(1).padStart(6)}  max ${Math.max(
        0,
        ...xs,
      )
        .toFixed(1)
        .padStart(6)}`,
    );
  }
}
if (process.argv.includes('--rows'))
  for (const r of rows) console.log(columns.reduce((s, c) => `${s} ${c} ${r[c].toFixed(1)}`, r.kind));
