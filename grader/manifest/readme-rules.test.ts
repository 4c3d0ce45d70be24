import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths.ts';
import { loadManifest } from './load.ts';
import { GUARDS, RULES_HEADING, ruleRows, ruleSentences } from './readme-rules.ts';

const ids = fs.readdirSync(path.join(REPO_ROOT, 'exercises')).filter((d) => fs.existsSync(path.join(REPO_ROOT, 'exercises', d, 'exercise.json')));
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('every README rule has a check', () => {
  for (const id of ids) {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'exercises', id, 'README.md'), 'utf8');
    const rows = ruleRows(readme);
    const checks = new Set(loadManifest(id).checks.map((c) => c.name));

    it(`${id}: the README has a "${RULES_HEADING.slice(3)}" table`, () => {
      expect(rows.length, `${id}/README.md has no table under "${RULES_HEADING}"`).toBeGreaterThan(0);
    });

    it(`${id}: every check that quotes a README rule quotes it verbatim`, () => {
      const body = normalise(readme);
      for (const c of loadManifest(id).checks) if (c.rule) expect(body.includes(normalise(c.rule)), `check "${c.name}" quotes "${c.rule}", which exercises/${id}/README.md does not say`).toBe(true);
    });

    it(`${id}: every rule sentence of its task has a row`, () => {
      const missing = ruleSentences(readme).filter((s) => !rows.some((r) => s.includes(r.quote)));
      expect(missing, `rules of exercises/${id}/README.md with no row in its table (quote part of the sentence in the table):\n${missing.join('\n')}`).toEqual([]);
    });

    it(`${id}: every row quotes the README and names checks that exist`, () => {
      const body = normalise(readme.slice(0, readme.indexOf(RULES_HEADING)) + readme.slice(readme.indexOf(RULES_HEADING)).replace(/^\|.*\|$/gm, ''));
      for (const r of rows) {
        expect(body.includes(r.quote), `exercises/${id}/README.md:${r.line}: "${r.quote}" is not in the README outside the table`).toBe(true);
        const named = r.checks.filter((c) => checks.has(c) || c in GUARDS);
        expect(named.length, `exercises/${id}/README.md:${r.line}: the row names no check of exercise.json and no grader-wide guard`).toBeGreaterThan(0);
        // Backticked words that look like check names must be real ones (a renamed check leaves a stale row).
        for (const c of r.checks) if (/\s/.test(c) && !checks.has(c) && !(c in GUARDS)) expect.fail(`exercises/${id}/README.md:${r.line}: no check or guard named "${c}"`);
      }
    });
  }

  it('when a README states a rule with no row then the parser reports it (the test can fail)', () => {
    const readme = '# x\n\n## Task\n\nDo not dispose the inputs. Seed every initializer from `seed`.\n\n## Rules and the checks that enforce them\n\n| rule | checked by |\n|---|---|\n| "Do not dispose the inputs" | `input guard` |\n';
    const rows = ruleRows(readme);
    const uncovered = ruleSentences(readme).filter((s) => !rows.some((r) => s.includes(r.quote)));
    expect(uncovered).toEqual(['Seed every initializer from `seed`.']);
  });
});
