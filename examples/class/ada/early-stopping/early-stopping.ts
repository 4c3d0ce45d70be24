export function earlyStopping(valLosses: number[], patience: number, minDelta: number): { stopEpoch: number; bestEpoch: number } {
  let best = Infinity;
  let bestEpoch = 0;
  let waited = 0;
  for (let epoch = 0; epoch < valLosses.length; epoch++) {
    if (valLosses[epoch]! < best - minDelta) {
      best = valLosses[epoch]!;
      bestEpoch = epoch;
      waited = 0;
    } else if (++waited >= patience) {
      return { stopEpoch: epoch, bestEpoch };
    }
  }
  return { stopEpoch: valLosses.length - 1, bestEpoch };
}
