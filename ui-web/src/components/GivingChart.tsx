// Bar and line charts (Chart.js through react-chartjs-2). Chart.js draws on a canvas and sizes
// it through the CSSOM, which the Content-Security-Policy allows (no style attributes in HTML).
// The canvas is hidden from assistive technology: the wrapper (role="img") carries the name.
import { BarElement, CategoryScale, Chart as ChartJS, Filler, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';
import { formatMinor } from '../lib/format';

ChartJS.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Filler);

const accent = '#2f6f62';

interface Series {
  labels: string[];
  minor: number[];
  currency: string;
  label: string;
}

function options(currency: string) {
  const digits = currency === 'KRW' || currency === 'JPY' ? 0 : 2;
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    plugins: {
      tooltip: {
        callbacks: { label: (ctx: { parsed: { y: number | null } }) => formatMinor(Math.round((ctx.parsed.y ?? 0) * 10 ** digits), currency) },
      },
    },
    scales: {
      y: {
        beginAtZero: true,
        ticks: { callback: (v: string | number) => formatMinor(Math.round(Number(v) * 10 ** digits), currency) },
      },
    },
  };
}

function values(s: Series): number[] {
  const digits = s.currency === 'KRW' || s.currency === 'JPY' ? 0 : 2;
  return s.minor.map((m) => m / 10 ** digits);
}

export function BarChart(props: Series & { title: string }) {
  return (
    <div className="chart" role="img" aria-label={props.title}>
      <Bar aria-hidden="true"
        data={{ labels: props.labels, datasets: [{ label: props.label, data: values(props), backgroundColor: accent }] }}
        options={options(props.currency)}
      />
    </div>
  );
}

export function TrendChart(props: Series & { title: string }) {
  return (
    <div className="chart" role="img" aria-label={props.title}>
      <Line aria-hidden="true"
        data={{
          labels: props.labels,
          datasets: [
            {
              label: props.label,
              data: values(props),
              borderColor: accent,
              backgroundColor: 'rgba(47, 111, 98, 0.12)',
              fill: true,
              tension: 0.25,
              pointRadius: 2,
            },
          ],
        }}
        options={options(props.currency)}
      />
    </div>
  );
}
