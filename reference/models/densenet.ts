import * as tf from '@tensorflow/tfjs';
import { checkInteger, checkRank } from '../check.ts';
import { layerSeed } from './mlp.ts';

/** The weights of one convolution: w [k, k, Cin, Cout], b [Cout]. */
export interface ConvParams {
  w: tf.Tensor4D;
  b: tf.Tensor1D;
}

const shapeText = (s: readonly number[]) => `[${s.join(',')}]`;

function checkConv(who: string, name: string, p: ConvParams, channels: number, kernel?: number): void {
  if (p === null || typeof p !== 'object') throw new Error(`${who}: ${name} must be an object {w, b}, but got ${p === null ? 'null' : typeof p}`);
  checkRank(who, `${name}.w`, p.w, 4);
  checkRank(who, `${name}.b`, p.b, 1);
  const w = p.w.shape;
  if (w[2] !== channels) throw new Error(`${who}: ${name}.w must take the ${channels} channels of its input ([k, k, ${channels}, F]), but got ${name}.w of shape ${shapeText(w)}`);
  if (kernel !== undefined && (w[0] !== kernel || w[1] !== kernel)) throw new Error(`${who}: ${name}.w must be a ${kernel}×${kernel} kernel, but got ${name}.w of shape ${shapeText(w)}`);
  if (p.b.shape[0] !== w[3]) throw new Error(`${who}: ${name}.b must have one entry per filter of ${name}.w (${w[3]}), but got ${p.b.shape[0]}`);
}

/**
 * A dense block (notes 1.4.3): x₀ = x, xᵢ = concat(xᵢ₋₁, relu(convᵢ(xᵢ₋₁))) along the channels,
 * each convolution stride 1 with 'same' padding; returns the last xᵢ. With C channels in and
 * growth rates g₁…g_L (the filters of each layer), the output has C + Σ gᵢ channels, the
 * input's first, then each layer's new maps in order.
 *
 * @param x      [N, H, W, C]
 * @param layers layer i: w [k, k, C + g₁ + … + gᵢ₋₁, gᵢ], b [gᵢ]
 * @returns      [N, H, W, C + Σ gᵢ]
 */
export function denseBlock(x: tf.Tensor4D, layers: ConvParams[]): tf.Tensor4D {
  checkRank('denseBlock', 'x', x, 4);
  if (!Array.isArray(layers)) throw new Error(`denseBlock: layers must be an array of {w, b}, but got ${typeof layers}`);
  let channels = x.shape[3];
  layers.forEach((p, i) => {
    checkConv('denseBlock', `layers[${i}]`, p, channels);
    channels += p.w.shape[3];
  });
  return tf.tidy(() => {
    let h: tf.Tensor4D = x.clone(); // a new tensor even for an empty block
    for (const { w, b } of layers) {
      const y = tf.relu(tf.add(tf.conv2d(h, w, 1, 'same'), b)) as tf.Tensor4D; // [N, H, W, gᵢ]
      h = tf.concat([h, y], 3);
    }
    return h;
  });
}

/**
 * A transition layer (notes 1.4.3): a 1×1 convolution (fewer feature maps), then 2×2 average
 * pooling with stride 2 ('valid': an odd last row or column is dropped). No activation.
 *
 * @param x [N, H, W, C]
 * @param p w [1, 1, C, F], b [F]
 * @returns [N, ⌊H/2⌋, ⌊W/2⌋, F]
 */
export function transition(x: tf.Tensor4D, p: ConvParams): tf.Tensor4D {
  checkRank('transition', 'x', x, 4);
  checkConv('transition', 'p', p, x.shape[3], 1);
  return tf.tidy(() => tf.avgPool(tf.add(tf.conv2d(x, p.w, 1, 'valid'), p.b) as tf.Tensor4D, 2, 2, 'valid'));
}

/** The layers version of denseBlock on a symbolic tensor. */
function denseLayers(x: tf.SymbolicTensor, growth: number, depth: number, seed: number, first: number, name: string): tf.SymbolicTensor {
  for (let i = 0; i < depth; i++) {
    const y = tf.layers.conv2d({
      filters: growth, kernelSize: 3, padding: 'same', activation: 'relu', name: `${name}_conv${i + 1}`,
      kernelInitializer: tf.initializers.heNormal({ seed: layerSeed(seed, first + i) }),
    }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.concatenate({ axis: -1, name: `${name}_concat${i + 1}` }).apply([x, y]) as tf.SymbolicTensor;
  }
  return x;
}

/** The layers version of transition: 1×1 convolution to `filters` maps, 2×2 average pooling. */
function transitionLayers(x: tf.SymbolicTensor, filters: number, seed: number, i: number, name: string): tf.SymbolicTensor {
  const c = tf.layers.conv2d({
    filters, kernelSize: 1, name: `${name}_conv`,
    kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed(seed, i) }),
  }).apply(x) as tf.SymbolicTensor;
  return tf.layers.averagePooling2d({ poolSize: 2, strides: 2, name: `${name}_pool` }).apply(c) as tf.SymbolicTensor;
}

/**
 * The reference DenseNet: a stem, two dense blocks of two layers (growth 12) and a transition.
 *
 *   [N, 28, 28, 1] → conv 3×3×16 'same', ReLU → max-pool 2×2  → [N, 14, 14, 16]
 *                  → dense block (2 layers, growth 12)        → [N, 14, 14, 40]
 *                  → transition (1×1 conv to 24, avg-pool 2×2) → [N, 7, 7, 24]
 *                  → dense block (2 layers, growth 12)        → [N, 7, 7, 48]
 *                  → flatten [N, 2352] → dense 10 → logits [N, 10]
 *
 * He-normal kernels before ReLUs, Glorot-uniform otherwise, zero biases, all seeded from `seed`.
 */
export function buildDenseNet(seed: number): tf.LayersModel {
  checkInteger('buildDenseNet', 'seed', seed);
  const input = tf.input({ shape: [28, 28, 1], name: 'image' });
  let x = tf.layers.conv2d({
    filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', name: 'stem',
    kernelInitializer: tf.initializers.heNormal({ seed: layerSeed(seed, 0) }),
  }).apply(input) as tf.SymbolicTensor;
  x = tf.layers.maxPooling2d({ poolSize: 2, name: 'pool' }).apply(x) as tf.SymbolicTensor;
  x = denseLayers(x, 12, 2, seed, 1, 'block1');
  x = transitionLayers(x, 24, seed, 3, 'transition');
  x = denseLayers(x, 12, 2, seed, 4, 'block2');
  x = tf.layers.flatten({ name: 'flatten' }).apply(x) as tf.SymbolicTensor;
  const logits = tf.layers.dense({
    units: 10, name: 'logits',
    kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed(seed, 6) }),
  }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: logits, name: 'densenet' });
}
