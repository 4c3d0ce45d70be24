import fs from 'node:fs';
import { repoPath } from '../../../paths.ts';

/**
 * The judges' digit classifier's weights file, `datasets/digit-classifier/weights.json`: the
 * classifier's six weight tensors (scripts/digit-classifier-model.ts), in tfjs-layers order and layout,
 * each as base64 of little-endian float32, with the training run that made them.
 */
export const DIGIT_CLASSIFIER_FILE = repoPath('datasets', 'digit-classifier', 'weights.json');
export const DIGIT_CLASSIFIER_FORMAT = 'digit-classifier-v1';

/** The six tensors by name and shape, in the order `model.getWeights()` returns them. */
export const DIGIT_CLASSIFIER_SHAPES: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['conv1/kernel', [3, 3, 1, 16]], // [kh, kw, in, out]
  ['conv1/bias', [16]],
  ['conv2/kernel', [3, 3, 16, 32]],
  ['conv2/bias', [32]],
  ['dense/kernel', [800, 10]], // [5·5·32 flattened in HWC order, 10]
  ['dense/bias', [10]],
];

export interface DigitClassifierWeights {
  conv1Kernel: Float32Array;
  conv1Bias: Float32Array;
  conv2Kernel: Float32Array;
  conv2Bias: Float32Array;
  denseKernel: Float32Array;
  denseBias: Float32Array;
}

export interface DigitClassifierFile {
  format: string;
  /** How the weights were made (script, seed, schedule) and what they scored. */
  training: Record<string, unknown>;
  tensors: { name: string; shape: number[]; base64: string }[];
}

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

function toBase64(a: Float32Array): string {
  const le = Buffer.alloc(a.length * 4);
  a.forEach((v, i) => le.writeFloatLE(v, i * 4));
  return le.toString('base64');
}

function fromBase64(s: string, n: number, name: string): Float32Array {
  const b = Buffer.from(s, 'base64');
  if (b.length !== n * 4) throw new Error(`digit classifier: ${name} holds ${b.length} bytes, expected ${n * 4}`);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = b.readFloatLE(i * 4);
  return out;
}

/** The file's JSON for weight arrays in getWeights() order. */
export function encodeDigitClassifier(arrays: Float32Array[], training: Record<string, unknown>): DigitClassifierFile {
  if (arrays.length !== DIGIT_CLASSIFIER_SHAPES.length) throw new Error(`digit classifier: expected ${DIGIT_CLASSIFIER_SHAPES.length} weight tensors, got ${arrays.length}`);
  return {
    format: DIGIT_CLASSIFIER_FORMAT,
    training,
    tensors: DIGIT_CLASSIFIER_SHAPES.map(([name, shape], i) => {
      if (arrays[i]!.length !== size(shape)) throw new Error(`digit classifier: ${name} has ${arrays[i]!.length} values, expected ${size(shape)}`);
      return { name, shape: [...shape], base64: toBase64(arrays[i]!) };
    }),
  };
}

/** Reads and checks the weights (format, names, shapes, sizes); the six arrays in getWeights() order. */
export function decodeDigitClassifier(file: DigitClassifierFile): Float32Array[] {
  if (file.format !== DIGIT_CLASSIFIER_FORMAT) throw new Error(`digit classifier: format ${String(file.format)}, expected ${DIGIT_CLASSIFIER_FORMAT}`);
  return DIGIT_CLASSIFIER_SHAPES.map(([name, shape], i) => {
    const t = file.tensors[i];
    if (!t || t.name !== name || t.shape.join(',') !== shape.join(',')) throw new Error(`digit classifier: tensor ${i} should be ${name} [${shape.join(', ')}]`);
    return fromBase64(t.base64, size(shape), name);
  });
}

let cached: DigitClassifierWeights | undefined;

/** The committed weights, read once per process. */
export function digitClassifierWeights(): DigitClassifierWeights {
  if (!cached) {
    if (!fs.existsSync(DIGIT_CLASSIFIER_FILE)) throw new Error(`digit classifier: ${DIGIT_CLASSIFIER_FILE} is missing (make it with npm run train:digit-classifier)`);
    const [conv1Kernel, conv1Bias, conv2Kernel, conv2Bias, denseKernel, denseBias] = decodeDigitClassifier(JSON.parse(fs.readFileSync(DIGIT_CLASSIFIER_FILE, 'utf8')) as DigitClassifierFile);
    cached = { conv1Kernel: conv1Kernel!, conv1Bias: conv1Bias!, conv2Kernel: conv2Kernel!, conv2Bias: conv2Bias!, denseKernel: denseKernel!, denseBias: denseBias! };
  }
  return cached;
}
