import * as tf from '@tensorflow/tfjs';

/**
 * The ops a student can reach, generated from tfjs itself: every kernel the cpu backend
 * registers that has a gradient function, mapped to the `tf.*` op that dispatches it, plus
 * the composite ops (no kernel of their own) that the exercises' READMEs mention. Each op
 * gets argument builders at edge shapes: size-1 axes, scalars, empty tensors, batch 1, 1×1
 * images, windows as large as the input, strides larger than the window.
 */

/** One call of an op: its float inputs (differentiated) and how to call it with them. */
export interface OpCase {
  op: string;
  label: string;
  /** Shapes of the float inputs; their values come from the sweep's value sets. */
  shapes: number[][];
  call: (...xs: tf.Tensor[]) => tf.Tensor;
  /** Whether tf.grads w.r.t. the float inputs is part of the comparison (false for int/bool outputs). */
  differentiable: boolean;
}

type Builder = (op: string) => OpCase[];

const T = tf as unknown as Record<string, (...a: unknown[]) => tf.Tensor>;
const fn = (op: string) => T[op]!;
const int = (values: number[], shape?: number[]) => tf.tensor(values, shape, 'int32');

/** tf.image.transform's 8 numbers for a rotation by 0.4 rad about the centre of a 5×7 image (no coordinate exactly halfway between pixels). */
const ROTATION = [Math.cos(0.4), -Math.sin(0.4), 3 - 3 * Math.cos(0.4) + 2 * Math.sin(0.4), Math.sin(0.4), Math.cos(0.4), 2 - 3 * Math.sin(0.4) - 2 * Math.cos(0.4), 0, 0];

// ── shape sets ──────────────────────────────────────────────────────────────────────────────
const UNARY_SHAPES: number[][] = [[], [1], [0], [1, 1], [2, 1, 3], [3, 0, 2], [1, 1, 1, 1]];
const BINARY_SHAPES: number[][][] = [[[], []], [[2, 1, 3], [1, 3]], [[1], [2, 2]], [[0, 2], [1, 2]], [[1, 1], [1, 1]], [[2, 3], [2, 3]], [[], [2, 1]]];
const REDUCE_CASES: [number[], number | number[] | undefined][] = [
  [[2, 1, 3], 1], [[2, 1, 3], [0, 2]], [[1], 0], [[0, 3], 0], [[3, 0], 1], [[], undefined], [[2, 1, 3], undefined],
];

const unary: Builder = (op) => UNARY_SHAPES.map((s) => ({ op, label: `[${s}]`, shapes: [s], call: (x) => fn(op)(x), differentiable: true }));
const binary: Builder = (op) => BINARY_SHAPES.map(([a, b]) => ({ op, label: `[${a}] with [${b}]`, shapes: [a!, b!], call: (x, y) => fn(op)(x, y), differentiable: true }));
const reduce: Builder = (op) =>
  REDUCE_CASES.map(([s, axis]) => ({ op, label: `[${s}] over ${JSON.stringify(axis)}`, shapes: [s], call: (x) => fn(op)(x, axis), differentiable: true }));
const toIntOutput = (b: Builder): Builder => (op) => b(op).map((c) => ({ ...c, differentiable: false }));

/** 4-D [N, H, W, C] pooling/conv geometries: 1×1 images, windows as large as the input, strides larger than the window. */
const WINDOWS: { label: string; x: number[]; k: [number, number]; s: [number, number]; pad: 'valid' | 'same' }[] = [
  { label: '1×1 image, 1×1 window', x: [1, 1, 1, 1], k: [1, 1], s: [1, 1], pad: 'valid' },
  { label: '1×1 image, 3×3 window, same', x: [2, 1, 1, 2], k: [3, 3], s: [1, 1], pad: 'same' },
  { label: 'window as large as the input', x: [1, 3, 4, 2], k: [3, 4], s: [1, 1], pad: 'valid' },
  { label: 'stride 3 over a 2×2 window', x: [1, 7, 5, 1], k: [2, 2], s: [3, 3], pad: 'valid' },
  { label: 'stride larger than the window, same', x: [2, 5, 5, 1], k: [2, 2], s: [3, 3], pad: 'same' },
  { label: 'batch 1, 1-row image', x: [1, 1, 6, 2], k: [1, 2], s: [1, 2], pad: 'valid' },
];

