import { describe, expect, it } from 'vitest';
import { fakeResult } from '../report/fixtures.ts';
import { renderConsole } from './console.ts';

describe('the console renderer', () => {
  it('prints every picture a check wrote, passed or failed, with its path and caption', () => {
    const r = fakeResult('mlp', [true, false], { images: [{ path: 'grade-output/mlp/mlp-learning-curve.png', caption: 'loss per epoch' }] });
    r.checks[0]!.images = [{ path: 'grade-output/mlp/first.png', caption: 'first' }];
    const out = renderConsole(r);
    expect(out).toContain('      picture: grade-output/mlp/first.png — first');
    expect(out).toContain('      picture: grade-output/mlp/mlp-learning-curve.png — loss per epoch');
  });
});
