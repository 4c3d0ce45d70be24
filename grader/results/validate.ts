import { Ajv } from 'ajv';
import schema from './result.schema.json' with { type: 'json' };
import type { GradeResult } from './types.ts';

const validate = new Ajv({ allErrors: true, strict: false }).compile<GradeResult>(schema);

/** Throws when a result does not match its schema (a grader bug, never the student's). */
export function assertValidResult(r: unknown): asserts r is GradeResult {
  if (!validate(r)) {
    const errs = (validate.errors ?? []).map((e) => `${e.instancePath || '(top)'} ${e.message}`).join('; ');
    throw new Error(`grader produced an invalid result: ${errs}`);
  }
}