const pool: Builder = (op) =>
  WINDOWS.map((g) => ({ op, label: g.label, shapes: [g.x], call: (x) => fn(op)(x, g.k, g.s, g.pad), differentiable: true }));

const conv: Builder = (op) =>
  WINDOWS.map((g) => ({ op, label: g.label, shapes: [g.x, [...g.k, g.x[3]!, 2]], call: (x, w) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, g.s, g.pad), differentiable: true }));

/** Ops whose arguments are more than tensors of one shape, by op name. */
const SPECIAL: Record<string, Builder> = {
  argMax: toIntOutput(() => [[2, 1, 3], [1], [1, 1]].map((s) => ({ op: 'argMax', label: `[${s}]`, shapes: [s], call: (x) => tf.argMax(x, -1), differentiable: false }))),
  argMin: toIntOutput(() => [[2, 1, 3], [1], [1, 1]].map((s) => ({ op: 'argMin', label: `[${s}]`, shapes: [s], call: (x) => tf.argMin(x, -1), differentiable: false }))),
  addN: (op) => [[[1]], [[2, 1], [2, 1], [2, 1]], [[], []], [[0, 2], [0, 2]]].map((shapes) => ({ op, label: shapes.map((s) => `[${s}]`).join(' + '), shapes, call: (...xs) => tf.addN(xs), differentiable: true })),
  cast: (op) => UNARY_SHAPES.map((s) => ({ op, label: `[${s}] to float32`, shapes: [s], call: (x) => tf.cast(x, 'float32'), differentiable: true })),
  clipByValue: (op) => UNARY_SHAPES.map((s) => ({ op, label: `[${s}] to [−0.5, 0.5]`, shapes: [s], call: (x) => tf.clipByValue(x, -0.5, 0.5), differentiable: true })),
  concat: (op) => [[[1], [1], 0], [[2, 1], [2, 0], 1], [[0, 3], [2, 3], 0], [[1, 1, 1], [1, 1, 1], 2]].map(([a, b, axis]) => ({ op, label: `[${a}] and [${b}] on axis ${axis}`, shapes: [a as number[], b as number[]], call: (x, y) => tf.concat([x, y], axis as number), differentiable: true })),
  cumsum: (op) => [[[1], 0], [[2, 1], 1], [[3, 2], 0], [[0, 2], 0]].map(([s, axis]) => ({ op, label: `[${s}] along ${axis}`, shapes: [s as number[]], call: (x) => tf.cumsum(x, axis as number), differentiable: true })),
  expandDims: (op) => [[[], 0], [[1], 1], [[0, 2], 0]].map(([s, axis]) => ({ op, label: `[${s}] at ${axis}`, shapes: [s as number[]], call: (x) => tf.expandDims(x, axis as number), differentiable: true })),
  leakyRelu: unary,
  maxPool: pool,
  avgPool: pool,
  mirrorPad: (op) => [[[1, 3], 'reflect', [[0, 0], [1, 1]]], [[2, 1], 'symmetric', [[1, 1], [1, 0]]], [[1, 1], 'symmetric', [[1, 1], [0, 1]]]].map(([s, mode, p]) => ({ op, label: `[${s}] ${mode}`, shapes: [s as number[]], call: (x) => tf.mirrorPad(x, p as [number, number][], mode as 'reflect'), differentiable: true })),
  oneHot: toIntOutput(() => [[[0], 1], [[1, 0, 2], 3], [[], 2]].map(([ids, depth]) => ({ op: 'oneHot', label: `ids [${ids}] depth ${depth}`, shapes: [], call: () => tf.oneHot(int(ids as number[]), depth as number), differentiable: false }))),
  prelu: (op) => [[[2, 3], [3]], [[1], [1]], [[2, 1, 3], [1, 3]]].map(([a, b]) => ({ op, label: `[${a}], alpha [${b}]`, shapes: [a!, b!], call: (x, alpha) => tf.prelu(x, alpha as tf.Tensor1D), differentiable: true })),
  reshape: (op) => [[[2, 3], [3, 2]], [[1], []], [[0, 2], [2, 0]], [[1, 1, 1], [1]]].map(([s, to]) => ({ op, label: `[${s}] to [${to}]`, shapes: [s!], call: (x) => tf.reshape(x, to!), differentiable: true })),
  reverse: (op) => [[[3], 0], [[2, 1, 3], [1, 2]], [[1], 0], [[0, 2], 1]].map(([s, axis]) => ({ op, label: `[${s}] on ${JSON.stringify(axis)}`, shapes: [s as number[]], call: (x) => tf.reverse(x, axis as number[]), differentiable: true })),
  slice: (op) => [[[3, 4], [1, 1], [1, 2]], [[1, 1], [0, 0], [1, 1]], [[2, 3], [0, 3], [2, 0]], [[2, 1, 3], [1, 0, 2], [1, 1, 1]]].map(([s, begin, size]) => ({ op, label: `[${s}] from [${begin}] size [${size}]`, shapes: [s!], call: (x) => tf.slice(x, begin!, size!), differentiable: true })),
  tile: (op) => [[[1], [3]], [[2, 1], [1, 2]], [[1, 1], [1, 1]], [[0, 2], [2, 1]]].map(([s, reps]) => ({ op, label: `[${s}] × [${reps}]`, shapes: [s!], call: (x) => tf.tile(x, reps!), differentiable: true })),
  transpose: (op) => [[[2, 1, 3], [2, 0, 1]], [[1, 1], [1, 0]], [[0, 2], [1, 0]], [[], []]].map(([s, perm]) => ({ op, label: `[${s}] by [${perm}]`, shapes: [s!], call: (x) => tf.transpose(x, perm!.length ? perm : undefined), differentiable: true })),
  spaceToBatchND: (op) => [{ op, label: '[1, 2, 2, 1] blocks [2, 2]', shapes: [[1, 2, 2, 1]], call: (x) => tf.spaceToBatchND(x, [2, 2], [[0, 0], [0, 0]]), differentiable: true }],
  batchToSpaceND: (op) => [{ op, label: '[4, 1, 1, 1] blocks [2, 2]', shapes: [[4, 1, 1, 1]], call: (x) => tf.batchToSpaceND(x, [2, 2], [[0, 0], [0, 0]]), differentiable: true }],
  step: unary,
  unsortedSegmentSum: (op) => [[[2, 3], [0, 0], 1], [[3], [2, 0, 2], 3], [[0, 2], [], 2]].map(([s, ids, n]) => ({ op, label: `[${s}] ids [${ids}] into ${n}`, shapes: [s as number[]], call: (x) => tf.unsortedSegmentSum(x, int(ids as number[]) as tf.Tensor1D, n as number), differentiable: true })),
  // The kernels without an op of their own name.
  matMul: (op) => [[[1, 1], [1, 1], false, false], [[1, 3], [1, 2], true, false], [[3, 1], [4, 1], false, true], [[1, 2, 3], [1, 4, 3], false, true], [[2, 0], [0, 3], false, false]].map(([a, b, ta, tb]) => ({ op, label: `[${a}]${ta ? 'ᵀ' : ''} · [${b}]${tb ? 'ᵀ' : ''}`, shapes: [a as number[], b as number[]], call: (x, y) => tf.matMul(x, y!, ta as boolean, tb as boolean), differentiable: true })),
  conv2d: conv,
  conv2dTranspose: (op) => [{ op, label: '1×1 → 3×3, stride 2', shapes: [[1, 1, 1, 2], [3, 3, 1, 2]], call: (x, w) => tf.conv2dTranspose(x as tf.Tensor4D, w as tf.Tensor4D, [1, 3, 3, 1], 2, 'same'), differentiable: true }],
  depthwiseConv2d: (op) => WINDOWS.slice(0, 4).map((g) => ({ op, label: g.label, shapes: [g.x, [...g.k, g.x[3]!, 1]], call: (x, w) => tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, g.s, g.pad), differentiable: true })),
  gather: (op) => [[[2, 1, 3], [0], 1], [[1], [0, 0, 0], 0], [[3, 2], [], 0], [[2, 3, 5], [4, 0, 4], 2], [[1, 1], [0, 0], 1]].map(([s, ids, axis]) => ({ op, label: `[${s}] at [${ids}] on axis ${axis}`, shapes: [s as number[]], call: (x) => tf.gather(x, int(ids as number[]), axis as number), differentiable: true })),
  clone: unary,
  isNaN: toIntOutput(unary),
  mul: binary,
  div: binary,
  stack: (op) => [[[[1], [1]], 0], [[[2, 1], [2, 1]], 2], [[[], []], 0], [[[0, 2], [0, 2]], 1]].map(([shapes, axis]) => ({ op, label: `${(shapes as number[][]).map((s) => `[${s}]`).join(', ')} on ${axis}`, shapes: shapes as number[][], call: (...xs) => tf.stack(xs, axis as number), differentiable: true })),
  unstack: (op) => [[[2, 1], 0], [[1, 3], 0], [[2, 1, 2], 2]].map(([s, axis]) => ({ op, label: `[${s}] on ${axis}, summed`, shapes: [s as number[]], call: (x) => tf.addN(tf.unstack(x, axis as number)), differentiable: true })),
  pad: (op) => [[[1], [[1, 2]]], [[1, 1], [[0, 0], [2, 0]]], [[0, 2], [[1, 0], [0, 1]]], [[], []]].map(([s, p]) => ({ op, label: `[${s}] by ${JSON.stringify(p)}`, shapes: [s as number[]], call: (x) => tf.pad(x, p as [number, number][]), differentiable: true })),
  split: (op) => [[[4], [1, 3], 0], [[2, 3], [1, 1, 1], 1], [[1, 2], [1, 0, 1], 1]].map(([s, sizes, axis]) => ({ op, label: `[${s}] into [${sizes}], concatenated reversed`, shapes: [s as number[]], call: (x) => tf.concat(tf.split(x, sizes as number[], axis as number).reverse(), axis as number), differentiable: true })),
  where: (op) => [[[3]], [[2, 1]], [[]]].map(([s]) => ({ op, label: `[${s}] on x ≥ 0`, shapes: [s!, s!], call: (x, y) => tf.where(tf.greaterEqual(x, 0), x, y!), differentiable: true })),
  batchNorm: (op) => [[[2, 3], [3]], [[1, 1, 1, 2], [2]]].map(([s, c]) => ({ op, label: `[${s}], per channel [${c}]`, shapes: [s!, c!, c!, c!, c!], call: (x, m, v, o, sc) => tf.batchNorm(x, m!, tf.add(tf.abs(v!), 0.5), o, sc, 1e-3), differentiable: true })),
  localResponseNormalization: (op) => [{ op, label: '[1, 2, 2, 3] radius 1', shapes: [[1, 2, 2, 3]], call: (x) => tf.localResponseNormalization(x as tf.Tensor4D, 1), differentiable: true }],
  resizeBilinear: (op) => [[[1, 1, 1, 2], [3, 3]], [[1, 2, 3, 1], [4, 1]]].map(([s, size]) => ({ op, label: `[${s}] to ${size}`, shapes: [s!], call: (x) => tf.image.resizeBilinear(x as tf.Tensor4D, size as [number, number]), differentiable: true })),
  resizeNearestNeighbor: (op) => [[[1, 1, 1, 2], [3, 3]], [[1, 2, 3, 1], [4, 1]]].map(([s, size]) => ({ op, label: `[${s}] to ${size}`, shapes: [s!], call: (x) => tf.image.resizeNearestNeighbor(x as tf.Tensor4D, size as [number, number]), differentiable: true })),
  // No gradient, but the augmentation README names it for rotations: a batch, shared and per-image transforms.
  transform: (op) => ['constant', 'wrap', 'reflect'].flatMap((fill) => [
    { op, label: `[3,5,7,2] one rotation, bilinear, ${fill}`, shapes: [[3, 5, 7, 2]], call: (x) => tf.image.transform(x as tf.Tensor4D, tf.tensor2d([ROTATION]), 'bilinear', fill as 'constant'), differentiable: false },
    { op, label: `[2,4,4,1] a transform per image, nearest, ${fill}`, shapes: [[2, 4, 4, 1]], call: (x) => tf.image.transform(x as tf.Tensor4D, tf.tensor2d([ROTATION, [1, 0, 0.3, 0, 1, -1.2, 0, 0]]), 'nearest', fill as 'constant'), differentiable: false },
  ]),
  // Composite ops (no kernel of their own): the READMEs' traps and the ones students reach for.
  logSigmoid: unary,
  logSoftmax: (op) => [[2, 3], [1, 1], [1, 4]].map((s) => ({ op, label: `[${s}]`, shapes: [s], call: (x) => tf.logSoftmax(x), differentiable: true })),
  softmax: (op) => [[2, 3], [1, 1], [1, 4], [3]].map((s) => ({ op, label: `[${s}]`, shapes: [s], call: (x) => tf.softmax(x), differentiable: true })),
  logSumExp: reduce,
  euclideanNorm: reduce,
  norm: (op) => [[[3], 'euclidean'], [[2, 2], 1], [[1], 'euclidean']].map(([s, ord]) => ({ op, label: `[${s}] ord ${ord}`, shapes: [s as number[]], call: (x) => tf.norm(x, ord as 'euclidean'), differentiable: true })),
  squaredDifference: (op) => [[[2, 3], [2, 3]], [[1], [1]], [[], []]].map(([a, b]) => ({ op, label: `[${a}] with [${b}] (same shapes: see the traps for broadcasting)`, shapes: [a!, b!], call: (x, y) => tf.squaredDifference(x, y!), differentiable: true })),
};

