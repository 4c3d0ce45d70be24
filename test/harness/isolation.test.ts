/**
 * Hostile submissions (test/fixtures/hostile/): each threat of issue 6 is denied or harmless,
 * the grade comes out whole with a clear message, and nothing leaked or changed on disk.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeExercise } from '../../grader/grade/grade-exercise.ts';
import { REPO_ROOT } from '../../grader/paths.ts';
import type { GradeResult } from '../../grader/results/types.ts';
import { check, submissionWith, summary } from '../grading.ts';
import { withEnv } from '../env.ts';

const MEMORY_CAP_MB = 768;
const REFERENCE = fs.readFileSync(path.join(REPO_ROOT, 'reference', 'optim', 'sgd.ts'), 'utf8');

function fixture(name: string, vars: Record<string, string> = {}): string {
  let src = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'hostile', `${name}.ts`), 'utf8');
  for (const [k, v] of Object.entries(vars)) src = src.replaceAll(`__${k}__`, v);
  return src;
}

async function gradeSource(source: string, timeoutCap = 6): Promise<{ r: GradeResult; dir: string }> {
  const dir = submissionWith('sgd', source);
  const r = await gradeExercise('sgd', { submissionDir: dir, backend: 'wasm', seed: 1, timeoutCap });
  return { r, dir };
}

/** Everything the grader said about this grade, as the student (or anyone) could see it. */
function everything(r: GradeResult): string {
  return JSON.stringify(r);
}

/** The other checks still scored: the trajectory check needs a working sandbox after the first one. */
function restStillScores(r: GradeResult): void {
  expect(check(r, '50-step trajectory on quadratics').passed, summary(r)).toBe(true);
  expect(r.checks).toHaveLength(3);
}

/** Lines of the answer key long enough to be telling. */
function leaksReference(text: string): boolean {
  return REFERENCE.split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 25)
    .some((l) => text.includes(l));
}

withEnv({ GRADER_MEMORY_CAP_MB: String(MEMORY_CAP_MB) });

describe('isolation: limits', () => {
  it('when the JS heap is filled then that check says "ran out of memory" and the rest still score', async () => {
    const { r } = await gradeSource(fixture('heap-bomb'), 20);
    expect(check(r, 'one step').message).toBe(`ran out of memory (cap ${MEMORY_CAP_MB} MB)`);
    restStillScores(r);
  });

  it('when typed arrays fill the memory then that check says "ran out of memory" and the rest still score', async () => {
    const { r } = await gradeSource(fixture('typed-array-bomb'), 20);
    expect(check(r, 'one step').message).toMatch(/ran out of memory \(cap 768 MB\)/);
    restStillScores(r);
  });

  it('when wasm tensors fill the memory then that check says "ran out of memory" and the rest still score', async () => {
    const { r } = await gradeSource(fixture('wasm-bomb'), 20);
    expect(check(r, 'one step').message).toMatch(/ran out of memory \(cap 768 MB\)/);
    restStillScores(r);
  });
});

describe('isolation: crashes', () => {
  it('when a timer throws after the function returned then the check names the uncaught exception and its line', async () => {
    const { r } = await gradeSource(fixture('async-throw'));
    expect(check(r, 'one step').message).toMatch(/stopped the sandbox process \(an uncaught exception at sgd\.ts:\d+:\d+: Error: async boom\)/);
    restStillScores(r);
  });

  it('when a promise is rejected and never handled then the check says so', async () => {
    const { r } = await gradeSource(fixture('rejected-promise'));
    expect(check(r, 'one step').message).toMatch(/an unhandled promise rejection at sgd\.ts:\d+:\d+: Error: rejected boom/);
    restStillScores(r);
  });
});

describe('isolation: the file system', () => {
  it('when it reads /etc/passwd, the answer key, another student, the data set or the cache by any route then every read is denied and nothing leaks', async () => {
    const other = submissionWith('sgd', 'export const secret = "OTHER-STUDENT-SECRET-42";\n');
    const { r } = await gradeSource(fixture('read-secrets', { REPO: REPO_ROOT, OTHER: other }));
    const msg = check(r, 'one step').message;
    expect(msg).not.toMatch(/READ/);
    for (const t of ['/etc/passwd', 'reference/optim/sgd.ts', `${other}/sgd/sgd.ts`, 'mnist/package.json', '.cache/expected', 'grader/inputs/shared.ts']) {
      expect(msg).toContain(`${t}: ERR_ACCESS_DENIED`);
    }
    expect(msg).toMatch(/process\.binding: ERR_ACCESS_DENIED/);
    expect(msg).toMatch(/process\.dlopen: ERR_(DLOPEN_DISABLED|ACCESS_DENIED)/);
    const all = everything(r);
    expect(all).not.toMatch(/root:x:0|OTHER-STUDENT-SECRET/);
    expect(leaksReference(all)).toBe(false);
    restStillScores(r);
  });

  it('when it imports node:fs with import() from Function-made code then the read is still denied', async () => {
    const { r } = await gradeSource(fixture('import-fs'));
    const msg = check(r, 'one step').message;
    expect(msg).toMatch(/an unhandled promise rejection.*(ERR_ACCESS_DENIED|Access to this API has been restricted|import)/);
    expect(msg).not.toMatch(/READ|root:x:0/);
    restStillScores(r);
  });

  it('when it writes outside its scratch folder then every write is denied and nothing changed on disk', async () => {
    const marker = '/tmp/grader-hostile-results.json';
    fs.rmSync(marker, { force: true });
    const dir = submissionWith('sgd', '');
    fs.writeFileSync(path.join(dir, 'sgd', 'sgd.ts'), fixture('write-outside', { REPO: REPO_ROOT, SUBMISSION: dir }));
    const before = fs.readdirSync(dir).sort();
    const r = await gradeExercise('sgd', { submissionDir: dir, backend: 'wasm', seed: 1, timeoutCap: 6 });
    const msg = check(r, 'one step').message;
    expect(msg).toContain(`${REPO_ROOT}/results.json: ERR_ACCESS_DENIED`);
    expect(msg).toContain(`${dir}/results.json: ERR_ACCESS_DENIED`);
    expect(msg).toContain(`${marker}: ERR_ACCESS_DENIED`);
    expect(msg).toMatch(/scratch\.txt: WROTE/);
    expect(fs.existsSync(path.join(REPO_ROOT, 'results.json'))).toBe(false);
    expect(fs.existsSync(marker)).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    // The scratch folder went away with the process.
    const scratch = /(\S+)\/scratch\.txt: WROTE/.exec(msg)![1]!;
    expect(fs.existsSync(scratch)).toBe(false);
    restStillScores(r);
  });
});

