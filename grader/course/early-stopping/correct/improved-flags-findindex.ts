// Correct, from per-epoch improved flags with lastIndexOf and findIndex: epochs since the last improvement, the first that reaches the patience
// Functional: a running best and "epochs since improvement" per epoch, then findIndex.
export function earlyStopping(valLosses: number[], patience: number, minDelta: number): { stopEpoch: number; bestEpoch: number } {
  const improved: boolean[] = [];
  let best = Infinity;
  for (const loss of valLosses) {
    const better = loss < best - minDelta;
    if (better) best = loss;
    improved.push(better);
  }
  const sinceBest = improved.map((_, e) => e - improved.lastIndexOf(true, e));
  const stop = sinceBest.findIndex((k) => k >= patience);
  const stopEpoch = stop === -1 ? valLosses.length - 1 : stop;
  return { stopEpoch, bestEpoch: improved.lastIndexOf(true, stopEpoch) };
}
