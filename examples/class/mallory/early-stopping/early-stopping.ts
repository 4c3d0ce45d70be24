// Hostile sample: never returns. The grader must time the check out ("timed out after N s")
// and go on with the other checks and the other students.
export function earlyStopping(valLosses: number[], patience: number, minDelta: number): { stopEpoch: number; bestEpoch: number } {
  let i = 0;
  while (valLosses.length + patience + minDelta >= 0) i++;
  return { stopEpoch: i, bestEpoch: i };
}
