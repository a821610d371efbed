/**
 * Two coders side by side: the canonical text once per coder, paragraph by paragraph in a grid so
 * both columns stay aligned and scroll together; each column shows that coder's annotations in
 * their code colours, and every stretch where the two coders' codes differ is marked (wavy
 * underline) in both. Read-only: coding happens in the single-column view.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Annotation, Code, Coder } from '../../../../shared/domain';
import { useI18n } from '../../i18n';

interface Props {
  text: string;
  annotations: readonly Annotation[];
  codes: readonly Code[];
  left: Coder;
  right: Coder;
  focus: { start: number; end: number } | null;
}

interface Para {
  start: number;
  end: number;
}

function paragraphs(cps: readonly string[]): Para[] {
  const out: Para[] = [];
  let s = 0;
  for (let i = 0; i <= cps.length; i++) {
    if (i === cps.length || cps[i] === '\n') {
      if (cps.slice(s, i).some((c) => c.trim() !== '')) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  return out;
}

function codesAt(list: readonly Annotation[], at: number): string[] {
  return [...new Set(list.filter((a) => a.start <= at && at < a.end).map((a) => a.codeId))].sort();
}

function Cell({
  cps,
  para,
  mine,
  theirs,
  colors,
}: {
  cps: readonly string[];
  para: Para;
  mine: readonly Annotation[];
  theirs: readonly Annotation[];
  colors: Map<string, string>;
}) {
  const points = new Set([para.start, para.end]);
  for (const a of [...mine, ...theirs]) {
    if (a.start > para.start && a.start < para.end) points.add(a.start);
    if (a.end > para.start && a.end < para.end) points.add(a.end);
  }
  const sorted = [...points].sort((x, y) => x - y);
  return (
    <>
      {sorted.slice(0, -1).map((s, k) => {
        const e = sorted[k + 1]!;
        const my = codesAt(mine, s);
        const other = codesAt(theirs, s);
        const diff = my.join() !== other.join();
        const color = my.length > 0 ? colors.get(my[0]!) : undefined;
        return (
          <span
            key={s}
            className={diff ? 'pz-cmp-diff' : undefined}
            data-diff={diff ? '' : undefined}
            style={color ? { background: `${color}40`, boxShadow: `inset 0 -2px ${color}` } : undefined}
          >
            {cps.slice(s, e).join('')}
          </span>
        );
      })}
    </>
  );
}

export function CompareColumns({ text, annotations, codes, left, right, focus }: Props) {
  const { t } = useI18n();
  const cps = useMemo(() => [...text], [text]);
  const paras = useMemo(() => paragraphs(cps), [cps]);
  const colors = useMemo(() => new Map(codes.map((c) => [c.id, c.color])), [codes]);
  const ofLeft = annotations.filter((a) => a.coderId === left.id);
  const ofRight = annotations.filter((a) => a.coderId === right.id);
  const within = (list: readonly Annotation[], p: Para) =>
    list.filter((a) => a.start < p.end && a.end > p.start);
  const gridRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focus || !gridRef.current) return;
    const i = paras.findIndex((p) => p.end > focus.start);
    gridRef.current.querySelector(`[data-para="${i}"]`)?.scrollIntoView({ block: 'center' });
  }, [focus, paras]);

  return (
    <div className="pz-compare" data-testid="compare-columns">
      <div className="pz-compare-head">
        {[left, right].map((c) => (
          <div key={c.id} className="pz-compare-who">
            <span className="pz-coder-dot" style={{ background: c.color }} aria-hidden /> {c.name}
          </div>
        ))}
      </div>
      <p className="pz-muted pz-small">{t('coders.compareHelp')}</p>
      <div className="pz-compare-grid" ref={gridRef}>
        {paras.map((p, i) => {
          const l = within(ofLeft, p);
          const r = within(ofRight, p);
          return [
            <p key={`l${i}`} data-para={i} data-side="left" className="pz-compare-cell">
              <Cell cps={cps} para={p} mine={l} theirs={r} colors={colors} />
            </p>,
            <p key={`r${i}`} data-side="right" className="pz-compare-cell">
              <Cell cps={cps} para={p} mine={r} theirs={l} colors={colors} />
            </p>,
          ];
        })}
      </div>
    </div>
  );
}
