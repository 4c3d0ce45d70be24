/**
 * The files `grade new <id>` writes: a small exercise that already works end to end (the
 * placeholder task "return 2·x"), so that `grade check-course <id>` passes before the author
 * changes anything, and every file shows where the real task goes.
 */

export interface TemplateNames {
  id: string;
  /** The export, camelCase of the id. */
  fn: string;
  /** The reference's folder under reference/. */
  topic: string;
}

export function readme({ id, fn }: TemplateNames): string {
  return `# ${id} — TODO: one line on what the student writes

Notes: section TODO. Your file: \`exercises/${id}/${id}.ts\` (or \`<submission>/${id}/${id}.ts\`).

## Task

TODO: the task, with its formula. The placeholder task doubles a tensor:

    y = 2 · x

\`\`\`ts
export function ${fn}(x: tf.Tensor): tf.Tensor;
\`\`\`

- \`x\` may have any shape, including a scalar and an empty tensor.
- Return a new tensor of the same shape. Do not dispose or modify the input.

## Checks

| check | kind | points | what it does |
|---|---|---|---|
| values | output | 2 | ${fn} on seeded tensors of several shapes (scalar, empty included); rtol 1e-6, atol 1e-7 |
| gradient w.r.t. x | gradient | 1 | the gradient of sum(${fn}(x)·dy) for a seeded dy; rtol 1e-5, atol 1e-6 |

Common mistakes the grader recognises: returning x unchanged.

## Rules and the checks that enforce them

Each rule the task states, and the check that enforces it (\`input guard\`, \`leak count\`, \`shape check\` and \`grader promise\` are grader-wide: see \`grader/manifest/readme-rules.ts\`).

| rule | checked by |
|---|---|
| "Return a new tensor of the same shape" | \`input guard\`, \`values\` |
| "Do not dispose or modify the input" | \`input guard\` |

## Errata

None yet.
`;
}

export function manifest({ id, fn, topic }: TemplateNames): string {
  const m = {
    $schema: '../../grader/manifest/exercise.schema.json',
    id,
    title: 'TODO: the title (placeholder task: double a tensor)',
    notes: '0.0',
    exports: { [fn]: 'function' },
    reference: `reference/${topic}/${id}.ts`,
    variants: `reference/${topic}/${id}.variants.ts`,
    checks: [
      { name: 'values', kind: 'output', points: 2, export: fn, cases: 'values', tolerance: { rtol: 1e-6, atol: 1e-7 } },
      { name: 'gradient w.r.t. x', kind: 'gradient', points: 1, export: fn, cases: 'values', wrt: ['0'], tolerance: { rtol: 1e-5, atol: 1e-6 } },
    ],
  };
  return `${JSON.stringify(m, null, 2)}\n`;
}

export function stub({ fn }: TemplateNames): string {
  return `import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * TODO: what the student writes (notes section TODO). Placeholder: y = 2 · x.
 *
 * @param x any tensor
 * @returns a new tensor of x's shape (do not dispose or modify x)
 */
export function ${fn}(x: tf.Tensor): tf.Tensor {
  throw new NotImplemented('${fn}');
}
`;
}

export function reference({ fn }: TemplateNames): string {
  return `import * as tf from '@tensorflow/tfjs';
import { checkTensor } from '../check.ts';

/** TODO: the answer key (placeholder: y = 2 · x). */
export function ${fn}(x: tf.Tensor): tf.Tensor {
  checkTensor('${fn}', 'x', x);
  return tf.tidy(() => tf.mul(x, 2)); // like x
}
`;
}

export function variants({ fn }: TemplateNames): string {
  return `import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';

/** Known mistakes (verdict 'mistake', with the hint a student sees) and accepted alternatives. */
export const variants: Variant[] = [
  {
    id: 'returns-input',
    verdict: 'mistake',
    hint: 'Your output equals x: multiply by 2.',
    exports: { ${fn}: (x: tf.Tensor) => x.clone() },
  },
];
`;
}

export function referenceTest({ id, fn }: TemplateNames): string {
  return `import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../test/tf-setup.ts';
import { ${fn} } from './${id}.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

// TODO: test the answer key against an oracle nobody here wrote (a tfjs built-in, a textbook value, an exact enumeration).
describe('${fn}', () => {
  it('doubles every element (hand-worked values), also of a scalar and an empty tensor', () => {
    const x = tf.tensor([[1, -2.5], [0, 3]]);
    const y = ${fn}(x);
    expect(Array.from(y.dataSync())).toEqual([2, -5, 0, 6]);
    expect(y.shape).toEqual([2, 2]);
    expect(${fn}(tf.scalar(4)).dataSync()[0]).toBe(8);
    expect(${fn}(tf.zeros([0, 3])).shape).toEqual([0, 3]);
  });
});
`;
}

export function cases(): string {
  return `import type { CaseRecipe } from '../../inputs/types.ts';
import { normalTensor } from '../../inputs/shared.ts';

/** The recipes the manifest's checks name: seeded inputs, made in the parent in plain JS. */
export const cases: Record<string, CaseRecipe> = {
  /** TODO: the inputs that tell right from wrong; edge shapes included. */
  values: (rng) =>
    [[3], [2, 4], [], [0, 3], [2, 3, 4]].map((shape) => ({ label: \`x \${JSON.stringify(shape)}\`, args: [normalTensor(rng.fork(shape.join('x')), shape)] })),
};
`;
}

export function courseTest({ id }: TemplateNames): string {
  return `import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

// The reference (full marks) and the stub (zero, "not implemented yet") are graded for every
// exercise by test/catalog/reference-and-stub.test.ts; here: what is specific to ${id}.
describe('${id}', () => {
  it('when x is returned unchanged then the value check fails with the hint', async () => {
    const r = await grade('${id}', wrongSubmission('${id}', 'returns-input'));
    expect(check(r, 'values').passed, summary(r)).toBe(false);
    expect(check(r, 'values').hint).toMatch(/multiply by 2/);
  });
});
`;
}

export function wrongFixture({ fn }: TemplateNames): string {
  return `// Returns x unchanged: the factor is forgotten.
import * as tf from '@tensorflow/tfjs';

export function ${fn}(x: tf.Tensor): tf.Tensor {
  return x.clone();
}
`;
}

export function correctFixture({ fn }: TemplateNames): string {
  return `// Adds x to itself instead of multiplying: the same values and gradient.
import * as tf from '@tensorflow/tfjs';

export function ${fn}(x: tf.Tensor): tf.Tensor {
  return tf.add(x, x);
}
`;
}
