import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../select.ts';
import { onBothBackends, size, values } from './kernel-test-support.ts';
import { LEAKY_RELU_GRAD } from './leaky-relu-grad.ts';

// The fused leaky-ReLU gradient must give cpu's values bit for bit (NaN where cpu has NaN); ReLU's,
// left to tfjs's ops, is checked beside it.
async function identical(f: () => tf.Tensor, what: string): Promise<void> {
  const { cpu, wasm } = await onBothBackends(f);
  expect(Array.from(wasm).map(String), what).toEqual(Array.from(cpu).map(String));
}

const specials = [NaN, -1, 0, -0, 2, Infinity, -Infinity, 1e-30, -1e-30, 3.5];
const dys = [1, Infinity, -3, NaN, 5, 2, Infinity, -Infinity, 0, -0];

describe('the leaky-ReLU gradient in one wasm kernel (and ReLU\'s, through tfjs\'s ops)', () => {
  it('ReLU: special values of x and dy (NaN, ±0, ±∞) give cpu\'s gradient exactly', async () => {
    await identical(() => tf.grad((v) => tf.sum(tf.mul(tf.relu(v), tf.tensor1d(dys))))(tf.tensor1d(specials)), 'relu specials');
  });

  it.each([0.2, 0.3, 0.01, 0, 1.5])('leaky ReLU, α = %s: special values give cpu\'s gradient exactly', async (alpha) => {
    await identical(() => tf.grad((v) => tf.sum(tf.mul(tf.leakyRelu(v, alpha), tf.tensor1d(dys))))(tf.tensor1d(specials)), `leaky ${alpha}`);
  });

  it('a conv activation ([2, 9, 9, 5]) and a layers model with both activations match cpu exactly', async () => {
    const shape = [2, 9, 9, 5];
    await identical(() => tf.grad((v) => tf.sum(tf.mul(tf.relu(v), tf.tensor(values(size(shape), 2), shape))))(tf.tensor(values(size(shape), 1), shape)), 'relu 4-D');
    const model = () => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 6, inputShape: [4], activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }), tf.layers.leakyReLU({ alpha: 0.3 }), tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) })] });
      const x = tf.tensor2d(values(3 * 4, 3), [3, 4]);
      const { grads } = tf.variableGrads(() => tf.sum(tf.square(m.apply(x) as tf.Tensor)) as tf.Scalar, m.trainableWeights.map((w) => w.read() as tf.Variable));
      const out = tf.concat(Object.values(grads).map((g) => g.reshape([-1])));
      m.dispose();
      return out;
    };
    const { cpu, wasm } = await onBothBackends(model);
    for (let i = 0; i < cpu.length; i++) expect(Math.abs(wasm[i]! - cpu[i]!)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(cpu[i]!)));
  });

  it('runs as one kernel on wasm (no Greater or Select), and tfjs\'s ops elsewhere', async () => {
    const f = () => {
      const x = tf.tensor1d([-1, 2, 3]);
      return tf.grad((v) => tf.sum(tf.leakyRelu(v, 0.2)))(x);
    };
    await selectBackend('wasm');
    const onWasm = (await tf.profile(f)).kernelNames;
    expect(onWasm).toContain(LEAKY_RELU_GRAD);
    expect(onWasm).not.toContain('Select');
    await selectBackend('cpu');
    const onCpu = (await tf.profile(f)).kernelNames;
    expect(onCpu).toContain('Select');
    expect(onCpu).not.toContain(LEAKY_RELU_GRAD);
  });

  it('a gradient of a gradient goes through tfjs\'s own ops, so it fails on wasm exactly as on cpu', async () => {
    // tfjs 4.22 has no gradient for Greater, which its leaky-ReLU gradient uses: the second
    // derivative is refused on every backend. The override must not turn that into another error
    // (or a silent value) on wasm.
    const f = () => {
      const x = tf.tensor1d([-2, -0.5, 0.5, 3]);
      const inner = (v: tf.Tensor) => tf.grad((u) => tf.sum(tf.mul(tf.leakyRelu(u, 0.2), tf.square(u))))(v);
      return tf.grad((v) => tf.sum(inner(v)))(x);
    };
    for (const backend of ['cpu', 'wasm'] as const) {
      await selectBackend(backend);
      expect(() => tf.tidy(f), backend).toThrow('gradient function not found for Greater');
    }
  });

  it('leaks no tensor or buffer', async () => {
    await selectBackend('wasm');
    const before = { tensors: tf.memory().numTensors, ids: tf.backend().numDataIds() };
    tf.tidy(() => tf.grad((v) => tf.sum(tf.leakyRelu(tf.relu(v), 0.1)))(tf.tensor2d([[1, -2], [0, 4]]))).dispose();
    expect(tf.memory().numTensors).toBe(before.tensors);
    expect(tf.backend().numDataIds()).toBe(before.ids);
  });
});
