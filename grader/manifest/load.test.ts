import { describe, expect, it } from 'vitest';
import { listExerciseIds, loadManifest, ManifestError, parseManifest } from './load.ts';

const valid = () => ({
  id: 'sgd',
  title: 't',
  notes: '0.3.2',
  exports: { sgdStep: 'function' },
  reference: 'reference/optim/sgd.ts',
  checks: [{ name: 'one step', kind: 'output', points: 1, export: 'sgdStep', cases: 'oneStep' }],
});

function problems(raw: unknown): string[] {
  try {
    parseManifest(raw, '/repo/exercises/sgd/exercise.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ManifestError);
    expect((e as Error).message).toMatch(/exercise\.json: invalid exercise manifest/);
    return (e as ManifestError).problems;
  }
  return [];
}

describe('exercise manifests', () => {
  it('when every manifest in exercises/ is loaded then each is valid', () => {
    const ids = listExerciseIds();
    expect(ids).toContain('sgd');
    for (const id of ids) expect(loadManifest(id).id).toBe(id);
  });

  it('when a check has an unknown kind then the JSON path and the allowed kinds are named', () => {
    const m = valid();
    (m.checks[0] as Record<string, unknown>).kind = 'vibes';
    expect(problems(m)).toContainEqual(expect.stringMatching(/^\/checks\/0\/kind: must be equal to one of the allowed values \(output, gradient/));
  });

  it('when a required key is missing or an unknown key appears then both are named', () => {
    const m = valid() as Record<string, unknown>;
    delete m.reference;
    m.colour = 'blue';
    const p = problems(m);
    expect(p).toContainEqual("(top level): must have required property 'reference'");
    expect(p).toContainEqual('(top level): unknown key "colour"');
  });

  it('when a gradient check has no wrt then that is an error at its path', () => {
    const m = valid();
    m.checks[0] = { ...m.checks[0]!, kind: 'gradient' };
    expect(problems(m)).toContainEqual("/checks/0: must have required property 'wrt'");
  });

  it('when a check names an export the exercise does not have then it is refused', () => {
    const m = valid();
    m.checks[0]!.export = 'sgdstep';
    expect(problems(m)).toContainEqual('/checks/0/export: "sgdstep" is not among the exports (sgdStep)');
  });

  it('when the reference file does not exist then it is refused', () => {
    const m = valid();
    m.reference = 'reference/optim/nope.ts';
    expect(problems(m)).toContainEqual('/reference: reference/optim/nope.ts does not exist');
  });

  it('when two checks share a name then the second is named', () => {
    const m = valid();
    m.checks.push({ ...m.checks[0]! });
    expect(problems(m)).toContainEqual('/checks/1/name: duplicate check name "one step"');
  });

  it('when the manifest file is missing then the error names the file', () => {
    expect(() => loadManifest('no-such-exercise')).toThrow(/no-such-exercise\/exercise\.json: invalid exercise manifest\n {2}- file is missing or unreadable/);
  });
});
