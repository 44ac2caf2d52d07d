import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * The report's charts: Vega-Lite specifications compiled and rendered to SVG in Node (no browser,
 * no canvas: the `none` renderer measures text with Vega's estimate), so the HTML carries them
 * inline and the PDF prints exactly what the screen shows. Numbers follow French conventions.
 */

/** d3-format's French locale: decimal comma, narrow no-break space between thousands, € after. */
const FRENCH_NUMBERS = {
  decimal: ',',
  thousands: '\u202f',
  grouping: [3],
  currency: ['', '\u00a0€'] as [string, string],
  percent: '\u202f%',
};

const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

/** Axes, titles and colours shared by every chart. */
const CHART_CONFIG = {
  // Vega's own locale setting: axis labels and tooltips format numbers the French way.
  locale: { number: FRENCH_NUMBERS },
  font: FONT,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, labelColor: '#2b2f33', titleColor: '#2b2f33', gridColor: '#e3e6e9' },
  // The `none` renderer estimates text widths (no canvas) generously: limits are set wide.
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom' as const, labelLimit: 400 },
  title: { fontSize: 13, anchor: 'start' as const, color: '#1d2428' },
  bar: { color: '#2f6f4f' },
};

/** Renders a Vega-Lite specification to an SVG string. */
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile({ ...spec, config: { ...CHART_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return svg.replace('<svg ', '<svg role="img" ').replace('class="marks"', 'class="marks chart"');
  } finally {
    view.finalize();
  }
}

/** One bar of a bar chart. */
export interface Bar {
  label: string;
  value: number;
  /** A series for grouped bars (e.g. « Qualité et durable », « Bio »). */
  series?: string;
}

export interface BarChartOptions {
  title: string;
  /** The value axis title, with its unit. */
  axisTitle: string;
  bars: Bar[];
  /** d3 format of the values (",.0f" for counts, ".0%" for shares). */
  format?: string;
  /** Vertical rules drawn across the bars, e.g. EGalim targets. */
  targets?: { value: number; label: string }[];
  width?: number;
}

/**
 * Horizontal bars, one per label (grouped by series when given), with optional target rules: a
 * horizontal layout keeps long French labels readable on A4.
 */
export function barChartSpec(options: BarChartOptions): TopLevelSpec {
  const format = options.format ?? ',.0f';
  const grouped = options.bars.some((b) => b.series !== undefined);
  const labels = [...new Set(options.bars.map((b) => b.label))];
  const series = [...new Set(options.bars.map((b) => b.series ?? ''))];
  const rowHeight = grouped ? 12 * series.length + 6 : 18;
  const width = options.width ?? 420;
  const bars = {
    mark: { type: 'bar' as const, cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'label', type: 'nominal' as const, sort: labels, title: null, axis: { labelLimit: 320 } },
      x: { field: 'value', type: 'quantitative' as const, title: options.axisTitle, axis: { format } },
      ...(grouped
        ? {
            yOffset: { field: 'series', type: 'nominal' as const, sort: series },
            color: {
              field: 'series',
              type: 'nominal' as const,
              sort: series,
              title: null,
              scale: { range: ['#2f6f4f', '#8cc084', '#d9a441'] },
            },
          }
        : {}),
      tooltip: [{ field: 'label' }, { field: 'value', format }],
    },
  };
  const layers: object[] = [{ data: { values: options.bars }, ...bars }];
  if (options.targets && options.targets.length > 0) {
    layers.push({
      data: { values: options.targets },
      mark: { type: 'rule', color: '#b3261e', strokeDash: [4, 3], strokeWidth: 1.5 },
      encoding: { x: { field: 'value', type: 'quantitative' } },
    });
    layers.push({
      data: { values: options.targets },
      mark: { type: 'text', color: '#b3261e', align: 'left', dx: 3, dy: -4, baseline: 'bottom', fontSize: 10 },
      encoding: { x: { field: 'value', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: options.title,
    width,
    height: Math.max(1, labels.length) * rowHeight,
    layer: layers,
  } as TopLevelSpec;
}

/** The SVG of a horizontal bar chart (see barChartSpec). */
export function barChartSvg(options: BarChartOptions): Promise<string> {
  return renderChartSvg(barChartSpec(options));
}
