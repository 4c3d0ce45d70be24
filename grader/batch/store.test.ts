import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeResult } from '../report/fixtures.ts';
import { isDone, readResultOrWhy, resultPath, writeResult } from './store.ts';

describe('stored results', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
  const good = { ...fakeResult('sgd', [true, false]), seed: 1 };

  it('a result as written reads back, and counts as done for its seed only', () => {
    writeResult(out, 'ada', good);
    expect(readResultOrWhy(resultPath(out, 'ada', 'sgd'))).toEqual({ result: good });
    expect([isDone(out, 'ada', 'sgd', 1), isDone(out, 'ada', 'sgd', 2)]).toEqual([true, false]);
  });

  it('a damaged result is not done (grade batch grades it again) and says why it cannot be used', () => {
    const cases: [unknown, RegExp][] = [
      ['{"exercise": "sgd", "score": 1', /^is not valid JSON/],
      [{ ...good, score: 'x' }, /^"score" is "x", not a number ≥ 0$/],
      [{ ...good, maxScore: -1 }, /^"maxScore" is -1/],
      [{ ...good, checks: [{ ...good.checks[0], score: null }] }, /^checks\[0\]\.score is null/],
      [{ ...good, checks: [{ ...good.checks[0], passed: 'yes' }] }, /^checks\[0\]\.passed is not true or false$/],
      [{ ...good, checks: 'all' }, /^"checks" is not a list$/],
      [[good], /^not a JSON object$/],
    ];
    for (const [content, why] of cases) {
      const file = resultPath(out, 'ben', 'sgd');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      const read = readResultOrWhy(file);
      expect('why' in read && read.why, JSON.stringify(content)).toMatch(why);
      expect(isDone(out, 'ben', 'sgd', 1)).toBe(false);
    }
    expect(readResultOrWhy(resultPath(out, 'nobody', 'sgd'))).toEqual({ why: 'cannot be read (ENOENT)' });
  });
});
