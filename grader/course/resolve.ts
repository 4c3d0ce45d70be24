import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { genericJudges } from '../judges/generic.ts';
import { manifestPath } from '../manifest/load.ts';
import type { Manifest } from '../manifest/types.ts';
import { repoPath } from '../paths.ts';
import { commonTasks } from '../tasks/common.ts';
import { courseFiles, courseRel } from './files.ts';
import { recipeOf, taskOf } from '../manifest/check-defaults.ts';

/**
 * An exercise whose manifest names a case recipe, task or judge its course folder does not
 * have: the author's mistake, found when the exercise loads (exit 3), never a student's failed
 * check. The message names the file, the JSON path, the name and the names that exist.
 */
export class CourseError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file}: the exercise's grader does not match its manifest\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CourseError';
  }
}

async function exportedKeys(file: string, name: string): Promise<string[] | undefined> {
  if (!fs.existsSync(file)) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const table = mod[name];
  if (typeof table !== 'object' || table === null) throw new CourseError(courseRel(file), [`exports no \`${name}\` table (expected \`export const ${name} = { … }\`)`]);
  return Object.keys(table);
}

export interface CourseNames {
  cases: string[];
  tasks: string[];
  judges: string[];
}

/** The names an exercise's course folder defines (generic tasks and judges included). */
export async function courseNames(id: string): Promise<CourseNames> {
  const visible = (await exportedKeys(courseFiles.cases(id), 'cases')) ?? [];
  const hidden = (await exportedKeys(courseFiles.hiddenCases(id), 'cases')) ?? [];
  const tasks = (await exportedKeys(courseFiles.tasks(id), 'tasks')) ?? [];
  const judges = (await exportedKeys(courseFiles.judges(id), 'judges')) ?? [];
  return {
    cases: [...new Set([...visible, ...hidden])].sort(),
    tasks: [...new Set([...Object.keys(commonTasks), ...tasks])].sort(),
    judges: [...new Set([...Object.keys(genericJudges), ...judges])].sort(),
  };
}

function unknown(where: string, what: string, name: string, known: string[], file: string): string {
  return `${where}: ${what} "${name}" is not defined in ${file} (known: ${known.length > 0 ? known.join(', ') : 'none'})`;
}

/** Every name a manifest uses, resolved against the exercise's course folder; throws CourseError. */
export async function assertCourseResolves(m: Manifest): Promise<void> {
  const names = await courseNames(m.id);
  const rel = (f: string) => courseRel(f);
  const problems: string[] = [];
  m.checks.forEach((c, i) => {
    const at = `/checks/${i} ("${c.name}")`;
    const recipe = recipeOf(c);
    if (recipe === '') problems.push(`${at}: names no case recipe (set "cases", or a "task" whose name is also a recipe)`);
    else if (!names.cases.includes(recipe)) problems.push(unknown(`${at}/${c.cases !== undefined ? 'cases' : 'task'}`, 'case recipe', recipe, names.cases, `${rel(courseFiles.cases(m.id))}${c.hidden ? ' or hidden-cases.ts' : ''}`));
    const task = taskOf(c);
    if (task === undefined) problems.push(`${at}: an ${c.kind} check needs a "task" (known: ${names.tasks.join(', ')})`);
    else if (!names.tasks.includes(task)) problems.push(unknown(`${at}/task`, 'task', task, names.tasks, rel(courseFiles.tasks(m.id))));
    if (c.kind === 'property' || c.kind === 'distribution') {
      if (c.judge === undefined) problems.push(`${at}: a ${c.kind} check needs a "judge" (known: ${names.judges.join(', ')})`);
      else if (!names.judges.includes(c.judge)) problems.push(unknown(`${at}/judge`, 'judge', c.judge, names.judges, rel(courseFiles.judges(m.id))));
    } else if (c.judge !== undefined) problems.push(`${at}/judge: only property and distribution checks have a judge`);
  });
  if (problems.length > 0) throw new CourseError(courseRel(manifestPath(m.id)) || repoPath(), problems);
}
