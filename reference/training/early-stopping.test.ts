import { describe, expect, it } from 'vitest';
import { earlyStopping } from './early-stopping.ts';
import { variants } from './early-stopping.variants.ts';

interface Case {
  name: string;
  losses: number[];
  patience: number;
  minDelta: number;
  stopEpoch: number;
  bestEpoch: number;
}

/** Hand-worked: `wait` counts epochs in a row without improvement; stop when it reaches patience. */
const CASES: Case[] = [
  // improves at 0, 1, 2; 3, 4, 5 do not (0.7 is not < 0.7): wait hits 3 at epoch 5.
  { name: 'plateau', losses: [1, 0.8, 0.7, 0.7, 0.7, 0.7, 0.7], patience: 3, minDelta: 0, stopEpoch: 5, bestEpoch: 2 },
  // best 1, .9, (.95 w1), .85, then .88 w1, .86 w2, .9 w3 → stop 6.
  { name: 'noisy, patience 3', losses: [1, 0.9, 0.95, 0.85, 0.88, 0.86, 0.9, 0.87, 0.8], patience: 3, minDelta: 0, stopEpoch: 6, bestEpoch: 3 },
  { name: 'noisy, patience 4', losses: [1, 0.9, 0.95, 0.85, 0.88, 0.86, 0.9, 0.87, 0.8], patience: 4, minDelta: 0, stopEpoch: 7, bestEpoch: 3 },
  // wait reaches only 4 before 0.8 improves at the last epoch: run to the end.
  { name: 'noisy, patience 5', losses: [1, 0.9, 0.95, 0.85, 0.88, 0.86, 0.9, 0.87, 0.8], patience: 5, minDelta: 0, stopEpoch: 8, bestEpoch: 8 },
  { name: 'never improving after epoch 0', losses: [0.5, 0.6, 0.7, 0.8], patience: 2, minDelta: 0, stopEpoch: 2, bestEpoch: 0 },
  { name: 'improving to the end', losses: [5, 4, 3, 2, 1], patience: 1, minDelta: 0, stopEpoch: 4, bestEpoch: 4 },
  // .99 and .985 are lower than 1 but not by more than 0.02: wait 1, 2 → stop 2, best stays 0.
  { name: 'minDelta makes tiny improvements not count', losses: [1, 0.99, 0.985, 0.98, 0.97], patience: 2, minDelta: 0.02, stopEpoch: 2, bestEpoch: 0 },
  { name: 'the same curve without minDelta', losses: [1, 0.99, 0.985, 0.98, 0.97], patience: 2, minDelta: 0, stopEpoch: 4, bestEpoch: 4 },
  // .995 (w1) is too small a gain; .97 counts (< 0.99); .969 and .968 do not (≥ 0.96); .9 does.
  { name: 'minDelta, a real improvement resets the wait', losses: [1, 0.995, 0.97, 0.969, 0.968, 0.9], patience: 3, minDelta: 0.01, stopEpoch: 5, bestEpoch: 5 },
  { name: 'minDelta, patience 2 stops first', losses: [1, 0.995, 0.97, 0.969, 0.968, 0.9], patience: 2, minDelta: 0.01, stopEpoch: 4, bestEpoch: 2 },
  { name: 'patience 1 stops at the first non-improving epoch', losses: [3, 2, 2.5, 1], patience: 1, minDelta: 0, stopEpoch: 2, bestEpoch: 1 },
  { name: 'equal losses are not improvements', losses: [1, 0.5, 0.5, 0.5, 0.4], patience: 2, minDelta: 0, stopEpoch: 3, bestEpoch: 1 },
  // Exactly representable: 0.25 < 0.5 − 0.25 is false.
  { name: 'a gain of exactly minDelta does not count', losses: [1, 0.5, 0.25], patience: 1, minDelta: 0.25, stopEpoch: 2, bestEpoch: 1 },
  { name: 'one epoch', losses: [0.3], patience: 5, minDelta: 0, stopEpoch: 0, bestEpoch: 0 },
  { name: 'patience longer than the run', losses: [1, 2, 3], patience: 10, minDelta: 0, stopEpoch: 2, bestEpoch: 0 },
];

describe('earlyStopping', () => {
  for (const c of CASES) {
    it(`${c.name}: stops at ${c.stopEpoch}, best ${c.bestEpoch}`, () => {
      const losses = Object.freeze([...c.losses]) as number[]; // must not be mutated
      expect(earlyStopping(losses, c.patience, c.minDelta)).toEqual({ stopEpoch: c.stopEpoch, bestEpoch: c.bestEpoch });
    });
  }

  it('says who complained, what it expected and what came', () => {
    expect(() => earlyStopping([], 1, 0)).toThrow(/^earlyStopping: valLosses must hold at least one loss, but got an empty array$/);
    expect(() => earlyStopping([1], 0, 0)).toThrow(/^earlyStopping: patience must be an integer ≥ 1, but got 0$/);
    expect(() => earlyStopping([1], 1.5, 0)).toThrow(/^earlyStopping: patience must be an integer ≥ 1, but got 1.5$/);
    expect(() => earlyStopping([1], 1, -0.1)).toThrow(/^earlyStopping: minDelta must be a finite number ≥ 0, but got -0.1$/);
    expect(() => earlyStopping([1, NaN], 1, 0)).toThrow(/^earlyStopping: valLosses\[1\] must be a finite number, but got NaN$/);
    expect(() => earlyStopping([Infinity], 1, 0)).toThrow(/^earlyStopping: valLosses\[0\] must be a finite number, but got Infinity$/);
    expect(() => earlyStopping('1,2' as unknown as number[], 1, 0)).toThrow(/^earlyStopping: valLosses must be an array of numbers, but got string$/);
  });
});

describe('early-stopping variants', () => {
  const distinguishing: Record<string, Case> = {
    'stop-one-epoch-late': CASES.find((c) => c.name === 'never improving after epoch 0')!,
    'min-delta-ignored': CASES.find((c) => c.name === 'minDelta makes tiny improvements not count')!,
    'improves-on-equal': CASES.find((c) => c.name === 'equal losses are not improvements')!,
    'best-is-argmin': CASES.find((c) => c.name === 'minDelta makes tiny improvements not count')!,
  };

  it('has one distinguishing curve per variant', () => {
    expect(variants.map((v) => v.id).sort()).toEqual(Object.keys(distinguishing).sort());
  });

  for (const v of variants) {
    it(`${v.id} differs from the reference, and its hint is actionable`, () => {
      const c = distinguishing[v.id]!;
      expect(v.exports.earlyStopping!(c.losses, c.patience, c.minDelta)).not.toEqual({ stopEpoch: c.stopEpoch, bestEpoch: c.bestEpoch });
      expect(v.hint).toMatch(/^Your output matches .+: ./);
    });
  }

  it('agree with the reference where their mistake does not show (plateau-free, minDelta 0, no late stop)', () => {
    const c = CASES.find((x) => x.name === 'improving to the end')!;
    for (const v of variants) expect(v.exports.earlyStopping!(c.losses, c.patience, c.minDelta), v.id).toEqual({ stopEpoch: 4, bestEpoch: 4 });
  });
});
