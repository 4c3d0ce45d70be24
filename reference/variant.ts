/**
 * A way a student might re-implement some exports of an exercise. The grader runs a
 * submission's output against each variant: matching an 'accepted' one is full marks
 * (correct but different, e.g. Adam with ε inside the square root); matching a 'mistake'
 * one adds its hint to the failed check's message.
 */
export interface Variant {
  /** Unique within the exercise, kebab-case: 'adds-gradient'. */
  id: string;
  verdict: 'accepted' | 'mistake';
  /** Phrased "Your output matches …: <what to fix>", for the student to act on. */
  hint: string;
  /** Replacements for some of the exercise's exports; the others are the reference's. */
  exports: Record<string, (...args: any[]) => unknown>;
}
