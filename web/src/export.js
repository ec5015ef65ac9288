// Exports built in the browser from the JSON the server sent: CSV (RFC 4180, UTF-8 with BOM so
// Excel reads it) and PNG images (the map canvas or a chart canvas with a title, legend and source
// lines; tables drawn as text).
import { isNum } from './format.js';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

function csvCell(v) {
  if (v == null) return '';
  if (Array.isArray(v)) v = v.join('; ');
  const s = typeof v === 'number' ? String(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header, rows) {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function download(filename, blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

export function downloadCsv(filename, header, rows) {
  download(filename, new Blob(['\ufeff' + toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }));
}

function canvasBlob(canvas) {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The image could not be made'))), 'image/png'));
}

function wrap(ctx, text, width) {
  const words = String(text).split(/\s+/);
  const lines = [];
  let line = '';
  for (const w of words) {
    const t = line ? `${line} ${w}` : w;
    if (ctx.measureText(t).width > width && line) { lines.push(line); line = w; } else line = t;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A PNG of an image source (map or chart canvas) with a title above and, below, an optional legend
 * ([{colour, label, kind}]) and source lines.
 */
export async function composePng(filename, source, { title, subtitle, legend = [], legendTitle, notes = [] }) {
  const pad = 20;
  const w = Math.max(source.width, 600);
  const scale = source.width / (source.clientWidth || source.width) || 1;
  const probe = document.createElement('canvas').getContext('2d');
  const fs = Math.round(14 * scale);
  probe.font = `${fs}px ${FONT}`;
  const noteLines = notes.flatMap((n) => wrap(probe, n, w - 2 * pad));
  const legendRows = legend.length ? legend.length + (legendTitle ? 1 : 0) : 0;
  const lh = Math.round(fs * 1.45);
  const head = Math.round(pad + fs * 1.6 + (subtitle ? lh : 0) + pad / 2);
  const h = head + source.height + pad + legendRows * lh + (legendRows ? pad / 2 : 0) + noteLines.length * lh + pad;
  const c = document.createElement('canvas');
  c.width = w; c.height = h;
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#0b0c0c';
  ctx.textBaseline = 'top';
  ctx.font = `bold ${Math.round(fs * 1.3)}px ${FONT}`;
  ctx.fillText(title, pad, pad);
  if (subtitle) { ctx.font = `${fs}px ${FONT}`; ctx.fillText(subtitle, pad, pad + fs * 1.6); }
  ctx.drawImage(source, 0, head);
  let y = head + source.height + pad;
  if (legendRows) {
    if (legendTitle) { ctx.font = `bold ${fs}px ${FONT}`; ctx.fillStyle = '#0b0c0c'; ctx.fillText(legendTitle, pad, y); y += lh; }
    ctx.font = `${fs}px ${FONT}`;
    for (const it of legend) {
      const sw = Math.round(fs * 1.4), sh = Math.round(fs * 0.9);
      ctx.fillStyle = it.colour; ctx.fillRect(pad, y + 2, sw, sh);
      if (it.kind === 'hatched') {
        ctx.save(); ctx.beginPath(); ctx.rect(pad, y + 2, sw, sh); ctx.clip();
        ctx.strokeStyle = '#6e6e6e'; ctx.lineWidth = 1.5;
        for (let x = -sh; x < sw; x += 5) { ctx.beginPath(); ctx.moveTo(pad + x, y + 2 + sh); ctx.lineTo(pad + x + sh, y + 2); ctx.stroke(); }
        ctx.restore();
      }
      ctx.strokeStyle = '#505a5f'; ctx.lineWidth = 1; ctx.strokeRect(pad + 0.5, y + 2.5, sw, sh);
      ctx.fillStyle = '#0b0c0c'; ctx.fillText(it.label, pad + sw + 8, y);
      y += lh;
    }
    y += pad / 2;
  }
  ctx.font = `${fs}px ${FONT}`; ctx.fillStyle = '#484949';
  for (const l of noteLines) { ctx.fillText(l, pad, y); y += lh; }
  download(filename, await canvasBlob(c));
}

/** A PNG of a table: header and rows of text, numeric columns right-aligned. */
export async function tablePng(filename, { title, subtitle, header, rows, numeric = [], indent = [], notes = [] }) {
  const scale = 2, pad = 16, fs = 13, lh = 22;
  const probe = document.createElement('canvas').getContext('2d');
  probe.font = `bold ${fs}px ${FONT}`;
  const widths = header.map((h, i) => {
    let m = probe.measureText(h).width;
    probe.font = `${fs}px ${FONT}`;
    for (const [r, row] of rows.entries()) m = Math.max(m, probe.measureText(String(row[i] ?? '')).width + (i === 0 ? (indent[r] || 0) * 18 : 0));
    probe.font = `bold ${fs}px ${FONT}`;
    return Math.min(Math.ceil(m) + 18, 360);
  });
  const tw = widths.reduce((a, b) => a + b, 0);
  const w = Math.max(tw + 2 * pad, 600);
  probe.font = `${fs}px ${FONT}`;
  const noteLines = notes.flatMap((n) => wrap(probe, n, w - 2 * pad));
  const h = pad + 28 + (subtitle ? lh : 0) + 8 + lh * (rows.length + 1) + 12 + noteLines.length * lh + pad;
  const c = document.createElement('canvas');
  c.width = w * scale; c.height = h * scale;
  const ctx = c.getContext('2d');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, w, h);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#0b0c0c';
  ctx.font = `bold 18px ${FONT}`; ctx.fillText(title, pad, pad + 10);
  let y = pad + 28;
  if (subtitle) { ctx.font = `${fs}px ${FONT}`; ctx.fillText(subtitle, pad, y + lh / 2); y += lh; }
  y += 8;
  const drawRow = (cells, bold, ind = 0) => {
    let x = pad;
    ctx.font = `${bold ? 'bold ' : ''}${fs}px ${FONT}`;
    cells.forEach((v, i) => {
      const s = String(v ?? '');
      if (numeric.includes(i)) { ctx.textAlign = 'right'; ctx.fillText(s, x + widths[i] - 10, y + lh / 2); ctx.textAlign = 'left'; }
      else ctx.fillText(s, x + (i === 0 ? ind * 18 : 0), y + lh / 2, widths[i] - 10);
      x += widths[i];
    });
    y += lh;
    ctx.strokeStyle = '#b1b4b6'; ctx.lineWidth = bold ? 2 : 0.5;
    ctx.beginPath(); ctx.moveTo(pad, y); ctx.lineTo(pad + tw, y); ctx.stroke();
  };
  drawRow(header, true);
  rows.forEach((r, i) => drawRow(r, (indent[i] ?? 1) === 0 && indent.length > 0, indent[i] || 0));
  y += 12;
  ctx.font = `${fs}px ${FONT}`; ctx.fillStyle = '#484949';
  for (const l of noteLines) { ctx.fillText(l, pad, y + lh / 2); y += lh; }
  download(filename, await canvasBlob(c));
}

export const numOrBlank = (v) => (isNum(v) ? v : '');
