import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { courseFiles } from '../../grader/course/files.ts';
import { listExerciseIds } from '../../grader/manifest/load.ts';
import { grade, referenceSubmission, stubSubmission, summary } from '../grading.ts';
import { TRAINING_HEAVY } from './alternatives.ts';

/**
 * Two of the three ways every exercise is tested, for every exercise id (a new one is covered
 * the moment it exists): the answer key handed in as a submission gets full marks, with no
 * leak noted and the messages its course folder expects (grader/course/<id>/reference-messages.ts,
 * optional); the untouched stub scores zero with "not implemented yet" on every check. The
 * third way, wrong submissions, is each exercise's own test file.
 */

/** Exercises whose own test file grades the reference, because it looks at more than messages. */
const OWN_REFERENCE_TEST: Record<string, string> = {
  gan: 'its test also decodes the ring and digit pictures the reference writes',
};

async function expectedMessages(id: string): Promise<Record<string, RegExp>> {
  const file = path.join(courseFiles.dir(id), 'reference-messages.ts');
  if (!fs.existsSync(file)) return {};
  return ((await import(pathToFileURL(file).href)) as { referenceMessages: Record<string, RegExp> }).referenceMessages;
}

// Two grades at a time: each runs in its own sandbox process, and one file of 28 in series would be the suite's tail.
const limit = pLimit(2);

// The trainings first, so the file does not end on a long one.
const ids = [...listExerciseIds()].sort((a, b) => Number(TRAINING_HEAVY.has(b)) - Number(TRAINING_HEAVY.has(a)));

describe.concurrent('every exercise: the reference gets full marks, the stub zero', () => {
  for (const id of ids) {
    if (!(id in OWN_REFERENCE_TEST)) {
      it(`${id}: when the reference is submitted then it gets full marks`, async () => {
        const r = await limit(() => grade(id, referenceSubmission(id)));
        expect(r.score, summary(r)).toBe(r.maxScore);
        expect(r.passed).toBe(true);
        for (const c of r.checks) expect(c.message, `${id} / ${c.name}`).not.toMatch(/leaked/);
        for (const [name, pattern] of Object.entries(await expectedMessages(id))) {
          const c = r.checks.find((x) => x.name === name);
          expect(c, `${id}: reference-messages.ts names no check "${name}"`).toBeDefined();
          expect(c!.message, `${id} / ${name}`).toMatch(pattern);
        }
      });
    }

    it(`${id}: when the stub is submitted then every check says "not implemented yet" and scores zero`, async () => {
      const r = await limit(() => grade(id, stubSubmission(id)));
      expect(r.score).toBe(0);
      for (const c of r.checks) expect(c.message, `${id} / ${c.name}`).toBe('not implemented yet');
    });
  }
});
