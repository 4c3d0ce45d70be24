import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Rng } from '../basics/rng.ts';
import { isWireTensor, tensor, type Case, type Wire, type WireTensor } from '../basics/wire.ts';
import { accuracyMessage } from '../checks/accuracy.ts';
import { courseFiles } from '../course/files.ts';
import { loadInputs } from '../inputs/load.ts';
import { listExerciseIds, loadManifest } from '../manifest/load.ts';
import type { CheckSpec } from '../manifest/types.ts';
import { behaviourJudges } from './behaviour.ts';
import { oddsNote } from './stats.ts';
import { structureJudges } from './structure.ts';
import type { JudgeInput, JudgeTable } from './types.ts';

/**
 * "State the odds on every random verdict" (issue 14), over every exercise: each judge a manifest
 * names is classified here, and a new one fails this test until it is. The judges of a random
 * verdict are called on synthetic values (nothing is graded) and their message must state:
 * - statistical tests (distribution checks): the test, n, the p-value and α;
 * - bars (a training or sampling result against the reference's or a fixed bar): the observed
 *   value, the bar, and the comparison between them.
 * Invariants are deterministic given the inputs (no odds to state); the reason is given.
 */
const INVARIANT: Record<string, string> = {
  modelStructure: 'reads the model\'s layers, no randomness',
  seedMatters: 'same seed same result, next seed another: exact comparisons',
  labelMatters: 'a changed label changes the outputs: exact comparison',
  sameSeedSameNoise: 'exact comparison of two draws with one seed',
  sameSeedSameMask: 'exact comparison of two draws with one seed',
  identityAtEvaluation: 'exact comparison with the input',
  gradientThroughKept: 'gradient against dy/(1 − rate) on the returned mask, within a tolerance',
  exactWeights: 'known weights, exact estimate within a tolerance',
  couplingJacobian: 'float64 central differences within a tolerance',
  flowJacobian: 'float64 central differences within a tolerance',
  sweepsCount: 'deterministic recall, exact comparisons',
  energyNeverRises: 'deterministic recall, exact energies',
  stepsCount: 'exact comparisons of the filled pixels',
  knownPixelsKept: 'exact comparison of the known pixels',
  recoversPatterns: 'deterministic recall (sign updates) of seeded probes; the message states the count and the bar',
};

const STATISTICAL = new Set(['noiseStatistics', 'keptFraction', 'independentDrops', 'stateCounts', 'errorOverSeeds', 'acceptProbability', 'discreteChains', 'continuousChains', 'jointCounts', 'cdExpectation']);
const BAR = new Set(['ringCoverage', 'mnistDigits', 'testElbo', 'klFallsWithBeta', 'samplesClassified', 'maskedError', 'moonsNll', 'trainedLikelihood']);

const rng = new Rng('odds-test');
const normals = (n: number, sd = 1): Float32Array => Float32Array.from(rng.normals(n), (x) => x * sd);
const asTensor = (v: Wire | undefined): WireTensor => {
  if (!isWireTensor(v)) throw new Error('expected a tensor argument');
  return v;
};
const like = (v: Wire | undefined, f: (x: number, i: number) => number): WireTensor => {
  const t = asTensor(v);
  return tensor(t.$tensor.shape, Float32Array.from(t.$tensor.data, f));
};

