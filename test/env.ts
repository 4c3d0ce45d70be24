import { afterAll, beforeAll } from 'vitest';

/** Sets environment variables for the tests of the calling file, and puts them back after. */
export function withEnv(vars: Record<string, string | (() => string)>): void {
  const saved = new Map<string, string | undefined>();
  beforeAll(() => {
    for (const [k, v] of Object.entries(vars)) {
      saved.set(k, process.env[k]);
      process.env[k] = typeof v === 'function' ? v() : v;
    }
  });
  afterAll(() => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}
