import { describe, expect, it } from 'vitest';
import type { Case, Wire } from '../basics/wire.ts';
import type { CaseOutcome } from '../sandbox/protocol.ts';
import { scoreOf, trainingCurvesOf } from './accuracy.ts';

const t = (shape: number[], data: number[], dtype: 'float32' | 'int32' = 'float32'): Wire => ({ $tensor: { shape, dtype, data: dtype === 'int32' ? Int32Array.from(data) : Float32Array.from(data) } }) as Wire;
const cases: Case[] = [{ label: 'mnist', args: [], answers: t([4], [0, 1, 2, 3], 'int32') }];
const ok = (value: Wire): CaseOutcome => ({ ok: true, value });

describe('the accuracy check\'s learning curve (parent side)', () => {
  it('scores the per-epoch predictions of the first test images against the labels the parent keeps', () => {
    const value = { predictions: t([4], [0, 1, 2, 0], 'int32'), curve: { loss: t([3], [2.3, 1.1, 0.7]), heldOut: t([3, 2], [5, 5, 0, 5, 0, 1], 'int32') } } as unknown as Wire;
    expect(trainingCurvesOf(ok(value), cases)).toEqual({ unit: 'epoch', loss: { x: [1, 2, 3], y: [2.299999952316284, 1.100000023841858, 0.699999988079071] }, heldOut: { x: [1, 2, 3], y: [0, 0.5, 1] }, heldOutCount: 2 });
    expect(scoreOf([ok(value)], cases)).toBe(0.75); // the verdict reads the final predictions only
  });

  it('points taken within epochs (the optimizer checks: 5 an epoch) keep their fractional epochs as x; x that does not fit drops the curve', () => {
    const curve = (x: Wire) => ({ predictions: t([4], [0, 1, 2, 3], 'int32'), curve: { loss: t([3], [2, 1, 0.5]), heldOut: t([3, 2], [0, 0, 0, 1, 0, 1], 'int32'), x } }) as unknown as Wire;
    const got = trainingCurvesOf(ok(curve(t([3], [0.5, 1, 1.5]))), cases);
    expect(got?.loss?.x).toEqual([0.5, 1, 1.5]);
    expect(got?.heldOut).toEqual({ x: [0.5, 1, 1.5], y: [0.5, 1, 1] });
    for (const x of [t([3], [1, 0.5, 2]), t([2], [0.5, 1]), t([3], [0.5, NaN, 2]), t([3], [-1, 0, 1]), [0.5, 1, 1.5] as unknown as Wire]) {
      expect(trainingCurvesOf(ok(curve(x)), cases)).toBeUndefined();
    }
  });

  it('a bare predictions tensor (no curve) still scores, and draws nothing', () => {
    const value = t([4], [0, 1, 2, 3], 'int32');
    expect(scoreOf([ok(value)], cases)).toBe(1);
    expect(trainingCurvesOf(ok(value), cases)).toBeUndefined();
  });

  it('a malformed curve is dropped, never judged: wrong lengths, more columns than labels, not tensors', () => {
    const bad = [
      { loss: t([2], [1, 2]), heldOut: t([3, 2], [0, 0, 0, 0, 0, 0], 'int32') },
      { loss: t([1], [1]), heldOut: t([1, 9], [0, 0, 0, 0, 0, 0, 0, 0, 0], 'int32') },
      { loss: [1, 2], heldOut: 'x' },
      'forged',
    ];
    for (const curve of bad) expect(trainingCurvesOf(ok({ predictions: t([4], [0, 1, 2, 3], 'int32'), curve } as unknown as Wire), cases)).toBeUndefined();
    expect(trainingCurvesOf({ ok: false, error: { name: 'Error', message: 'x' } } as CaseOutcome, cases)).toBeUndefined();
  });
});