/** Kernels that dispatch under another op's name (kernel → op). */
const KERNEL_ALIASES: Record<string, string> = {
  BatchMatMul: 'matMul', Conv2D: 'conv2d', Conv2DBackpropInput: 'conv2dTranspose', DepthwiseConv2dNative: 'depthwiseConv2d',
  GatherV2: 'gather', Identity: 'clone', IsNan: 'isNaN', Multiply: 'mul', RealDiv: 'div', Pack: 'stack', Unpack: 'unstack',
  PadV2: 'pad', SplitV: 'split', Select: 'where', FusedBatchNorm: 'batchNorm', LRN: 'localResponseNormalization',
  ResizeBilinear: 'resizeBilinear', ResizeNearestNeighbor: 'resizeNearestNeighbor', Transform: 'transform',
};

/** Kernels with a gradient that the sweep leaves out, and why (checked: the list must stay exact). */
export const NOT_SWEPT: Record<string, string> = {
  ComplexAbs: 'complex numbers: no exercise uses them',
  Conv3D: '3-D convolutions: no exercise uses them',
  AvgPool3D: '3-D pooling: no exercise uses it',
  MaxPool3D: '3-D pooling: no exercise uses it',
  Dilation2D: 'morphological dilation: no exercise uses it',
};

/** Ops the sweep tries as unary, then binary, then reduction, when SPECIAL has no builder. */
const REDUCTIONS = new Set(['sum', 'mean', 'max', 'min', 'prod']);

