/**
 * Where tfjs 4.22 itself differs between the cpu backend and the sandbox's wasm backend (with
 * the project's kernels), as the parity sweep finds it. Each entry says why and what a
 * student meets; the sweep fails on any difference not listed here, and on an entry that no
 * longer differs (so the list stays exact).
 */
export interface KnownDifference {
  op: string;
  /** The case labels it applies to (all of the op's cases when absent). */
  labels?: RegExp;
  why: string;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    op: 'floorDiv',
    why: "the cpu backend's FloorDiv returns int32 for float32 inputs; wasm returns float32, as TensorFlow does. On the default backend the result of tf.floorDiv of floats is float32: cast it with .toInt() before using it as indices (tf.gather, tf.oneHot say 'must be int32', and the grader's hint says so)",
  },
  {
    op: 'resizeBilinear',
    labels: /^\[1,2,3,1\] to 4,1$/,
    why: "the cpu backend's ResizeBilinearGrad returns the wrong shape when the output's aspect differs from the input's ('Error in gradient for op ResizeBilinear' on cpu only); wasm's is right. No exercise resizes under tf.grad",
  },
  {
    op: 'transform',
    labels: /reflect$/,
    why: "tf.image.transform's 'reflect' fill differs between the cpu and wasm kernels at the edges (about 6 of 35 pixels of a rotated 5×7 image); the course's rotation uses the constant fill, where they agree. (cpu's Transform also rotates only the first image of a batch; the grader replaces that kernel, grader/backends/cpu-kernels/)",
  },
];

export function knownDifference(op: string, label: string): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find((d) => d.op === op && (d.labels === undefined || d.labels.test(label)));
}
