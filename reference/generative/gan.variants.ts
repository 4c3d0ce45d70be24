import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';

const logD = (x: tf.Tensor) => tf.log(tf.sigmoid(x)); // −Inf once σ rounds to 0 (x ≲ −104)
const log1mD = (x: tf.Tensor) => tf.log(tf.sub(1, tf.sigmoid(x))); // −Inf once σ rounds to 1 (x ≳ 17)

export const variants: Variant[] = [
  {
    id: 'log-of-sigmoid',
    verdict: 'mistake',
    hint: 'Your output matches log(sigmoid(x)) and log(1 − sigmoid(x)) computed as written: they are −Inf (the loss Inf or NaN) once a logit passes ~17 in size, because σ rounds to exactly 0 or 1 in float32. Use log σ(x) = −softplus(−x) and log(1 − σ(x)) = −softplus(x) (tf.softplus, or max(x, 0) + log1p(exp(−|x|))).',
    exports: {
      discriminatorLoss: (r: tf.Tensor, f: tf.Tensor) => tf.tidy(() => tf.add(logD(r).mean(), log1mD(f).mean()).neg()),
      generatorLoss: (f: tf.Tensor, ns: boolean) => tf.tidy(() => (ns ? logD(f).mean().neg() : log1mD(f).mean())),
    },
  },
  {
    id: 'real-fake-swapped',
    verdict: 'mistake',
    hint: 'Your output matches the discriminator loss with real and fake swapped, −mean log D(fake) − mean log(1 − D(real)): D should call the real samples real, −mean log D(real) − mean log(1 − D(fake)).',
    exports: {
      discriminatorLoss: (r: tf.Tensor, f: tf.Tensor) => tf.tidy(() => tf.add(tf.softplus(tf.neg(f)).mean(), tf.softplus(r).mean())),
    },
  },
  {
    id: 'discriminator-sign',
    verdict: 'mistake',
    hint: 'Your output matches mean log D(real) + mean log(1 − D(fake)), the objective D maximises, not its loss: negate it (the loss is minimised).',
    exports: {
      discriminatorLoss: (r: tf.Tensor, f: tf.Tensor) => tf.tidy(() => tf.add(tf.softplus(tf.neg(r)).mean(), tf.softplus(f).mean()).neg()),
    },
  },
  {
    id: 'sum-over-batch',
    verdict: 'mistake',
    hint: 'Your output matches the losses summed over the batch: take the mean (the loss must not grow with the batch size).',
    exports: {
      discriminatorLoss: (r: tf.Tensor, f: tf.Tensor) => tf.tidy(() => tf.add(tf.softplus(tf.neg(r)).sum(), tf.softplus(f).sum())),
      generatorLoss: (f: tf.Tensor, ns: boolean) => tf.tidy(() => (ns ? tf.softplus(tf.neg(f)).sum() : tf.softplus(f).sum().neg())),
    },
  },
  {
    id: 'saturating-forms-swapped',
    verdict: 'mistake',
    hint: 'Your output matches the two generator losses swapped: nonSaturating = true is −mean log D(fake) (strong gradients while D rejects the fakes); false is the minimax term mean log(1 − D(fake)).',
    exports: {
      generatorLoss: (f: tf.Tensor, ns: boolean) => tf.tidy(() => (!ns ? tf.softplus(tf.neg(f)).mean() : tf.softplus(f).mean().neg())),
    },
  },
  {
    id: 'generator-sign',
    verdict: 'mistake',
    hint: 'Your output matches the generator loss with the wrong sign (mean log D(fake), or −mean log(1 − D(fake))): the generator minimises −mean log D(fake) (non-saturating) or mean log(1 − D(fake)) (saturating), pushing D(fake) up.',
    exports: {
      generatorLoss: (f: tf.Tensor, ns: boolean) => tf.tidy(() => (ns ? tf.softplus(tf.neg(f)).mean().neg() : tf.softplus(f).mean())),
    },
  },
];
