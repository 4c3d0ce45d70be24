import type { JudgeTable } from '../../judges/types.ts';
import { elboAtLeastReference } from '../shared/vae-family/elbo.ts';

export const judges: JudgeTable = {
  /** The grader's MLP VAE trained with the student's functions: test ELBO ≥ reference − margin. */
  testElbo: elboAtLeastReference({
    formulas: 'the grader trained its VAE with your reparameterize and elbo: check the KL\'s sign (the ELBO subtracts it), σ = exp(logVar / 2), and that elbo returns the bound to maximise (the loop minimises −elbo)',
    // Value and gradient checks passed: the formulas are right on the cases, so point at what
    // the cases do not exercise rather than at a sign the student has already got right.
    proven: 'your reparameterize and elbo passed their value and gradient checks, so their formulas are right on the cases; training feeds them other shapes (batches of 100 images × 784 pixels, 16 latent dimensions) and logits that grow as it learns: check that nothing depends on the cases\' shapes or batch size, and that elbo stays finite and keeps its gradient for large logits (softplus identities, no clipping). One run can also land below the bar (the README\'s false-fail rate): look at the learning curve',
  }),
};
