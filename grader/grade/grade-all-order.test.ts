import { describe, expect, it } from 'vitest';
import { main } from '../cli.ts';

/** The console output with the timings (which vary run to run) taken out. */
const withoutTimes = (lines: string[]): string => lines.join('\n').replace(/\b\d+(\.\d+)? s\b/g, '… s');

describe('grade <id>... with several jobs', () => {
  it('when three exercises are graded with --jobs 3 then the console output and exit code are those of --jobs 1, in the order asked', async () => {
    const ids = ['softmax-cross-entropy', 'early-stopping', 'momentum'];
    const run = async (jobs: string) => {
      const out: string[] = [];
      const code = await main([...ids, '--submission', 'examples/class/ben', '--backend', 'wasm', '--jobs', jobs, '--quiet'], { out: (t) => out.push(t), err: () => undefined });
      return { code, text: withoutTimes(out) };
    };
    const one = await run('1');
    const three = await run('3');
    expect(three).toEqual(one);
    const order = ids.map((id) => one.text.indexOf(`${id} —`));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
