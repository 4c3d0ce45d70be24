import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths.ts';
import { listExerciseIds, loadManifest } from './load.ts';
import { readmeRuleProblems, ruleRows, ruleSentences } from './readme-rules.ts';

const ids = listExerciseIds();

describe('every README rule has a check', () => {
  for (const id of ids) {
    it(`${id}: the README's rules table is complete, quotes the README and names checks that exist`, () => {
      const readme = fs.readFileSync(path.join(REPO_ROOT, 'exercises', id, 'README.md'), 'utf8');
      expect(readmeRuleProblems(id, readme, loadManifest(id).checks)).toEqual([]);
    });
  }

  it('when a README states a rule with no row then the parser reports it (the test can fail)', () => {
    const readme = '# x\n\n## Task\n\nDo not dispose the inputs. Seed every initializer from `seed`.\n\n## Rules and the checks that enforce them\n\n| rule | checked by |\n|---|---|\n| "Do not dispose the inputs" | `input guard` |\n';
    const rows = ruleRows(readme);
    const uncovered = ruleSentences(readme).filter((s) => !rows.some((r) => s.includes(r.quote)));
    expect(uncovered).toEqual(['Seed every initializer from `seed`.']);
    expect(readmeRuleProblems('x', readme, [{ name: 'one step' }]).join('\n')).toMatch(/a rule with no row .*Seed every initializer/);
  });

  it('when a row names a check that does not exist then it is reported with its line', () => {
    const readme = '# x\n\n## Task\n\nDo not dispose the inputs.\n\n## Rules and the checks that enforce them\n\n| rule | checked by |\n|---|---|\n| "Do not dispose the inputs" | `one stpe` |\n';
    expect(readmeRuleProblems('x', readme, [{ name: 'one step' }])).toEqual(['exercises/x/README.md:11: the row names no check of exercise.json and no grader-wide guard', 'exercises/x/README.md:11: no check or guard named "one stpe"']);
  });
});
