import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

const ID = 'vae';
const TRAINED = 'VAE trained with your ELBO: test ELBO on binarised MNIST';

describe(ID, () => {
  it('when the KL has the wrong sign then the KL and ELBO fail with the sign hint and the trained VAE falls far below the reference', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'kl-sign'));
    for (const name of ['gaussianKl values', 'elbo values', 'gaussianKl gradient w.r.t. mu and logVar', 'elbo gradient w.r.t. the logits, mu and logVar']) {
      expect(check(r, name).passed, summary(r)).toBe(false);
      expect(check(r, name).hint).toMatch(/KL with the wrong sign/);
    }
    expect(check(r, 'reparameterize values').passed).toBe(true);
    expect(check(r, TRAINED).passed).toBe(false);
    expect(check(r, TRAINED).message).toMatch(/< threshold/);
  }, 300_000);

  it('when exp(logVar) is used as the standard deviation then reparameterize fails with the exp(logVar / 2) hint', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'variance-as-std'));
    for (const name of ['reparameterize values', 'reparameterize gradient w.r.t. mu and logVar']) {
      expect(check(r, name).passed, summary(r)).toBe(false);
      expect(check(r, name).hint).toMatch(/exp\(logVar \/ 2\)/);
    }
    expect(check(r, 'gaussianKl values').passed).toBe(true);
  });

  it('when the log-likelihood takes log(sigmoid) then elbo fails on saturating logits with the softplus hint', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'log-of-sigmoid'));
    expect(check(r, 'elbo values').passed, summary(r)).toBe(false);
    expect(check(r, 'elbo values').message).toMatch(/σ saturates.*NaN|NaN.*σ saturates/);
    expect(check(r, 'elbo values').hint).toMatch(/softplus/);
    expect(check(r, 'elbo gradient w.r.t. the logits, mu and logVar').passed).toBe(false);
  });

  it('when β is ignored then elbo fails on β ≠ 1 with the β hint', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'beta-ignored'));
    expect(check(r, 'elbo values').passed, summary(r)).toBe(false);
    expect(check(r, 'elbo values').message).toMatch(/beta 0\.5/);
    expect(check(r, 'elbo values').hint).toMatch(/β ignored/);
  });

  it('when the ELBO is summed over the batch then elbo fails with the mean hint', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'sum-over-batch'));
    expect(check(r, 'elbo values').passed, summary(r)).toBe(false);
    expect(check(r, 'elbo values').hint).toMatch(/summed over the batch/);
    expect(check(r, 'elbo gradient w.r.t. the logits, mu and logVar').hint).toMatch(/summed over the batch/);
  });
});