/** Values of the right shapes for each random judge, made from the check's own seeded cases. */
const SYNTHETIC: Record<string, (cases: Case[]) => { values: Wire[]; reference?: Wire[] }> = {
  noiseStatistics: (cases) => ({ values: cases.map((c) => like(c.args[0], (x) => x + 0.3 * rng.normal())) }),
  keptFraction: (cases) => ({ values: cases.map((c) => like(c.args[0], (x) => (rng.uniform() < 0.5 ? 0 : x / (1 - (c.args[1] as number))))) }),
  independentDrops: (cases) => {
    const [units, calls, rate, rows, cols, gridRate] = cases[0]!.args as number[];
    const kept = (n: number, q: number) => Array.from({ length: n }, () => (rng.uniform() < q ? 1 : 0) as number).reduce((a, b) => a + b, 0);
    const counts = (k: number, n: number, q: number) => tensor([k], Float32Array.from({ length: k }, () => kept(n, q)));
    return { values: [{ keptPerCall: counts(calls!, units!, 1 - rate!), keptPerRow: counts(rows!, cols!, 1 - gridRate!), keptPerColumn: counts(cols!, rows!, 1 - gridRate!) }] };
  },
  stateCounts: (cases) => ({ values: cases.map((c) => like(c.args[0], () => (rng.uniform() < 0.5 ? -1 : 1))) }),
  errorOverSeeds: (cases) => ({ values: cases.map(() => ({ estimates: tensor([200], normals(200)) })) }),
  acceptProbability: (cases) => {
    const x0 = asTensor(cases[0]!.args[1]);
    return { values: [{ shape: [1, x0.$tensor.data.length, 1], last: like(x0, (x) => x), acceptRate: 0, recorded: null }] };
  },
  discreteChains: (cases) => ({
    values: cases.map((c) => {
      const chains = asTensor(c.args[2]).$tensor.data.length;
      return { shape: [c.args[3] as number, chains, 1], last: tensor([chains], new Float32Array(chains).map((_, i) => i % 5)), acceptRate: 0.5 };
    }),
  }),
  continuousChains: (cases) => ({
    values: cases.map((c) => {
      const x0 = asTensor(c.args[2]);
      const d = (c.args[1] as unknown as { drift: number[] }).drift.length;
      return { shape: [c.args[3] as number, x0.$tensor.data.length / d, d], last: like(x0, (x) => x + 0.1), acceptRate: 0.5 };
    }),
  }),
  jointCounts: (cases) => {
    const chains = asTensor(cases[0]!.args[0]).$tensor.shape[0]!;
    const [nv, nh] = asTensor(cases[0]!.args[1]).$tensor.shape as [number, number];
    const bits = (n: number) => tensor([chains, n], new Float32Array(chains * n).map(() => (rng.uniform() < 0.5 ? 0 : 1)));
    return { values: [{ v: bits(nv), h: bits(nh) }] };
  },
  cdExpectation: (cases) => ({
    values: cases.map((c) => {
      const [nv, nh] = asTensor(c.args[1]).$tensor.shape as [number, number];
      return { dW: tensor([nv, nh], normals(nv * nh, 0.01)), db: tensor([nv], normals(nv, 0.01)), dc: tensor([nh], normals(nh, 0.01)) };
    }),
  }),
  ringCoverage: () => {
    const points = (sd: number) => ({ samples: tensor([500, 2], Float32Array.from(normals(1000), (x, i) => x * sd + (i % 2 === 0 ? 2 : 0))) });
    return { values: [points(0.3)], reference: [points(0.05)] };
  },
  mnistDigits: () => {
    const images = (shift: number) => ({ samples: tensor([20, 784], new Float32Array(20 * 784).map((_, i) => ((i % 28) + shift > 14 ? 0.2 : 0))) });
    return { values: [images(0)], reference: [images(3)] };
  },
  testElbo: () => {
    const run = (ll: number, kl: number) => ({ logLikelihood: tensor([50], new Float32Array(50).fill(ll)), kl: tensor([50], new Float32Array(50).fill(kl)), steps: 10, loss: tensor([2], [200, 150]) });
    // The cvae's task returns the run itself too; beta-vae's and vae's pick it out of the value.
    return { values: [run(-110, 20)], reference: [run(-100, 25)] };
  },
  klFallsWithBeta: () => {
    const run = (kl: number) => ({ logLikelihood: tensor([50], new Float32Array(50).fill(-100)), kl: tensor([50], new Float32Array(50).fill(kl)) });
    return { values: [{ betas: [0.5, 1, 4], runs: [run(30), run(32), run(10)] }] };
  },
  samplesClassified: () => {
    const sample = () => ({ images: tensor([20, 784], new Float32Array(20 * 784).map((_, i) => ((i % 28) > 14 ? 0.3 : 0))), labels: tensor([20], new Float32Array(20).map((_, i) => i % 10), 'int32') });
    return { values: [sample()], reference: [sample()] };
  },
  maskedError: (cases) => {
    const x = asTensor(cases[0]!.args[1]);
    return { values: [like(x, () => 0.5)], reference: [like(x, () => 0.1)] };
  },
  moonsNll: (cases) => {
    const x = asTensor(cases[0]!.args[1]);
    const n = x.$tensor.shape[0]!;
    const flow = (s: number) => ({ z: tensor([5, n, 2], Float32Array.from(normals(10 * n), (v) => v * s)), ownLogProb: tensor([n], normals(n)), loss: tensor([3], [3, 2, 1]) });
    return { values: [flow(1)], reference: [flow(0.5)] };
  },
  trainedLikelihood: (cases) => {
    const w = asTensor(cases[0]!.args[1]);
    const [nv, nh] = w.$tensor.shape as [number, number];
    const rbm = (s: number) => ({ w: tensor([nv, nh], normals(nv * nh, s)), b: tensor([nv], normals(nv, s)), c: tensor([nh], normals(nh, s)) });
    return { values: [rbm(0.1)], reference: [rbm(1)] };
  },
};

