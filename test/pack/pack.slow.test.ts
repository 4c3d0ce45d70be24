import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listExerciseIds } from '../../grader/manifest/load.ts';
import { grade } from '../grading.ts';
import { answerKeyExports, answerKeyLeaks, textFiles } from './answer-key.ts';
import { gradeInPack, makeStudentEdition, packGrade, submissionsOf, verdictDifferences } from './student-edition.ts';

// The whole course, installed the way a student installs it: `npm ci` inside the pack.
let dir: string;

beforeAll(async () => {
  dir = await makeStudentEdition(listExerciseIds());
  const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, encoding: 'utf8', timeout: 600_000 });
  if (ci.status !== 0) throw new Error(`npm ci in the student edition failed:\n${ci.stderr}`);
}, 3_600_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('grade pack: the whole student edition', () => {
  it('when installed with npm ci then grade list and grade all run in it', () => {
    const list = packGrade(dir, ['list']);
    expect(list.status).toBe(0);
    for (const id of listExerciseIds()) expect(list.stdout).toContain(id);
    expect(answerKeyLeaks(textFiles(dir), answerKeyExports())).toEqual([]);
  });

  for (const id of listExerciseIds()) {
    it(`when ${id} is graded by the pack and by the full grader then every public check gets the same verdict`, async () => {
      const differences: string[] = [];
      for (const s of submissionsOf(id)) {
        const full = await grade(id, s.dir);
        const packed = gradeInPack(dir, id, s.dir);
        differences.push(...verdictDifferences(full, packed).map((d) => `${s.label}: ${d}`));
        if (s.label === 'reference') expect(packed.score, `${id}: the reference in the pack`).toBe(packed.maxScore);
      }
      expect(differences).toEqual([]);
    }, 3_600_000);
  }
});
