import { ADHESION_SERIES, type AdhesionSeries, type ReportFigures } from '../domain/report-figures.js';
import { catalogue, type Lang } from '../i18n/index.js';

/**
 * The report's charts, drawn by ECharts to SVG on the server (no browser, no canvas): the PDF
 * draws that SVG as vectors. Each chart is made in one language.
 */

/** Chart size in SVG pixels: the PDF's text width (495 pt) at 0.75 pt a pixel. */
export const CHART_WIDTH = 660;
export const CHART_HEIGHT = 250;

/** The font the PDF embeds; the SVG names it so text is measured and drawn alike. */
export const CHART_FONT = 'DejaVu Sans';

const COLOURS: Record<AdhesionSeries | 'open' | 'overdue' | 'done' | 'held' | 'cancelled', string> = {
  signatory: '#1b6b4a',
  signing_scheduled: '#56a77a',
  legal_review: '#e0a42c',
  document_sent: '#7aa6d6',
  intention_declared: '#2b5797',
  resting: '#a7a9ac',
  open: '#2b5797',
  overdue: '#c8414f',
  done: '#1b6b4a',
  held: '#2b5797',
  cancelled: '#a7a9ac',
};

export interface Charts {
  adhesions: string;
  actions: string;
  events: string;
}

interface Bars {
  categories: string[];
  series: { name: string; colour: string; values: number[] }[];
}

/** "déc. 2025" / "Dec 2025", short enough for twelve under a chart. */
function monthLabel(month: string, lang: Lang): string {
  const label = new Intl.DateTimeFormat(catalogue(lang).locale, { timeZone: 'UTC', month: 'short', year: '2-digit' }).format(new Date(`${month}-15T12:00:00Z`));
  return label.replace(/\s/g, '\u00a0');
}

/** How wide a text is in the PDF's font, in the unit of its size (for ECharts, which cannot measure without a canvas). */
export type MeasureText = (text: string, size: number, bold: boolean) => number;

export async function reportCharts(figures: ReportFigures, lang: Lang, measure: MeasureText): Promise<Charts> {
  const t = catalogue(lang).report;
  const months = figures.adhesions.map(({ month }) => monthLabel(month, lang));
  const stageName = (series: AdhesionSeries) => {
    if (series === 'signatory') return t.series.signatory;
    if (series === 'resting') return figures.audience === 'internal' ? t.series.resting : t.series.restingPublic;
    const name = catalogue(lang).stages.name[series];
    return name.charAt(0).toUpperCase() + name.slice(1);
  };
  const adhesions: Bars = {
    categories: months,
    series: ADHESION_SERIES.map((series) => ({ name: stageName(series), colour: COLOURS[series], values: figures.adhesions.map(({ counts }) => counts[series]) }))
      // A stage no partner reached in the twelve months adds only a legend entry.
      .filter((series, index) => index === 0 || series.values.some(Boolean)),
  };
  const tracks = figures.tracks.map(({ track }) => (track ? t.track(track.position) : t.otherTrack));
  const actionSeries = (['open', 'overdue', 'done'] as const).filter((status) => status !== 'overdue' || figures.audience === 'internal');
  const actions: Bars = {
    categories: tracks,
    series: actionSeries.map((status) => ({ name: t.series[status], colour: COLOURS[status], values: figures.tracks.map((group) => group[status]) })),
  };
  const events: Bars = {
    categories: months,
    series: (['held', 'cancelled'] as const).map((kind) => ({ name: t.series[kind], colour: COLOURS[kind], values: figures.eventsByMonth.map((month) => month[kind]) })),
  };
  // ECharts is large: loaded when a report is made, not when the bot starts.
  const echarts = await import('echarts');
  // Without a canvas ECharts guesses text widths, and the embedded font is wider than its guess:
  // legends would overlap. It measures with the PDF's own font instead.
  echarts.setPlatformAPI({
    measureText: (text: string, font?: string) => ({ width: measure(text, Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12), /bold|[6-9]00/.test(font ?? '')) }),
  });
  return { adhesions: stackedBars(echarts, adhesions), actions: stackedBars(echarts, actions), events: stackedBars(echarts, events) };
}

/** Stacked bars with whole-number counts, a legend underneath, and each bar's total above it (none over an empty bar). */
function stackedBars(echarts: typeof import('echarts'), { categories, series }: Bars): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  const totals = categories.map((_, index) => series.reduce((sum, one) => sum + (one.values[index] ?? 0), 0));
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: CHART_FONT, fontSize: 12, color: '#333333' },
    grid: { left: 40, right: 16, top: 22, bottom: 62 },
    legend: { bottom: 0, itemWidth: 14, itemHeight: 10, itemGap: 18, textStyle: { fontFamily: CHART_FONT, fontSize: 12 } },
    xAxis: { type: 'category', data: categories, axisTick: { alignWithLabel: true }, axisLabel: { fontFamily: CHART_FONT, fontSize: 11, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, boundaryGap: [0, '12%'], axisLabel: { fontFamily: CHART_FONT, fontSize: 11 } },
    series: series.map((one, index) => ({
      type: 'bar',
      name: one.name,
      stack: 'all',
      barMaxWidth: 34,
      itemStyle: { color: one.colour },
      data: one.values,
      // The total rides on the last series of each bar.
      label:
        index === series.length - 1
          ? // No white outline: svg-to-pdfkit draws it over the text, not under (paint-order).
            { show: true, position: 'top', fontFamily: CHART_FONT, fontSize: 11, color: '#333333', textBorderWidth: 0, formatter: ({ dataIndex }: { dataIndex: number }) => (totals[dataIndex] ? String(totals[dataIndex]) : '') }
          : { show: false },
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
