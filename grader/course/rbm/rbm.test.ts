import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

const GIBBS = 'block Gibbs samples the exact joint';
const CD = 'CD-k gradient has its exact expectation';
const TRAIN = 'training on bars and stripes: exact log-likelihood';

describe('rbm', () => {
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

  it('when the negative phase uses sampled hidden states then the z tests pass but the single-row comparison fails, naming the probabilities', async () => {
    const r = await grade('rbm', wrongSubmission('rbm', 'hidden-samples-in-negative-phase'));
    const c = check(r, CD);
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/a single row \(B = 1\) .*: dW\[\d\]\[\d\] = .* but v₀\d·p\(h\d\|v₀\) − v_k\d·p\(h\d\|v_k\)/);
    expect(c.hint).toMatch(/hidden probabilities p\(h\|v₀\) and p\(h\|v_k\)/);
    expect(check(r, GIBBS).passed).toBe(true);
  });
});