describe('isolation: processes, network, signals', () => {
  it('when it spawns a process, a worker, the inspector or WASI then each is denied', async () => {
    fs.rmSync('/tmp/grader-hostile-spawned', { force: true });
    const { r } = await gradeSource(fixture('spawn'));
    const msg = check(r, 'one step').message;
    for (const what of ['spawnSync', 'execSync', 'Worker', 'inspector', 'WASI']) expect(msg).toContain(`${what}: ERR_ACCESS_DENIED`);
    expect(fs.existsSync('/tmp/grader-hostile-spawned')).toBe(false);
    restStillScores(r);
  });

  const socketTest = (noNamespaces: boolean) => async () => {
    let connections = 0;
    const onConnection = (s: net.Socket): void => {
      connections++;
      s.destroy();
    };
    const server = net.createServer(onConnection);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const unix = net.createServer(onConnection);
    const sock = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'grader-sock-')), 's.sock');
    await new Promise<void>((resolve) => unix.listen(sock, resolve));
    const saved = process.env.GRADER_NO_NAMESPACES;
    if (noNamespaces) process.env.GRADER_NO_NAMESPACES = '1';
    try {
      const port = (server.address() as net.AddressInfo).port;
      const { r } = await gradeSource(fixture('socket', { PORT: String(port), SOCK: sock }));
      const msg = check(r, 'one step').message;
      for (const what of ['net.connect', 'new net.Socket().connect', 'unix socket', 'stdout pipe handle', 'http.get', 'dgram', 'dns', 'net.Server.listen']) {
        expect(msg).toContain(`${what}: SandboxDenied`);
      }
      // fetch fails asynchronously (its promise rejects): the server's count is the proof.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(connections).toBe(0);
      restStillScores(r);
    } finally {
      if (saved === undefined) delete process.env.GRADER_NO_NAMESPACES;
      else process.env.GRADER_NO_NAMESPACES = saved;
      server.close();
      unix.close();
    }
  };

  it('when it opens a socket to 127.0.0.1 (TCP, HTTP, fetch, UDP, DNS, a unix socket) then each is denied and the server sees nothing', socketTest(false));

  it('when the host has no user namespaces then the in-process denial alone still stops every socket', socketTest(true));

  it('when it kills its parent, its process group or every process then it is denied and the grader grades on', async () => {
    const { r } = await gradeSource(fixture('kill'));
    const msg = check(r, 'one step').message;
    for (const what of ['ppid', 'group 0', '-pid', '-1', '_kill']) expect(msg).toMatch(new RegExp(`${what}: SandboxDenied`));
    restStillScores(r);
  });
});

describe('isolation: the verdict cannot be forged', () => {
  it('when it prints a fake result, sends one over IPC and patches process.send, JSON.stringify and v8 then the parent still judges its real output', async () => {
    const { r } = await gradeSource(fixture('forge'));
    // It returns its inputs unchanged: the output checks fail on values, whatever it printed or sent.
    expect(check(r, 'one step').message).toMatch(/^case "shapes .*max abs error|mismatch|differ|expected/);
    expect(check(r, 'one step').passed).toBe(false);
    expect(check(r, '50-step trajectory on quadratics').passed).toBe(false);
    expect(r.studentConsole).toMatch(/"score":10/);
    expect(r.score).toBe(r.checks.reduce((a, c) => a + c.score, 0));
    expect(r.score).toBe(0);
  });

  it('when it writes its own frame to the result pipe then the check fails as tampering and the rest still score', async () => {
    const { r } = await gradeSource(fixture('forge-frame'));
    expect(check(r, 'one step').message).toMatch(/tampered with the grader's result channel/);
    restStillScores(r);
  });

  it('when it defers a forbidden built-in until its result is read, or patches Set.prototype.add, then the api checks still see the built-in', async () => {
    const r = await gradeExercise('softmax-cross-entropy', { submissionDir: submissionWith('softmax-cross-entropy', fixture('hide-builtin')), backend: 'wasm', seed: 1, timeoutCap: 6 });
    // The deferred softmax still gives the right values: only the watch can tell.
    expect(check(r, 'softmax values').passed, summary(r)).toBe(true);
    expect(check(r, 'softmax uses no built-in softmax').message).toMatch(/runs the built-in kernel Softmax/);
    expect(check(r, 'crossEntropy uses no built-in softmax or loss').message).toMatch(/uses tf\.softmax/);
    expect(check(r, 'softmax uses no built-in softmax').passed).toBe(false);
    expect(check(r, 'crossEntropy uses no built-in softmax or loss').passed).toBe(false);
  });
});
