import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { listExerciseIds, loadManifest } from '../../grader/manifest/load.ts';
import { REPO_ROOT } from '../../grader/paths.ts';

/** One exported function (or class) of the answer key: its name and its body with comments and whitespace removed. */
export interface AnswerKeyExport {
  exercise: string;
  file: string;
  name: string;
  body: string;
}

/** Comments and whitespace removed, so reformatting cannot hide a copy. */
export function normalise(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1').replace(/\s+/g, '');
}

function exportedBodies(file: string): { name: string; body: string }[] {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out: { name: string; body: string }[] = [];
  const exported = (n: ts.Node): boolean => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const st of sf.statements) {
    if (!exported(st)) continue;
    if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name) {
      const body = ts.isFunctionDeclaration(st) ? st.body : st;
      if (body) out.push({ name: st.name.text, body: normalise(body.getText(sf)) });
    }
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) {
          out.push({ name: d.name.text, body: normalise(d.initializer.body.getText(sf)) });
        }
      }
    }
  }
  return out;
}

/**
 * The answer key: every function and class a student is asked to write (the manifest's exports),
 * as the module the manifest names defines it.
 */
export function answerKeyExports(): AnswerKeyExport[] {
  return listExerciseIds().flatMap((exercise) => {
    const m = loadManifest(exercise);
    const rel = m.reference!;
    const found = exportedBodies(path.join(REPO_ROOT, rel)).filter((e) => e.name in m.exports);
    const missing = Object.keys(m.exports).filter((name) => !found.some((e) => e.name === name));
    if (missing.length > 0) throw new Error(`${rel} does not define ${missing.join(', ')} itself (re-exported?): the leak test cannot see its body`);
    return found.map((e) => ({ exercise, file: rel, ...e }));
  });
}

/** Text files under `dir`, repo-relative paths with their text, node_modules and caches aside. */
export function textFiles(dir: string): { rel: string; text: string }[] {
  const out: { rel: string; text: string }[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.posix.join(rel, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== '.cache') walk(r);
      } else if (/\.(ts|js|json|md|hbs)$/.test(e.name)) out.push({ rel: r, text: fs.readFileSync(path.join(dir, r), 'utf8') });
    }
  };
  walk('');
  return out;
}

/**
 * Where an answer-key export shows up in `files`: its body anywhere (bodies shorter than
 * `minBody` characters are too generic to call a copy), or an export of its name outside the
 * exercise's own stub. (A private helper that happens to share a generic name, such as a
 * plain-JS `sigmoid` in a judge, is not the answer key.)
 */
export function answerKeyLeaks(files: { rel: string; text: string }[], keys: AnswerKeyExport[], minBody = 30): string[] {
  const leaks: string[] = [];
  const normalised = files.map((f) => ({ ...f, flat: normalise(f.text) }));
  for (const k of keys) {
    const stub = `exercises/${k.exercise}/${k.exercise}.ts`;
    const declaration = new RegExp(`export\\s+((async\\s+)?function\\*?|class|const|let|var)\\s+${k.name}\\b`);
    for (const f of normalised) {
      if (k.body.length >= minBody && f.flat.includes(k.body)) leaks.push(`${f.rel} holds the body of ${k.name} from ${k.file}`);
      if (f.rel !== stub && f.rel.endsWith('.ts') && declaration.test(f.text)) leaks.push(`${f.rel} declares ${k.name} (exported by ${k.file})`);
    }
  }
  return leaks;
}
