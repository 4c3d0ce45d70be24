import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../results/types.ts';
import { lineProgress } from './progress.ts';

describe('batch progress lines', () => {
  it('when a student folder name holds a newline and escapes then it stays on its own line and cannot forge another grade', () => {
    const lines: string[] = [];
    const p = lineProgress((l) => lines.push(l));
    const r = { exercise: 'sgd', score: 0, maxScore: 10, passed: false, durationMs: 1000 } as GradeResult;
    p.graded('mallory\n[2/2] ada sgd: 0/10 (1.0 s)\u001b[2J', r, 1, 2);
    const printed = lines.join('\n').split('\n');
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^\[1\/2\] mallory \[2\/2\] ada sgd: 0\/10 \(1\.0 s\) sgd: 0\/10/);
    expect(printed[0]).not.toContain('\u001b');
  });
});
