/**
 * Bar chart of code frequencies per document or per attribute value (ECharts 6, tree-shaken: core + bar chart + grid,
 * tooltip and legend + the SVG renderer; nothing evaluates code, so it runs under the app's
 * strict CSP). Grouped bars: one series per code in its colour, one category per group.
 * A bar click opens the coded segments behind it. Export: SVG via `renderToSVGString`, PNG by
 * drawing that SVG onto a canvas at 2× (no second renderer bundled).
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartSeries {
  id: string;
  name: string;
  color: string;
  values: number[];
}

export interface ChartHandle {
  svg(): string;
  png(): Promise<string>;
}

interface Props {
  categories: readonly { id: string; label: string }[];
  series: readonly ChartSeries[];
  onBar: (seriesIndex: number, categoryIndex: number) => void;
  handleRef: { current: ChartHandle | null };
  /** `data-testid` of the chart element (several charts on one page). */
  testId?: string;
}

function shorten(s: string, n: number): string {
  const cps = [...s];
  return cps.length > n ? `${cps.slice(0, n).join('')}…` : s;
}

/** PNG (base64, no data: prefix) of an SVG string, drawn at `scale` on a white background. */
async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d canvas');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function FrequencyChart({ categories, series, onBar, handleRef, testId = 'frequency-chart' }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const onBarRef = useRef(onBar);
  useEffect(() => {
    onBarRef.current = onBar;
  }, [onBar]);

  useEffect(() => {
    const node = el.current!;
    const instance = echarts.init(node, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (params.componentType === 'series' && typeof params.seriesIndex === 'number')
        onBarRef.current(params.seriesIndex, params.dataIndex);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    handleRef.current = {
      svg: () => instance.renderToSVGString(),
      png: () => svgToPng(instance.renderToSVGString(), instance.getWidth(), instance.getHeight()),
    };
    return () => {
      observer.disconnect();
      handleRef.current = null;
      instance.dispose();
      chart.current = null;
    };
  }, [handleRef]);

  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        backgroundColor: '#ffffff',
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { type: 'scroll', top: 0 },
        grid: { left: 48, right: 16, top: 40, bottom: 72 },
        xAxis: {
          type: 'category',
          data: categories.map((c) => c.label),
          axisLabel: {
            interval: 0,
            rotate: categories.length > 4 ? 20 : 0,
            formatter: (v: string) => shorten(v, 12),
          },
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({
          id: s.id,
          name: s.name,
          type: 'bar' as const,
          itemStyle: { color: s.color },
          data: s.values,
        })),
      },
      { notMerge: true },
    );
  }, [categories, series]);

  const data = series.map((s) => ({ code: s.name, values: s.values }));
  return (
    <div
      ref={el}
      className="pz-chart"
      data-testid={testId}
      data-categories={JSON.stringify(categories.map((c) => c.label))}
      data-chart={JSON.stringify(data)}
    />
  );
}
