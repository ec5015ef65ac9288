// Chart.js charts: ranking bars, monthly lines (area and district on their own axes), twelve-month
// bars, and the population pyramid. No animation, so what is drawn is what the data says at once.
import {
  Chart, BarController, LineController, BarElement, LineElement, PointElement,
  CategoryScale, LinearScale, Legend, Tooltip, Title,
} from 'chart.js';
import { int, isNum, one, signedPct } from './format.js';

Chart.register(BarController, LineController, BarElement, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip, Title);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
Chart.defaults.font.size = 13;
Chart.defaults.color = '#0b0c0c';
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.responsive = true;

// White background, so exported PNGs are not transparent.
const whiteBackground = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};
Chart.register(whiteBackground);

const AREA = '#1d70b8';
const DISTRICT = '#d4351c';
const charts = new Map();

function put(canvas, config) {
  const old = charts.get(canvas.id);
  if (old) old.destroy();
  const c = new Chart(canvas, config);
  charts.set(canvas.id, c);
  return c;
}
export function chartOf(id) { return charts.get(id); }

const fmtFor = (measure) => (measure === 'count' ? int : measure === 'rate' ? one : signedPct);

/** rows: [{name, value, colour, note}] in display order. */
export function rankingChart(canvas, rows, { label, measure }) {
  const box = canvas.parentElement;
  box.style.height = `${Math.max(220, rows.length * 20 + 70)}px`;
  const fmt = fmtFor(measure);
  return put(canvas, {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.name),
      datasets: [{ label, data: rows.map((r) => (isNum(r.value) ? r.value : null)),
        backgroundColor: rows.map((r) => r.colour), borderColor: '#505a5f', borderWidth: 1, barPercentage: 0.85, categoryPercentage: 0.95 }],
    },
    options: {
      indexAxis: 'y',
      plugins: {
        legend: { display: false },
        title: { display: true, text: label, align: 'start', font: { weight: 'bold' } },
        tooltip: { callbacks: { label: (ctx) => `${label}: ${rows[ctx.dataIndex].note || fmt(ctx.raw)}` } },
      },
      scales: {
        x: { beginAtZero: true, title: { display: true, text: label }, ticks: { callback: (v) => fmt(v) } },
        y: { ticks: { autoSkip: false, font: { size: rows.length > 40 ? 10 : 12 } } },
      },
    },
  });
}

export function seriesChart(canvas, s, { areaIsDistrict, themeLabel }) {
  const datasets = [];
  if (!areaIsDistrict) {
    datasets.push({ label: `${s.area.name} (left axis)`, data: s.area_counts.map((v) => (isNum(v) ? v : null)), yAxisID: 'y',
      borderColor: AREA, backgroundColor: AREA, borderWidth: 2.5, pointRadius: 2.5, spanGaps: false });
  }
  datasets.push({ label: areaIsDistrict ? `${s.district.name}` : `${s.district.name} (right axis)`, data: s.district_counts, yAxisID: areaIsDistrict ? 'y' : 'y2',
    borderColor: DISTRICT, backgroundColor: DISTRICT, borderWidth: 2, borderDash: areaIsDistrict ? [] : [6, 4], pointRadius: 2, pointStyle: 'rect' });
  const scales = {
    x: { ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 12 } },
    y: { beginAtZero: true, position: 'left', title: { display: true, text: areaIsDistrict ? `${s.district.name}: offences a month` : `${s.area.name}: offences a month`, color: areaIsDistrict ? DISTRICT : AREA } },
  };
  if (!areaIsDistrict) scales.y2 = { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: `${s.district.name}: offences a month`, color: DISTRICT } };
  return put(canvas, {
    type: 'line',
    data: { labels: s.months, datasets },
    options: {
      interaction: { mode: 'index', intersect: false },
      plugins: {
        title: { display: true, text: `${themeLabel}: monthly counts`, align: 'start', font: { weight: 'bold' } },
        legend: { position: 'bottom', labels: { usePointStyle: true } },
        tooltip: { callbacks: { label: (ctx) => {
          if (ctx.datasetIndex === 0 && !areaIsDistrict && ctx.raw == null) return `${s.area.name}: ${s.area_suppressed?.[ctx.dataIndex] ? 'fewer than 5 (hidden)' : 'not available'}`;
          return `${ctx.dataset.label.replace(/ \((left|right) axis\)$/, '')}: ${int(ctx.raw)}`;
        } } },
      },
      scales,
    },
  });
}

export function annualChart(canvas, s, { areaIsDistrict, themeLabel }) {
  const labels = s.annual.map((a) => a.label || a.period);
  const datasets = [];
  if (!areaIsDistrict) datasets.push({ label: `${s.area.name} (left axis)`, data: s.annual.map((a) => (isNum(a.area) ? a.area : null)), yAxisID: 'y', backgroundColor: AREA });
  datasets.push({ label: areaIsDistrict ? s.district.name : `${s.district.name} (right axis)`, data: s.annual.map((a) => a.district), yAxisID: areaIsDistrict ? 'y' : 'y2', backgroundColor: '#f47738' });
  const scales = { y: { beginAtZero: true, position: 'left', title: { display: true, text: `${areaIsDistrict ? s.district.name : s.area.name}: offences` } } };
  if (!areaIsDistrict) scales.y2 = { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: `${s.district.name}: offences` } };
  return put(canvas, {
    type: 'bar',
    data: { labels, datasets },
    options: {
      plugins: {
        title: { display: true, text: `${themeLabel}: twelve-month totals`, align: 'start', font: { weight: 'bold' } },
        legend: { position: 'bottom', labels: { usePointStyle: true } },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label.replace(/ \((left|right) axis\)$/, '')}: ${ctx.raw == null ? 'hidden' : int(ctx.raw)}` } },
      },
      scales,
    },
  });
}

/** A population pyramid: males to the left (drawn negative), females to the right. */
export function pyramidChart(canvas, bands, side, title) {
  const male = (side?.male || []).map((v) => (isNum(v) ? -v : null));
  const female = (side?.female || []).map((v) => (isNum(v) ? v : null));
  const top = Math.max(1, ...male.map((v) => Math.abs(v || 0)), ...female.map((v) => v || 0));
  const step = 10 ** Math.floor(Math.log10(top));
  const max = [1, 2, 2.5, 5, 10].map((k) => k * step).find((v) => v >= top);
  return put(canvas, {
    type: 'bar',
    data: { labels: bands, datasets: [
      { label: 'Male', data: male, backgroundColor: '#12436d' },
      { label: 'Female', data: female, backgroundColor: '#f46a25' },
    ] },
    options: {
      indexAxis: 'y',
      plugins: {
        title: { display: true, text: title, align: 'start', font: { weight: 'bold' } },
        legend: { position: 'bottom', labels: { usePointStyle: true } },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${ctx.raw == null ? 'hidden' : int(Math.abs(ctx.raw))}` } },
      },
      scales: {
        x: { stacked: true, min: -max, max, ticks: { callback: (v) => int(Math.abs(v)) }, title: { display: true, text: 'People' } },
        y: { stacked: true, reverse: true, title: { display: true, text: 'Age band' } },
      },
    },
  });
}