async function judgesOf(id: string): Promise<JudgeTable> {
  const file = courseFiles.judges(id);
  const own = fs.existsSync(file) ? ((await import(pathToFileURL(file).href)) as { judges: JudgeTable }).judges : {};
  return { ...behaviourJudges, ...structureJudges, ...own };
}

const judged = listExerciseIds().flatMap((id) => loadManifest(id).checks.filter((c) => c.judge).map((check) => ({ id, check })));

describe('every random verdict states its odds', () => {
  it('when the manifests name a judge then it is classified here: statistical test, bar, or a deterministic invariant with its reason', () => {
    const unknown = judged.filter(({ check }) => !STATISTICAL.has(check.judge!) && !BAR.has(check.judge!) && !(check.judge! in INVARIANT));
    expect(unknown.map(({ id, check }) => `${id}: ${check.judge}`)).toEqual([]);
    for (const { id, check } of judged) {
      // Every distribution check is a statistical test, and every statistical test is one.
      expect(STATISTICAL.has(check.judge!), `${id}: ${check.name}`).toBe(check.kind === 'distribution');
    }
  });

  it('when oddsNote is written then it names the test, n with its unit, and α', () => {
    expect(oddsNote('χ² test', 20000, 'chains', 2.5e-5)).toBe('(χ² test, n = 20,000 chains, α = 2.5e-5)');
    expect(oddsNote('KS test', 50, '', 1e-4)).toBe('(KS test, n = 50, α = 1.0e-4)');
  });

  it('when an accuracy check is judged then its message states the observed accuracy, the bar, where the bar comes from, and n', () => {
    expect(accuracyMessage(0.9715, 0.98, 0.02, 2000)).toBe('test accuracy 97.2% ≥ threshold 96.0% (reference 98.0% − margin 2.0%) over 2,000 test images');
    expect(accuracyMessage(0.5, 0.98, 0.02, 2000)).toMatch(/^test accuracy 50\.0% < threshold 96\.0%/);
  });

  for (const { id, check } of judged.filter(({ check }) => STATISTICAL.has(check.judge!) || BAR.has(check.judge!))) {
    it(`when ${id}'s "${check.name}" (${check.judge}) is judged on synthetic values then its message states ${STATISTICAL.has(check.judge!) ? 'the test, n, p and α' : 'the observed value and the bar'}`, async () => {
      const judge = (await judgesOf(id))[check.judge!]!;
      const recipe = check.cases ?? check.task ?? '';
      const cases = (await loadInputs(id)).cases[recipe]!(new Rng(`1/${recipe}`));
      const { values, reference } = SYNTHETIC[check.judge!]!(cases);
      const input: JudgeInput = { cases, values, reference, seed: 1, check: check as CheckSpec, alpha: 1e-4, earlier: [] };
      const { message } = judge(input);
      if (STATISTICAL.has(check.judge!)) {
        // Every p-value the message gives is followed by its test, n and α.
        const ps = message.match(/p = [^ ,;)]+/g) ?? [];
        expect(ps.length, message).toBeGreaterThan(0);
        expect(message.match(/p = [^ ,;)]+,? \([^()]*test[^()]*, n = [\d,]+[^()]*, α = \d\.\de-\d+\)/g)?.length, message).toBe(ps.length);
      } else {
        expect(message, message).toMatch(/\d.*(≥|<|≤|>|vs) (threshold|the bar)? ?-?\d|does not fall|falls as β grows/);
        expect(message, message).toMatch(/threshold|need|the bar|β/);
      }
    }, 60_000);
  }
});
