// Correct, as a Keras-like callback class fed one loss per epoch: a wait counter reset on improvement, the loop broken when it says stop
/** A Keras-like callback: feed it one validation loss per epoch. */
class EarlyStopper {
  private best = Number.POSITIVE_INFINITY;
  private wait = 0;
  bestEpoch = -1;
  constructor(private readonly patience: number, private readonly minDelta = 0) {}
  /** true when training should stop after this epoch */
  onEpochEnd(epoch: number, loss: number): boolean {
    if (loss < this.best - this.minDelta) {
      this.best = loss;
      this.bestEpoch = epoch;
      this.wait = 0;
      return false;
    }
    this.wait += 1;
    return this.wait >= this.patience;
  }
}

export function earlyStopping(valLosses: number[], patience: number, minDelta: number): { stopEpoch: number; bestEpoch: number } {
  if (valLosses.length === 1) return { stopEpoch: 0, bestEpoch: 0 };
  const cb = new EarlyStopper(patience, minDelta);
  let epoch = 0;
  for (; epoch < valLosses.length; epoch++) {
    if (cb.onEpochEnd(epoch, valLosses[epoch])) break;
  }
  return { stopEpoch: Math.min(epoch, valLosses.length - 1), bestEpoch: cb.bestEpoch };
}
