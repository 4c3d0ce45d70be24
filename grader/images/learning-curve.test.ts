import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { chartPng } from './charts.ts';
import { describeLossCurve, learningCurveChart, type TrainingCurves } from './learning-curve.ts';
import { COLOURS } from './plot-frame.ts';

const epochs = (y: number[]): TrainingCurves => ({ unit: 'epoch', loss: { x: y.map((_, i) => i + 1), y } });
const healthy = epochs([2.3, 0.9, 0.5, 0.35, 0.3, 0.28]);

describe('the training loss in words (synthetic curves)', () => {
  it('a healthy curve needs no words', () => {
    expect(describeLossCurve(healthy, healthy)).toBeUndefined();
    expect(describeLossCurve(epochs([2.3, 0.4]))).toBeUndefined();
  });

  it('NaN or Inf: diverged, with the epoch', () => {
    expect(describeLossCurve(epochs([2.3, 5, NaN, NaN]))).toBe('the training loss became NaN at epoch 3: the training diverged — try a smaller learning rate, and look for a log of 0 or a division by 0 in the loss');
    expect(describeLossCurve(epochs([2.3, Infinity]))).toMatch(/^the training loss became infinite at epoch 2/);
  });

  it('rising from the start: the gradient\'s sign', () => {
    expect(describeLossCurve(epochs([2.3, 2.9, 4.1, 7.5]))).toBe('the training loss rose from the start (2.3 → 7.5 over 4 epochs) and never went below its first value: the updates go uphill — check the gradient\'s sign (w − lr·g, not w + lr·g)');
  });

  it('flat: never fell', () => {
    expect(describeLossCurve(epochs([2.3026, 2.3025, 2.3026, 2.3024]))).toMatch(/^the training loss never fell \(2\.3 → 2\.3 over 4 epochs\): the weights are not learning — check the gradient's sign/);
  });

  it('fell, then rose: a smaller learning rate, naming the epoch of the minimum', () => {
    expect(describeLossCurve(epochs([2.3, 0.8, 0.6, 1.4, 2.0]))).toBe('the training loss fell until epoch 3 (0.6), then rose to 2: try a smaller learning rate');
  });

  it('up and down: a smaller learning rate', () => {
    expect(describeLossCurve(epochs([2.3, 1.0, 1.6, 0.9, 1.5, 0.8, 1.4, 0.7]))).toMatch(/^the training loss jumps up and down \(it rose in 3 of 7 epochs\): try a smaller learning rate$/);
  });

  it('far above the reference: too slow while still falling, or levelled off', () => {
    expect(describeLossCurve(epochs([2.3, 2.0, 1.8, 1.6, 1.4]), healthy)).toMatch(/^the training loss was still falling at the end but stayed well above the reference's \(1\.4 against 0\.28\): it learns too slowly/);
    expect(describeLossCurve(epochs([2.3, 1.5, 1.3, 1.3, 1.3]), healthy)).toMatch(/^the training loss levelled off at 1\.3, well above the reference's 0\.28/);
  });

  it('steps as the unit, and too short a curve says nothing', () => {
    expect(describeLossCurve({ unit: 'step', loss: { x: [100, 200, 300], y: [1, 2, 3] } })).toMatch(/over 3 steps/);
    expect(describeLossCurve(epochs([2.3]))).toBeUndefined();
    expect(describeLossCurve({ unit: 'epoch' })).toBeUndefined();
  });
});

describe('the learning-curve picture', () => {
  it('stacks the loss over the held-out score, student blue, reference orange, the bar red, on one PNG', () => {
    const student: TrainingCurves = { ...epochs([2.3, 2.9, 4.1]), heldOut: { x: [1, 2, 3], y: [0.3, 0.2, 0.1] } };
    const reference: TrainingCurves = { ...healthy, heldOut: { x: [1, 2, 3, 4, 5, 6], y: [0.8, 0.88, 0.9, 0.91, 0.92, 0.93] } };
    const chart = learningCurveChart({ name: 'mlp-curve', title: 'mlp: training', caption: 'cap', student, reference, heldOut: { label: 'test accuracy', higherIsBetter: true, bar: 0.91 } });
    expect(chart.panels.map((p) => p.yLabel)).toEqual(['training loss', 'test accuracy']);
    const png = PNG.sync.read(chartPng(chart).png);
    const count = (c: readonly number[]) => {
      let k = 0;
      for (let i = 0; i < png.width * png.height; i++) if (png.data[4 * i] === c[0] && png.data[4 * i + 1] === c[1] && png.data[4 * i + 2] === c[2]) k++;
      return k;
    };
    expect(png.width).toBe(480);
    expect(png.height).toBeGreaterThan(500); // two panels
    expect(count(COLOURS.student)).toBeGreaterThan(400);
    expect(count(COLOURS.reference)).toBeGreaterThan(400);
    expect(count(COLOURS.bar)).toBeGreaterThan(100);
  });

  it('without a reference or a held-out curve, draws what there is', () => {
    const chart = learningCurveChart({ name: 'x', title: 't', caption: '', student: epochs([1, 0.5]) });
    expect(chart.panels).toHaveLength(1);
    expect(chart.panels[0]!.series.map((s) => s.role)).toEqual(['student']);
  });
});
