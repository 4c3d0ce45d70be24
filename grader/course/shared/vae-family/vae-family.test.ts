import { describe, expect, it } from 'vitest';
import { loadMnist } from '../../../../datasets/index.ts';
import { binarise } from './data.ts';
import { tensor, type Wire } from '../../../basics/wire.ts';
import type { CheckSpec } from '../../../manifest/types.ts';
import { judges as betaVae } from '../../beta-vae/judges.ts';
import { judges as cvae } from '../../cvae/judges.ts';
import { judges as inpainting } from '../../inpainting/judges.ts';
import { judges as vae } from '../../vae/judges.ts';
import { elboScore } from './elbo.ts';

const check = (margin?: number) => ({ name: 'c', kind: 'property', points: 1, margin }) as CheckSpec;
const terms = (ll: number[], kl: number[]): Wire => ({ logLikelihood: tensor([ll.length], ll), kl: tensor([kl.length], kl) });
const input = (values: Wire[], reference?: Wire[], margin?: number, cases: never[] = []) => ({ cases, values, reference, seed: 1, check: check(margin), alpha: 0 });

describe('test ELBO judge (vae, beta-vae, cvae)', () => {
  it('scores mean log-likelihood − mean KL and passes within margin·|reference| of the reference', () => {
    expect(elboScore(terms([-100, -110], [20, 30]), 'x')).toMatchObject({ elbo: -130, logLikelihood: -105, kl: 25, n: 2 });
    const ref = [terms([-100], [28])]; // −128 nats; 3% margin: threshold −131.84
    expect(vae.testElbo!(input([terms([-101], [30])], ref, 0.03)).passed).toBe(true); // −131
    const j = vae.testElbo!(input([terms([-101], [31])], ref, 0.03)); // −132
    expect(j.passed).toBe(false);
    expect(j.message).toMatch(/^test ELBO -132\.0 nats < threshold -131\.8 \(reference -128\.0 − margin 3\.8/);
    expect(j.hint).toMatch(/KL's sign/);
  });

  it('chooses the hint from the checks that ran before it: a proven formula is not blamed', () => {
    const ref = [terms([-100], [28])];
    const low = (earlier: { name: string; kind: CheckSpec['kind']; passed: boolean }[]) => vae.testElbo!({ ...input([terms([-101], [40])], ref, 0.03), earlier }).hint;
    const proven = [{ name: 'elbo values', kind: 'output' as const, passed: true }, { name: 'elbo gradient', kind: 'gradient' as const, passed: true }];
    expect(low(proven)).toMatch(/passed their value and gradient checks/);
    expect(low(proven)).not.toMatch(/KL's sign/);
    const oneFailed = [proven[0]!, { ...proven[1]!, passed: false }];
    expect(low(oneFailed)).toMatch(/fix the checks that failed first \(elbo gradient\)/);
    expect(low([])).toMatch(/KL's sign/);
  });

  it('refuses a NaN ELBO with the diverged message', () => {
    expect(() => vae.testElbo!(input([terms([NaN], [1])], [terms([-100], [28])], 0.03))).toThrow(/NaN or Inf \(the training diverged\)/);
  });
});

describe('klFallsWithBeta', () => {
  const sweep = (kls: number[]): Wire => ({ betas: [0.5, 1, 4], runs: kls.map((k) => terms([-100], [k])) });
  it('passes a strictly falling KL and fails a rise, naming the two β', () => {
    expect(betaVae.klFallsWithBeta!(input([sweep([30, 20, 5])])).passed).toBe(true);
    const j = betaVae.klFallsWithBeta!(input([sweep([30, 31, 5])]));
    expect(j.passed).toBe(false);
    expect(j.message).toMatch(/β = 0\.5 gives 30\.0 nats but β = 1 gives 31\.0/);
  });
});

describe('inpainting judges', () => {
  const n = 4;
  const truth = binarise(loadMnist().test.images.subarray(0, n * 784));
  const mask = new Float32Array(n * 784).map((_, k) => ((k % 784) < 392 ? 1 : 0)); // top half known
  const x = truth.map((v, k) => v * mask[k]!);
  const t = (a: Float32Array) => tensor([n, 784], a);
  const known = [{ label: 'k', args: [t(x), t(mask), 3] }] as never[];
  const fill = [{ label: 'f', args: [{}, t(x), t(mask), 3], answers: t(truth) }] as never[];

  it('knownPixelsKept: passes x itself (−0 for 0 too) and names the first changed known pixel', () => {
    expect(inpainting.knownPixelsKept!(input([t(x)], undefined, undefined, known)).passed).toBe(true);
    expect(inpainting.knownPixelsKept!(input([t(x.map((v, k) => (mask[k] && v === 0 ? -0 : v)))], undefined, undefined, known)).passed).toBe(true);
    const changed = x.slice();
    changed[5] = 0.5;
    const j = inpainting.knownPixelsKept!(input([t(changed)], undefined, undefined, known));
    expect(j.passed).toBe(false);
    expect(j.message).toBe('1 of the known pixels changed; the first at image 0, pixel 5 (row 0, column 5): went in as 0, came back as 0.5');
  });

  it('maskedError: the truth scores 0 and passes; zeros fail against a perfect reference', () => {
    expect(inpainting.maskedError!(input([t(truth)], [t(truth)], 0.25, fill)).message).toMatch(/^mean squared error on the 1568 missing pixels 0\.0000 ≤ threshold/);
    const j = inpainting.maskedError!(input([t(x)], [t(truth.map((v) => 0.9 * v + 0.05))], 0.25, fill));
    expect(j.passed).toBe(false);
    expect(j.hint).toMatch(/σ\(logits\)/);
  });
});

describe('samplesClassified (cvae)', () => {
  it('counts the judges\' classifier agreeing with the label: real test digits under their own labels score ~98%, shifted labels ~10%', () => {
    const { test } = loadMnist();
    const n = 200;
    const images = tensor([n, 784], test.images.subarray(0, n * 784));
    const right: Wire = { images, labels: tensor([n], test.labels.subarray(0, n), 'int32') };
    const wrong: Wire = { images, labels: tensor([n], Array.from(test.labels.subarray(0, n), (y) => (y + 1) % 10), 'int32') };
    const ok = cvae.samplesClassified!(input([right], [right], 0.15));
    expect(ok.passed).toBe(true);
    expect(ok.message).toMatch(/^9\d\.\d% of 200 samples/);
    const bad = cvae.samplesClassified!(input([wrong], [right], 0.15));
    expect(bad.passed).toBe(false);
    expect(bad.hint).toMatch(/decoder must use its label input/);
  });
});
