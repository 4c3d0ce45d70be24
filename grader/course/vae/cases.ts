import type { Rng } from '../../basics/rng.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import { normalTensor, uniformTensor } from '../../inputs/shared.ts';
import { tensor, type Case, type WireTensor } from '../../basics/wire.ts';
import { vaeMnistCase } from '../shared/vae-family/data.ts';

/** [n, d] of seeded 0/1 pixels, each 1 with probability p. */
function binaryTensor(rng: Rng, n: number, d: number, p = 0.3): WireTensor {
  return tensor([n, d], Array.from(rng.uniforms(n * d), (u) => (u < p ? 1 : 0)));
}

/** Logits ±200 and ±50 make σ round to exactly 0 or 1 in float32: log σ is −Inf there. */
const EXTREME = [200, -200, 50, -50, 0, 20, -20, 1e-3];

function reparameterizeCases(rng: Rng): Case[] {
  return [
    { label: 'mu, logVar, eps [4, 3], std 1', args: [normalTensor(rng.fork('a'), [4, 3]), normalTensor(rng.fork('b'), [4, 3]), normalTensor(rng.fork('c'), [4, 3])] },
    { label: 'mu [32, 8] std 2, logVar in [−6, 3], eps [32, 8]', args: [normalTensor(rng.fork('d'), [32, 8], 2), uniformTensor(rng.fork('e'), [32, 8], -6, 3), normalTensor(rng.fork('f'), [32, 8])] },
    { label: 'one example, one latent: mu 0.5, logVar 2, eps −1.5', args: [tensor([1, 1], [0.5]), tensor([1, 1], [2]), tensor([1, 1], [-1.5])] },
  ];
}

function klCases(rng: Rng): Case[] {
  return [
    { label: 'mu, logVar [4, 3], std 1', args: [normalTensor(rng.fork('a'), [4, 3]), normalTensor(rng.fork('b'), [4, 3])] },
    { label: 'mu [32, 8] std 2, logVar in [−6, 3]', args: [normalTensor(rng.fork('c'), [32, 8], 2), uniformTensor(rng.fork('d'), [32, 8], -6, 3)] },
    { label: 'the prior itself, mu = 0 and logVar = 0 [3, 5] (KL = 0)', args: [tensor([3, 5], new Array(15).fill(0)), tensor([3, 5], new Array(15).fill(0))] },
    { label: 'one example: mu [1, 2] = (1, −2), logVar = (0.5, −1)', args: [tensor([1, 2], [1, -2]), tensor([1, 2], [0.5, -1])] },
  ];
}

function elboCases(rng: Rng): Case[] {
  const out: Case[] = [];
  const shapes: [number, number, number][] = [[4, 20, 3], [16, 784, 8]];
  for (const beta of [1, 0.5, 4]) {
    for (const [n, d, l] of shapes) {
      const r = rng.fork(`${beta}/${n}`);
      out.push({
        label: `beta ${beta}, x [${n}, ${d}] binary, logits std 3, mu and logVar [${n}, ${l}]`,
        args: [binaryTensor(r.fork('x'), n, d), normalTensor(r.fork('logits'), [n, d], 3), normalTensor(r.fork('mu'), [n, l]), uniformTensor(r.fork('lv'), [n, l], -3, 1), beta],
      });
    }
  }
  const n = EXTREME.length;
  const r = rng.fork('extreme');
  out.push({
    label: `beta 1, logits ${EXTREME.join(', ')} in every row (σ saturates), x [${n}, ${n}] binary`,
    args: [binaryTensor(r.fork('x'), n, n, 0.5), tensor([n, n], Array.from({ length: n * n }, (_, i) => EXTREME[(i + Math.floor(i / n)) % n]!)), normalTensor(r.fork('mu'), [n, 2]), normalTensor(r.fork('lv'), [n, 2]), 1],
  });
  out.push({ label: 'beta 0 (reconstruction only), x [3, 10]', args: [binaryTensor(rng.fork('b0x'), 3, 10), normalTensor(rng.fork('b0l'), [3, 10], 2), normalTensor(rng.fork('b0m'), [3, 2]), normalTensor(rng.fork('b0v'), [3, 2]), 0] });
  return out;
}

export const cases: Record<string, CaseRecipe> = {
  /** reparameterize(mu, logVar, eps): random, wide logVar, a single element. */
  reparameterize: reparameterizeCases,
  /** gaussianKl(mu, logVar): random, wide logVar, the prior (0), a hand-checkable example. */
  kl: klCases,
  /** elbo(x, logits, mu, logVar, beta): β ∈ {1, 0.5, 4, 0}, small and MNIST-sized, saturating logits. */
  elbo: elboCases,
  /** The binarised MNIST subsets a VAE is trained and tested on. */
  train: () => [vaeMnistCase()],
};
