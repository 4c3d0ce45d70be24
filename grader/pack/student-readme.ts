import type { StudentEdition } from '../edition.ts';

export interface PackedExercise {
  id: string;
  title: string;
  notes: string;
  publicChecks: number;
  publicPoints: number;
  hiddenChecks: number;
  hiddenPoints: number;
}

const pts = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/** The README of the student edition: how to grade your own work with it, and what it leaves out. */
export function studentReadme(exercises: PackedExercise[], edition: StudentEdition, withNotes: boolean): string {
  const rows = exercises.map((e) => `| \`${e.id}\` | ${e.notes} | ${e.title} | ${e.publicChecks} (${pts(e.publicPoints)} pts) | ${e.hiddenChecks > 0 ? `${e.hiddenChecks} (${pts(e.hiddenPoints)} pts)` : '—'} |`);
  const hiddenTotal = exercises.reduce((a, e) => a + e.hiddenChecks, 0);
  const first = exercises[0]?.id ?? '<id>';
  return `# Deep-learning course — student edition

The exercises of the course and the grader that checks them, on your own machine. Fill in the
stubs in \`exercises/<id>/<id>.ts\` (each folder's README has the task, the formulas and the
errata of the notes), then grade your work as often as you like.

## Quickstart

\`\`\`sh
npm ci                 # installs TensorFlow.js and the grader (Node 20 or later)
npx grade list         # the exercises, and which you have started
npx grade ${first}${' '.repeat(Math.max(1, 15 - first.length))}# grades exercises/${first}/${first}.ts
\`\`\`

\`npx grade <id> [<id>...]\` or \`npx grade all\`; \`--format json\` prints the result object,
\`--backend auto|gpu|node|wasm|cpu\` picks the TensorFlow.js backend (\`npx grade doctor\` shows
which load here), \`--submission DIR\` grades \`DIR/<id>/<id>.ts\` instead of the stubs in place.
Exit code 0 means every check passed.${withNotes ? '\n\nThe lecture notes are in `notes/lecture-notes.md`; every exercise names its section.' : ''}

## What this edition checks, and what it does not

This edition has no answer key. For every public check it carries what the grader needs
instead, computed from the answer key when your instructor packed it (${edition.packedAt.slice(0, 10)}, on the
\`${edition.backend}\` backend): the seeded inputs' recipes (in \`grader/course/<id>/cases.ts\`), the expected
outputs and gradients as compact binary fixtures (\`expected/<id>.fixtures\`), the reference's
accuracy for the training checks, and the reference's values behind the statistical checks.
Your code runs in the same sandbox, and the same comparison, tolerances and hints apply, so a
public check gives you here the verdict the instructor's grader gives.

- Seeds: the fixtures were packed for \`--seed ${edition.seeds.join('`, `--seed ')}\` only.
- Hidden checks: ${hiddenTotal > 0 ? `${hiddenTotal} check${hiddenTotal === 1 ? '' : 's'} (edge cases, mostly) run only in your instructor's grader, when your submission is graded. They are counted below; passing every public check does not guarantee them.` : 'none in this course.'}
- Do not edit \`exercises/<id>/exercise.json\` or \`expected/\`: the grader refuses fixtures that do not match their checks.

| exercise | notes | title | public checks | hidden checks |
|---|---|---|---|---|
${rows.join('\n')}

## Handing in

A submission is a folder with one subfolder per exercise, \`<submission>/<id>/<id>.ts\`: the
\`exercises/\` folder itself is one, or copy your files into a fresh folder with that layout.
`;
}
