// A report's chart from its hint (bar, line or pie; lib/reports.ts chartSeries). Money series
// are in major units and labelled in their currency.
import { ArcElement, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js';
import { Bar, Line, Pie } from 'react-chartjs-2';
import { formatMinor, formatNumber, minorDigits } from '../lib/format';
import type { ChartSeries } from '../lib/reports';

ChartJS.register(ArcElement, BarElement, CategoryScale, Legend, LinearScale, LineElement, PointElement, Tooltip);

const palette = ['#2f6f62', '#b5651d', '#4a5fa8', '#8a3d6b', '#6b7d2a', '#5b6770'];

export function ReportChart({ series, title }: { series: ChartSeries; title: string }) {
  const text = (v: number) => (series.currency ? formatMinor(Math.round(v * 10 ** minorDigits(series.currency)), series.currency) : formatNumber(v));
  const data = {
    labels: series.labels,
    datasets: series.datasets.map((d, i) => ({
      label: d.label,
      data: d.data,
      backgroundColor: series.kind === 'pie' ? series.labels.map((_, j) => palette[j % palette.length]) : palette[i % palette.length],
      borderColor: palette[i % palette.length],
    })),
  };
  const tooltip = { callbacks: { label: (ctx: { dataset: { label?: string }; parsed: number | { y: number | null } }) => `${ctx.dataset.label ?? ''}: ${text(typeof ctx.parsed === 'number' ? ctx.parsed : (ctx.parsed.y ?? 0))}` } };
  const common = { responsive: true, maintainAspectRatio: false, animation: false as const };
  return (
    <div className="chart" role="img" aria-label={title} data-testid="report-chart">
      {series.kind === 'pie' ? (
        <Pie aria-hidden="true" data={data} options={{ ...common, plugins: { tooltip } }} />
      ) : series.kind === 'line' ? (
        <Line aria-hidden="true" data={data} options={{ ...common, plugins: { tooltip }, scales: { y: { beginAtZero: true, ticks: { callback: (v: string | number) => text(Number(v)) } } } }} />
      ) : (
        <Bar aria-hidden="true" data={data} options={{ ...common, plugins: { tooltip }, scales: { y: { beginAtZero: true, ticks: { callback: (v: string | number) => text(Number(v)) } } } }} />
      )}
    </div>
  );
}
