import { xmlEscape } from '../render/junit.ts';

/** Vertical bars with their labels under them and counts over them: the score histogram. */
export function barChartSvg(bars: { label: string; count: number }[], title: string): string {
  const w = 560;
  const h = 220;
  const pad = { l: 30, r: 10, t: 24, b: 36 };
  const max = Math.max(1, ...bars.map((b) => b.count));
  const bw = (w - pad.l - pad.r) / Math.max(1, bars.length);
  const ih = h - pad.t - pad.b;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><title>${xmlEscape(title)}</title>`];
  parts.push(`<line x1="${pad.l}" y1="${h - pad.b}" x2="${w - pad.r}" y2="${h - pad.b}" stroke="#888"/>`);
  bars.forEach((b, i) => {
    const bh = (b.count / max) * ih;
    const x = pad.l + i * bw;
    const y = h - pad.b - bh;
    parts.push(`<rect x="${(x + 3).toFixed(1)}" y="${y.toFixed(1)}" width="${(bw - 6).toFixed(1)}" height="${bh.toFixed(1)}" fill="#4a7bd0"><title>${xmlEscape(`${b.label}: ${b.count}`)}</title></rect>`);
    parts.push(`<text x="${(x + bw / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" font-size="11">${b.count}</text>`);
    parts.push(`<text x="${(x + bw / 2).toFixed(1)}" y="${h - pad.b + 14}" text-anchor="middle" font-size="10">${xmlEscape(b.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Horizontal bars, one per row, label on the left, value (and its denominator) on the right. */
export function hbarChartSvg(rows: { label: string; value: number; of: number; hidden?: boolean }[], title: string): string {
  const labelW = 300;
  const barW = 220;
  const rowH = 20;
  const w = labelW + barW + 70;
  const h = Math.max(1, rows.length) * rowH + 10;
  const max = Math.max(1, ...rows.map((r) => r.of));
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><title>${xmlEscape(title)}</title>`];
  if (rows.length === 0) parts.push(`<text x="4" y="14" font-size="12">none</text>`);
  rows.forEach((r, i) => {
    const y = 5 + i * rowH;
    const bw = (r.value / max) * barW;
    const label = r.label.length > 48 ? `${r.label.slice(0, 47)}…` : r.label;
    parts.push(`<text x="${labelW - 6}" y="${y + 13}" text-anchor="end" font-size="11">${xmlEscape(label + (r.hidden ? ' (hidden)' : ''))}<title>${xmlEscape(r.label)}</title></text>`);
    parts.push(`<rect x="${labelW}" y="${y + 3}" width="${bw.toFixed(1)}" height="${rowH - 6}" fill="${r.hidden ? '#9a6bd0' : '#d0664a'}"/>`);
    parts.push(`<text x="${(labelW + bw + 4).toFixed(1)}" y="${y + 13}" font-size="11">${r.value}/${r.of}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
