import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../paths.ts';
import * as t from './templates.ts';

/** `grade new` cannot make the exercise: a bad id or topic, or files that already exist. */
export class ScaffoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScaffoldError';
  }
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** "leaky-relu" → "leakyRelu": the export the placeholder task uses. */
export function camelCase(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Writes a new exercise in the places the grader looks (see README "Adding an exercise"):
 * the student's side in exercises/<id>/, the answer key in reference/<topic>/, the grader's side
 * in grader/course/<id>/. Refuses to overwrite anything. Returns the files written, repo-relative.
 */
export function scaffoldExercise(id: string, topic = 'misc', root = REPO_ROOT): string[] {
  if (!NAME.test(id)) throw new ScaffoldError(`"${id}" is not a valid exercise id: lowercase letters and digits in words joined by single dashes, starting with a letter (e.g. leaky-relu)`);
  if (!NAME.test(topic)) throw new ScaffoldError(`"${topic}" is not a valid --topic: a folder name under reference/ such as optim, layers or sampling`);
  const names: t.TemplateNames = { id, fn: camelCase(id), topic };
  const files: [string, string][] = [
    [`exercises/${id}/README.md`, t.readme(names)],
    [`exercises/${id}/exercise.json`, t.manifest(names)],
    [`exercises/${id}/${id}.ts`, t.stub(names)],
    [`reference/${topic}/${id}.ts`, t.reference(names)],
    [`reference/${topic}/${id}.variants.ts`, t.variants(names)],
    [`reference/${topic}/${id}.test.ts`, t.referenceTest(names)],
    [`grader/course/${id}/cases.ts`, t.cases()],
    [`grader/course/${id}/${id}.test.ts`, t.courseTest(names)],
    [`grader/course/${id}/wrong/returns-input.ts`, t.wrongFixture(names)],
    [`grader/course/${id}/correct/adds-to-itself.ts`, t.correctFixture(names)],
  ];
  const taken = [`exercises/${id}`, `grader/course/${id}`, ...files.map(([f]) => f)].filter((f) => fs.existsSync(path.join(root, f)));
  if (taken.length > 0) throw new ScaffoldError(`exercise "${id}" already exists here (${taken[0]}); pick another id or remove its files first`);
  for (const [file, text] of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text, { flag: 'wx' });
  }
  return files.map(([f]) => f);
}
