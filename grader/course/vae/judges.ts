import type { JudgeTable } from '../../judges/types.ts';
import { elboAtLeastReference } from '../shared/vae-family/elbo.ts';

export const judges: JudgeTable = {
  /** The grader's MLP VAE trained with the student's functions: test ELBO ≥ reference − margin. */
  testElbo: elboAtLeastReference('the grader trained its VAE with your reparameterize and elbo: check the KL\'s sign (the ELBO subtracts it), σ = exp(logVar / 2), and that elbo returns the bound to maximise (the loop minimises −elbo)'),
};
