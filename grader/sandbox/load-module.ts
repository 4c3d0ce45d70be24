import vm from 'node:vm';
import path from 'node:path';
import * as harness from '../harness/index.ts';

/** What a submission may import by bare name; everything else is refused with a message. */
export type ModuleTable = Record<string, unknown>;

export class ForbiddenImport extends Error {
  constructor(name: string) {
    super(`"${name}" cannot be imported in a submission: only '@tensorflow/tfjs', '@course/harness' and files in your own exercise folder are available`);
    this.name = 'ForbiddenImport';
  }
}

export function submissionModules(studentTf: unknown): ModuleTable {
  return { '@tensorflow/tfjs': studentTf, '@course/harness': harness };
}

/**
 * Evaluates a CommonJS bundle of the student's file (esbuild's output, relative imports
 * already inlined) with a require that knows only the module table.
 */
export function evaluateBundle(code: string, filename: string, modules: ModuleTable): Record<string, unknown> {
  const fn = vm.compileFunction(code, ['require', 'module', 'exports', '__filename', '__dirname'], { filename });
  const module = { exports: {} as Record<string, unknown> };
  const require = (name: string): unknown => {
    if (Object.prototype.hasOwnProperty.call(modules, name)) return modules[name];
    throw new ForbiddenImport(name);
  };
  fn(require, module, module.exports, filename, path.dirname(filename));
  return module.exports;
}
