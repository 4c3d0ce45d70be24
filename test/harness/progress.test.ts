/**
 * `grade <id>` shows what runs and how far a long check got, on the progress sink (stderr),
 * while stdout keeps only the result; the training tasks report their epochs through the
 * sandbox's channel.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../grader/cli.ts';
import { referenceSubmission } from '../grading.ts';

describe('progress while grading', () => {
  it('when graded with --format json on a terminal then stderr shows each check and the epochs, and stdout is only the JSON', async () => {
    const out: string[] = [];
    const progress: string[] = [];
    const io = { out: (t: string) => out.push(t), err: () => undefined, progress: { write: (t: string) => progress.push(t), tty: true, columns: 200 } };
    const code = await main(['sgd', '--submission', referenceSubmission('sgd'), '--backend', 'wasm', '--format', 'json'], io);
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ exercise: 'sgd', passed: true });
    const shown = progress.join('');
    expect(shown).toContain('sgd · one step (1/3)');
    // The MNIST training reports its epochs (the student's, then the reference's when not cached).
    expect(shown).toMatch(/sgd · trains an MLP on MNIST \(3\/3\) · (reference )?epoch [12]\/2/);
    // Every drawing is redrawn in place and the last one clears the line.
    expect(progress.at(-1)).toBe('\r\u001b[2K');
  });

  it('when --quiet then nothing is drawn', async () => {
    const progress: string[] = [];
    const io = { out: () => undefined, err: () => undefined, progress: { write: (t: string) => progress.push(t), tty: true } };
    await main(['sgd', '--submission', referenceSubmission('sgd'), '--backend', 'wasm', '--quiet'], io);
    expect(progress).toEqual([]);
  });
});
