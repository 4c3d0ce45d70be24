import fs from 'node:fs';
import path from 'node:path';
import { courseFiles } from '../../grader/course/files.ts';
import { listExerciseIds } from '../../grader/manifest/load.ts';
import { submissionWith } from '../grading.ts';

/**
 * The correct-but-different submissions, grader/course/<id>/correct/<name>.ts: every one
 * must get full marks. ALTERNATIVES=sgd,adam (exercise ids) narrows the list.
 */

/**
 * Exercises whose checks train for a minute or more per seed (the README's "one training"
 * column): their alternatives run in the slow suite only, so that npm test stays short.
 */
export const TRAINING_HEAVY = new Set(['gan', 'vae', 'beta-vae', 'cvae', 'inpainting', 'cnn', 'cnn-schedule', 'resnet', 'densenet']);

export interface Alternative {
  id: string;
  name: string;
  /** The fixture's leading comment: what makes it different. */
  what: string;
}

export function listAlternatives(only = process.env.ALTERNATIVES): Alternative[] {
  const ids = only ? only.split(',').map((s) => s.trim()) : listExerciseIds().filter((id) => fs.existsSync(courseFiles.correct(id)));
  const out: Alternative[] = [];
  for (const id of ids) {
    const dir = courseFiles.correct(id);
    if (!fs.existsSync(dir)) throw new Error(`no alternatives for "${id}" in ${dir}`);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      const comment = /^\/\/ (.*)$/m.exec(source)?.[1] ?? '';
      out.push({ id, name: file.replace(/\.ts$/, ''), what: comment.replace(/(:| \().*$/, '') });
    }
  }
  return out;
}

/** A submission folder holding the fixture as <id>/<id>.ts. */
export function alternativeSubmission(a: Alternative): string {
  return submissionWith(a.id, fs.readFileSync(path.join(courseFiles.correct(a.id), `${a.name}.ts`), 'utf8'));
}
