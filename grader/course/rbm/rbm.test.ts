import { describe, expect, it } from 'vitest';
import { check, grade, referenceSubmission, stubSubmission, summary, wrongSubmission } from '../../../test/grading.ts';

const GIBBS = 'block Gibbs samples the exact joint';
const CD = 'CD-k gradient has its exact expectation';
const TRAIN = 'training on bars and stripes: exact log-likelihood';

describe('rbm', () => {
  it('when the reference is submitted then it gets full marks and the training message gives the exact log-likelihood and threshold', async () => {
    const r = await grade('rbm', referenceSubmission('rbm'));
    expect(r.score, summary(r)).toBe(r.maxScore);
    expect(check(r, TRAIN).message).toMatch(/exact log-likelihood -\d\.\d+ nats per pattern ≥ threshold -\d\.\d+ \(reference .* − 0\.6; untrained -6\.\d+; the best possible is log\(1\/14\) = -2\.639\)/);
    expect(check(r, GIBBS).message).toMatch(/χ² = .* over the 128 joint states, p = .*fails this check with probability 5\.0e-5/);
  });

  it('when the stub is submitted then every check says "not implemented yet" and scores zero', async () => {
    const r = await grade('rbm', stubSubmission('rbm'));
    expect(r.score).toBe(0);
    for (const c of r.checks) expect(c.message).toBe('not implemented yet');
  });

  it('when the CD negative phase uses the data then the expectation check and training fail, naming the reconstruction', async () => {
    const r = await grade('rbm', wrongSubmission('rbm', 'negative-phase-uses-data'));
    const c = check(r, CD);
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/z = \d+\.\d, p = .*probability below/);
    expect(c.hint).toMatch(/reconstruction v_k/);
    expect(check(r, TRAIN).passed).toBe(false);
    expect(check(r, GIBBS).passed).toBe(true);
  });

  it('when sampleBernoulli draws ones with probability 1 − p then the joint-distribution check fails with the states it got wrong', async () => {
    const r = await grade('rbm', wrongSubmission('rbm', 'bernoulli-flipped'));
    const c = check(r, GIBBS);
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/\(v = [01]{4}, h = [01]{3}\) seen \d+ times, expected [\d.]+ \((over|under)-represented\)/);
    expect(c.hint).toMatch(/u < p/);
  });

  it('when sampleBernoulli ignores its seed then both seed checks fail, naming the rules', async () => {
    const r = await grade('rbm', wrongSubmission('rbm', 'unseeded-bernoulli'));
    expect(check(r, 'sampleBernoulli: the same seed gives the same draws, another seed others').message, summary(r)).toMatch(/gave different results.*drawn with `seed`/);
    expect(check(r, 'cdGradient: the same seed gives the same gradient, another seed another').passed).toBe(false);
  });

  it('when cdGradient derives its seeds from a constant then its seed check fails: the seed is ignored', async () => {
    const r = await grade('rbm', wrongSubmission('rbm', 'cd-seed-ignored'));
    expect(check(r, 'cdGradient: the same seed gives the same gradient, another seed another').message, summary(r)).toMatch(/changing only the seed left the results exactly the same.*Use a fresh seed for every draw inside `cdGradient`/);
    expect(check(r, 'sampleBernoulli: the same seed gives the same draws, another seed others').passed).toBe(true);
  });
});
