import { loadMnist } from '../../datasets/index.ts';
import type { Rng } from '../basics/rng.ts';
import { tensor, type Case, type WireTensor } from '../basics/wire.ts';

/** A tensor of seeded normals. */
export function normalTensor(rng: Rng, shape: number[], std = 1, mean = 0): WireTensor {
  return tensor(shape, rng.normals(shape.reduce((a, b) => a * b, 1), mean, std));
}

export function uniformTensor(rng: Rng, shape: number[], lo: number, hi: number): WireTensor {
  return tensor(shape, rng.uniforms(shape.reduce((a, b) => a * b, 1), lo, hi));
}

/** A random symmetric positive definite [d, d] matrix with eigenvalues in [lo, hi]. */
export function spdMatrix(rng: Rng, d: number, lo: number, hi: number): WireTensor {
  // Q from Gram–Schmidt on a Gaussian matrix, then Q·diag(λ)·Qᵀ.
  const q: number[][] = [];
  while (q.length < d) {
    let v = Array.from({ length: d }, () => rng.normal());
    for (const u of q) {
      const dot = v.reduce((a, x, i) => a + x * u[i]!, 0);
      v = v.map((x, i) => x - dot * u[i]!);
    }
    const norm = Math.hypot(...v);
    if (norm > 1e-6) q.push(v.map((x) => x / norm));
  }
  const lambda = Array.from({ length: d }, (_, i) => lo + ((hi - lo) * i) / Math.max(1, d - 1));
  const a = new Float32Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) a[i * d + j] = q.reduce((s, u, k) => s + lambda[k]! * u[i]! * u[j]!, 0);
  return tensor([d, d], a);
}

/**
 * The MNIST classification case: the training split and the test images as arguments, the
 * test labels held back as the answers (the sandbox never sees them).
 */
export function mnistCase(): Case {
  const { train, test } = loadMnist();
  return {
    label: 'mnist',
    args: [
      {
        trainImages: tensor([train.count, 784], train.images),
        trainLabels: tensor([train.count], train.labels, 'int32'),
        testImages: tensor([test.count, 784], test.images),
      },
    ],
    answers: tensor([test.count], test.labels, 'int32'),
  };
}
