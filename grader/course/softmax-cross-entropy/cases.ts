import type { Rng } from '../../basics/rng.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import { normalTensor } from '../../inputs/shared.ts';
import { tensor, type Case, type WireTensor } from '../../basics/wire.ts';

/** Random logits: [n, k] normals with the given spread. */
function logits(rng: Rng, n: number, k: number, std: number): WireTensor {
  return normalTensor(rng, [n, k], std);
}

/** Edge-case logits, row by row: huge, tiny, tied, and far apart. */
function extremeRows(): { rows: number[][]; what: string } {
  return {
    rows: [
      [1000, 0, -1000, 1000], // two tied maxima at 1000: exp(1000) = Inf without the max shift
      [-1000, -1000, -1000, -1000], // all tied at −1000: exp underflows to 0, 0/0 without the shift
      [5, 5, 5, 5], // equal logits: uniform
      [0, 0, 0, 0],
      [1000, -1000, 999, 998], // a spread of 2000 inside one row
      [-1000, -999, -1001, -1000.5],
      [88, 89, 90, 0], // just past exp's float32 overflow (~88.7)
    ],
    what: '±1000, tied and equal rows',
  };
}

function extremeLogits(): WireTensor {
  const { rows } = extremeRows();
  return tensor([rows.length, rows[0]!.length], rows.flat());
}

function labelsFor(rng: Rng, n: number, k: number): WireTensor {
  return tensor([n], rng.ints(n, 0, k), 'int32');
}

/** Batch sizes × class counts of the random cases: single rows, two classes, MNIST-like [32, 10]. */
const SHAPES: [number, number, number][] = [
  // [n, k, std]
  [1, 10, 1],
  [4, 2, 1],
  [7, 3, 3],
  [32, 10, 2],
  [5, 1, 1],
  [3, 50, 10],
];

function softmaxCases(rng: Rng): Case[] {
  return [
    ...SHAPES.map(([n, k, std]) => ({ label: `logits [${n}, ${k}], std ${std}`, args: [logits(rng.fork(`${n}x${k}`), n, k, std)] })),
    { label: `logits ${extremeRows().what}`, args: [extremeLogits()] },
  ];
}

function crossEntropyCases(rng: Rng): Case[] {
  const { rows } = extremeRows();
  // For the extreme rows: the true class is sometimes the max, sometimes 2000 below it.
  const extremeLabels = tensor([rows.length], [0, 2, 1, 3, 1, 2, 3], 'int32');
  return [
    // K = 1 (a single class, loss 0) is left out: tf.oneHot, which the reference uses, needs depth ≥ 2.
    ...SHAPES.filter(([, k]) => k > 1).map(([n, k, std]) => {
      const r = rng.fork(`${n}x${k}`);
      return { label: `logits [${n}, ${k}], std ${std}`, args: [logits(r, n, k, std), labelsFor(r, n, k)] };
    }),
    { label: `logits ${extremeRows().what}`, args: [extremeLogits(), extremeLabels] },
    {
      label: 'true class 1000 below the row max',
      args: [tensor([2, 3], [1000, 0, -1000, 0, 1000, 0]), tensor([2], [2, 0], 'int32')],
    },
  ];
}

export const cases: Record<string, CaseRecipe> = {
  /** softmax(logits) on random logits of several shapes, then the edge cases. */
  softmax: softmaxCases,
  /** crossEntropy(logits, labels) with int32 labels, same shapes and edge cases. */
  crossEntropy: crossEntropyCases,
  /** A few small cases for the api checks (what runs matters, not the values). */
  apiSoftmax: (rng) => softmaxCases(rng).slice(0, 2),
  apiCrossEntropy: (rng) => crossEntropyCases(rng).slice(0, 2),
};
