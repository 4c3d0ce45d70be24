import { NotImplemented } from '@course/harness';

/**
 * When to stop training (notes 1.3.3), from the validation loss of each epoch.
 *
 * Epochs are 0-based. Epoch e improves when valLosses[e] < best − minDelta, where best is
 * the loss of the last improving epoch (+∞ before epoch 0, so epoch 0 always improves).
 * Training stops at the first epoch that makes `patience` epochs in a row without
 * improvement, else at the last epoch. bestEpoch is the last improving epoch (the weights
 * one would restore).
 *
 * @param valLosses the validation loss after each epoch (at least one, all finite)
 * @param patience  how many epochs in a row without improvement stop training (an integer ≥ 1)
 * @param minDelta  how much lower than the best a loss must be to count as an improvement (≥ 0)
 * @returns the epoch training stops at and the epoch whose weights to keep
 */
export function earlyStopping(valLosses: number[], patience: number, minDelta: number): { stopEpoch: number; bestEpoch: number } {
  throw new NotImplemented('earlyStopping');
}