export interface Catalog {
  cases: OpCase[];
  /** Kernel → op, for every kernel with a gradient that the sweep reaches. */
  covered: Record<string, string>;
  /** Kernels with a gradient but no op the sweep could call (must equal NOT_SWEPT's keys). */
  uncovered: string[];
}

/** Every registered-gradient kernel (on cpu) mapped to an op and its edge cases; then the composites. */
export function buildCatalog(): Catalog {
  const kernels = [...new Set((Object.values(tf) as unknown[]).filter((v): v is string => typeof v === 'string'))]
    .filter((k) => tf.getKernel(k, 'cpu') != null && tf.getGradient(k) != null)
    .sort();
  const covered: Record<string, string> = {};
  const uncovered: string[] = [];
  const ops = new Set<string>();
  for (const k of kernels) {
    const op = KERNEL_ALIASES[k] ?? k[0]!.toLowerCase() + k.slice(1);
    const reachable = SPECIAL[op] != null || typeof T[op] === 'function';
    if (!reachable || NOT_SWEPT[k]) {
      uncovered.push(k);
      continue;
    }
    covered[k] = op;
    ops.add(op);
  }
  for (const op of Object.keys(SPECIAL)) ops.add(op);
  const cases: OpCase[] = [];
  for (const op of [...ops].sort()) {
    const build = SPECIAL[op] ?? (REDUCTIONS.has(op) ? reduce : arity(op) === 2 ? binary : unary);
    cases.push(...build(op));
  }
  return { cases, covered, uncovered };
}

/**
 * 1 or 2 tensor arguments, asked of tfjs itself (ops are wrapped, so their declared length
 * says nothing): called with one tensor, a binary op complains about its second argument.
 */
function arity(op: string): number {
  try {
    tf.tidy(() => {
      fn(op)(tf.ones([2]));
    });
    return 1;
  } catch (e) {
    const missing = /Argument '(\w+)' passed to/.exec((e as Error).message)?.[1];
    return missing !== undefined && missing !== 'x' ? 2 : 1;
  }
}
