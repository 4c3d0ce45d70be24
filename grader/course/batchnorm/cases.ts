import type { Rng } from '../../basics/rng.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import { normalTensor } from '../../inputs/shared.ts';
import { tensor, type Case, type WireTensor } from '../../basics/wire.ts';

export const shapeText = (s: number[]): string => `[${s.join(',')}]`;

/** x with channel c ~ N(means[c], stds[c]²), channels last. */
export function channels(rng: Rng, shape: number[], means: number[], stds: number[]): WireTensor {
  const x = normalTensor(rng, shape);
  const c = shape[shape.length - 1]!;
  x.$tensor.data.forEach((v, i, a) => (a[i] = means[i % c]! + stds[i % c]! * v));
  return x;
}

/** γ around 1 and β around 0, per channel. */
export function scaleShift(rng: Rng, c: number): [WireTensor, WireTensor] {
  const gamma = normalTensor(rng, [c], 0.3, 1);
  const beta = normalTensor(rng, [c], 0.5);
  return [gamma, beta];
}

function trainCase(rng: Rng, shape: number[], eps: number, what = ''): Case {
  const label = `x ${shapeText(shape)}${what ? `, ${what}` : ''}, eps=${eps}`;
  const r = rng.fork(label);
  const c = shape[shape.length - 1]!;
  const means = Array.from({ length: c }, () => r.normal(0, 3));
  const stds = Array.from({ length: c }, () => Math.exp(r.normal(0, 1)));
  return { label, args: [channels(r, shape, means, stds), ...scaleShift(r, c), eps] };
}

function evalCase(rng: Rng, shape: number[], eps: number): Case {
  const label = `x ${shapeText(shape)}, eps=${eps}`;
  const r = rng.fork(label);
  const c = shape[shape.length - 1]!;
  const x = normalTensor(r, shape, 2, 1);
  const [gamma, beta] = scaleShift(r, c);
  const runningMean = normalTensor(r, [c], 1, 1);
  const runningVar = tensor([c], Array.from({ length: c }, (_, i) => (i === 0 ? 1e-4 : Math.exp(r.normal(0, 1)))));
  return { label, args: [x, gamma, beta, runningMean, runningVar, eps] };
}

function runningCase(rng: Rng, shape: number[], momentum: number): Case {
  const label = `running and batch ${shapeText(shape)}, momentum=${momentum}`;
  const r = rng.fork(label);
  return { label, args: [normalTensor(r, shape), normalTensor(r, shape, 2, 1), momentum] };
}

export const cases: Record<string, CaseRecipe> = {
  /** [N, C]: a batch of two, a square batch (a wrong axis keeps the shapes), eps 1e-5 and 1e-3. */
  train2d: (rng) => [trainCase(rng, [8, 5], 1e-5), trainCase(rng, [2, 3], 1e-5, 'a batch of two'), trainCase(rng, [4, 4], 1e-3), trainCase(rng, [32, 6], 1e-5)],
  /** [N, H, W, C]: statistics over N, H and W; a batch of two and a batch of one. */
  train4d: (rng) => [trainCase(rng, [2, 4, 4, 3], 1e-5, 'a batch of two'), trainCase(rng, [3, 5, 2, 4], 1e-3), trainCase(rng, [1, 3, 3, 2], 1e-5, 'a batch of one')],
  gradient: (rng) => [trainCase(rng, [8, 3], 1e-5), trainCase(rng, [2, 3, 3, 2], 1e-3, 'a batch of two'), trainCase(rng, [2, 4], 1e-5, 'a batch of two')],
  eval: (rng) => [evalCase(rng, [6, 4], 1e-5), evalCase(rng, [2, 3, 3, 3], 1e-3)],
  running: (rng) => [runningCase(rng, [5], 0.9), runningCase(rng, [3], 0.99), runningCase(rng, [4], 0), runningCase(rng, [2], 1)],
  apiTrain: (rng) => [trainCase(rng, [2, 3, 3, 2], 1e-5)],
  apiEval: (rng) => [evalCase(rng, [2, 3, 3, 2], 1e-5)],
};
