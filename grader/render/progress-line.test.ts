import { describe, expect, it } from 'vitest';
import { describeProgress, progressLine } from './progress-line.ts';

const where = { exercise: 'cnn', check: 'trains a CNN on MNIST', index: 2, count: 3 };

describe('the progress line', () => {
  it('when a training reports epochs then the line says which check, the epoch, the note and an ETA', () => {
    const p = { kind: 'progress' as const, ...where, done: 3, total: 8, unit: 'epoch', note: 'loss 0.21' };
    expect(describeProgress(p, 14_000, { at: 2_000, done: 1 })).toBe('cnn · trains a CNN on MNIST (3/3) · epoch 3/8 · loss 0.21 · 14 s, about 30 s left');
  });

  it('when the note carries terminal escapes then they are removed', () => {
    const p = { kind: 'progress' as const, ...where, done: 1, total: 2, unit: 'step', note: '\u001b[2Jloss 1' };
    expect(describeProgress(p, 1000)).not.toContain('\u001b');
  });

  it('when piped then a short check prints nothing and a long one a line every 5 s', () => {
    const out: string[] = [];
    let t = 0;
    const line = progressLine({ write: (s) => out.push(s), tty: false }, () => t);
    line({ kind: 'check-start', ...where });
    t = 3_000;
    line({ kind: 'progress', ...where, done: 1, total: 8, unit: 'epoch' });
    expect(out).toEqual([]);
    t = 6_000;
    line({ kind: 'progress', ...where, done: 2, total: 8, unit: 'epoch' });
    t = 7_000;
    line({ kind: 'progress', ...where, done: 3, total: 8, unit: 'epoch' });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^ {2}… cnn · trains a CNN on MNIST \(3\/3\) · epoch 2\/8 · 6 s, about 18 s left\n$/);
    line({ kind: 'check-end', ...where, passed: true });
    line.stop();
    expect(out.join('')).not.toContain('\u001b');
  });

  it('when on a terminal then the line is redrawn in place and cleared at the end of the check', () => {
    const out: string[] = [];
    let t = 0;
    const line = progressLine({ write: (s) => out.push(s), tty: true, columns: 60 }, () => t);
    line({ kind: 'check-start', ...where });
    t = 500;
    line({ kind: 'progress', ...where, done: 1, total: 8, unit: 'epoch' });
    line({ kind: 'check-end', ...where, passed: true });
    line.stop();
    expect(out[0]).toMatch(/^\r\u001b\[2Kcnn · trains a CNN/);
    expect(out.every((s) => s.startsWith('\r\u001b[2K') && !s.includes('\n'))).toBe(true);
    expect(out.at(-1)).toBe('\r\u001b[2K');
    expect(Math.max(...out.map((s) => s.length))).toBeLessThanOrEqual(60 + 5);
  });
});
