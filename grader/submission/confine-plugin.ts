/**
 * An esbuild plugin that is the only resolver of a submission's imports:
 * - a relative import resolves inside the staging folder or nowhere (no `..` out of it);
 * - an absolute path, a `file:` URL or any other path form is refused;
 * - a bare specifier (`@tensorflow/tfjs`, `node:fs`, `#x`) stays external: the sandbox's own
 *   require decides at run time which ones the contract allows;
 * - import attributes (`with { type: 'text' }` …) are refused except JSON for a .json file.
 * Because it answers every resolution, tsconfig `paths`/`baseUrl` and package.json `imports`
 * never take part (and the build passes `tsconfigRaw`, so no tsconfig.json is read at all).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'esbuild';

const TRY_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'];
/** TypeScript's convention: `./util.js` in the source means `./util.ts` on disk. */
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

function isRegularFile(p: string): boolean {
  const st = fs.lstatSync(p, { throwIfNoEntry: false });
  return st !== undefined && st.isFile();
}

export function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The file a relative specifier names inside `root`, or undefined. */
export function resolveInside(root: string, fromDir: string, spec: string): string | undefined {
  const base = path.resolve(fromDir, spec);
  if (!inside(root, base)) return undefined;
  const ext = path.extname(base);
  const candidates = [base, ...TRY_EXTENSIONS.map((e) => base + e), ...(JS_TO_TS[ext] ?? []).map((e) => base.slice(0, -ext.length) + e), ...TRY_EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  return candidates.find((c) => inside(root, c) && isRegularFile(c));
}

const isRelative = (spec: string): boolean => spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../');
const isPathLike = (spec: string): boolean => path.isAbsolute(spec) || spec.startsWith('\\') || /^[a-zA-Z]:[\\/]/.test(spec) || /^file:/i.test(spec);

export function confinePlugin(root: string): Plugin {
  return {
    name: 'confine-to-submission',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        const attributes = Object.entries(args.with ?? {});
        const jsonOnly = attributes.every(([k, v]) => k === 'type' && v === 'json');
        if (attributes.length > 0 && !jsonOnly) {
          return { errors: [{ text: `import attributes (${attributes.map(([k, v]) => `${k}: '${v}'`).join(', ')}) are not allowed in a submission: import code only` }] };
        }
        if (args.kind === 'entry-point') {
          return inside(root, args.path) && isRegularFile(args.path) ? { path: args.path } : { errors: [{ text: 'the exercise file is not in the submission' }] };
        }
        const spec = args.path;
        if (isRelative(spec)) {
          const file = resolveInside(root, args.resolveDir, spec);
          if (!file) {
            const target = path.resolve(args.resolveDir, spec);
            const why = inside(root, target) ? 'no such file in your exercise folder' : 'it is outside your exercise folder';
            return { errors: [{ text: `cannot import "${spec}": ${why} (a submission may import only files in its own exercise folder)` }] };
          }
          if (attributes.length > 0 && path.extname(file) !== '.json') return { errors: [{ text: `"${spec}" is not a .json file` }] };
          return { path: file };
        }
        if (isPathLike(spec)) return { errors: [{ text: `cannot import "${spec}": a submission may import only '@tensorflow/tfjs', '@course/harness' and files in its own exercise folder (by a relative path)` }] };
        return { path: spec, external: true };
      });
      // Glob-style imports (a template literal in require/import) expand without onResolve
      // (evanw/esbuild#4193), but every file esbuild reads still passes through onLoad first.
      build.onLoad({ filter: /.*/ }, (args) => {
        if (args.namespace === 'file' && inside(root, args.path) && isRegularFile(args.path)) return undefined;
        return { errors: [{ text: 'a computed import path reaches outside your exercise folder (a submission may import only its own files)' }] };
      });
    },
  };
}
