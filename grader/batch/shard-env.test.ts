import { describe, expect, it } from 'vitest';
import { describeShardFromEnv, shardFromEnv, ShardEnvError } from './shard-env.ts';
import { studentsOfShard } from './students.ts';

const err = (env: Record<string, string>): string => {
  try {
    shardFromEnv(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ShardEnvError);
    return (e as Error).message;
  }
  throw new Error('expected a ShardEnvError');
};

describe('--shard auto: Slurm job array', () => {
  it('when ids start at 0 then task 0 of 4 is shard 1/4 and task 3 is 4/4', () => {
    const base = { SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '3', SLURM_ARRAY_TASK_COUNT: '4' };
    expect(shardFromEnv({ ...base, SLURM_ARRAY_TASK_ID: '0' })).toMatchObject({ scheduler: 'slurm', shard: { index: 1, count: 4 } });
    expect(shardFromEnv({ ...base, SLURM_ARRAY_TASK_ID: '3' }).shard).toEqual({ index: 4, count: 4 });
  });

  it('when ids start at 1 then task 1 is shard 1 and task 4 is shard 4', () => {
    const base = { SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '4', SLURM_ARRAY_TASK_COUNT: '4' };
    expect(shardFromEnv({ ...base, SLURM_ARRAY_TASK_ID: '1' }).shard).toEqual({ index: 1, count: 4 });
    expect(shardFromEnv({ ...base, SLURM_ARRAY_TASK_ID: '4' }).shard).toEqual({ index: 4, count: 4 });
  });

  it('when ids start anywhere (--array=100-102) then the offset from MIN is the shard', () => {
    const base = { SLURM_ARRAY_TASK_MIN: '100', SLURM_ARRAY_TASK_MAX: '102', SLURM_ARRAY_TASK_COUNT: '3' };
    expect(shardFromEnv({ ...base, SLURM_ARRAY_TASK_ID: '101' }).shard).toEqual({ index: 2, count: 3 });
  });

  it('when COUNT is absent then MIN and MAX give the count', () => {
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '5', SLURM_ARRAY_TASK_MAX: '8' }).shard).toEqual({ index: 3, count: 4 });
  });

  it('when MAX is absent then COUNT gives the count', () => {
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '3' }).shard).toEqual({ index: 3, count: 3 });
  });

  it('when the array has a step (--array=0-6:2) then ids 0,2,4,6 are shards 1..4', () => {
    const base = { SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '6', SLURM_ARRAY_TASK_STEP: '2', SLURM_ARRAY_TASK_COUNT: '4' };
    expect(['0', '2', '4', '6'].map((id) => shardFromEnv({ ...base, SLURM_ARRAY_TASK_ID: id }).shard.index)).toEqual([1, 2, 3, 4]);
    expect(err({ ...base, SLURM_ARRAY_TASK_ID: '3' })).toMatch(/SLURM_ARRAY_TASK_ID=3 is not on the array's step/);
  });

  it('when the array is a list with gaps (--array=1,4,9) then it is refused: COUNT does not match MIN..MAX', () => {
    expect(err({ SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '9', SLURM_ARRAY_TASK_COUNT: '3' })).toMatch(/SLURM_ARRAY_TASK_COUNT=3 but MIN..MAX \(1..9, step 1\) holds 9 ids.*--shard i\/n/);
  });

  it('when the id is outside MIN..MAX then it is refused, naming the variable', () => {
    const base = { SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '4', SLURM_ARRAY_TASK_COUNT: '4' };
    expect(err({ ...base, SLURM_ARRAY_TASK_ID: '0' })).toMatch(/SLURM_ARRAY_TASK_ID=0 is outside the array \(1 to 4\)/);
    expect(err({ ...base, SLURM_ARRAY_TASK_ID: '5' })).toMatch(/SLURM_ARRAY_TASK_ID=5 is outside/);
  });

  it('when a value is not an integer then it is refused, naming the variable and value', () => {
    expect(err({ SLURM_ARRAY_TASK_ID: 'x', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '2' })).toMatch(/SLURM_ARRAY_TASK_ID='x' is not an integer/);
    expect(err({ SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '2.5' })).toMatch(/SLURM_ARRAY_TASK_COUNT='2.5' is not an integer/);
    expect(err({ SLURM_ARRAY_TASK_ID: '1e0', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '2' })).toMatch(/not an integer/);
  });

  it('when MIN, or both COUNT and MAX, are missing then it says which', () => {
    expect(err({ SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '2' })).toMatch(/SLURM_ARRAY_TASK_MIN is not/);
    expect(err({ SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '0' })).toMatch(/neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MAX/);
  });

  it('when MAX is below MIN or COUNT is 0 then it is refused', () => {
    expect(err({ SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '3', SLURM_ARRAY_TASK_MAX: '1' })).toMatch(/SLURM_ARRAY_TASK_MAX=1 is below SLURM_ARRAY_TASK_MIN=3/);
    expect(err({ SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '0' })).toMatch(/SLURM_ARRAY_TASK_COUNT=0 must be at least 1/);
  });

  it('when it is a Slurm job but not an array task then the error says to use sbatch --array', () => {
    expect(err({ SLURM_JOB_ID: '1234' })).toMatch(/not an array task; submit with sbatch --array/);
  });
});

describe('--shard auto: Kubernetes Indexed Job', () => {
  it('when JOB_COMPLETION_INDEX is 0-based with GRADER_SHARD_COUNT then index 0 is shard 1 and index n-1 is shard n', () => {
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '0', GRADER_SHARD_COUNT: '4' })).toMatchObject({ scheduler: 'kubernetes', shard: { index: 1, count: 4 } });
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '3', GRADER_SHARD_COUNT: '4' }).shard).toEqual({ index: 4, count: 4 });
  });

  it('when the count is missing then it points at the manifest', () => {
    expect(err({ JOB_COMPLETION_INDEX: '0' })).toMatch(/GRADER_SHARD_COUNT is not.*spec.completions.*examples\/kubernetes/);
  });

  it('when the index is out of range or not an integer then it is refused, naming both variables', () => {
    expect(err({ JOB_COMPLETION_INDEX: '4', GRADER_SHARD_COUNT: '4' })).toMatch(/JOB_COMPLETION_INDEX=4 is out of range for GRADER_SHARD_COUNT=4 \(0-based: 0 to 3\)/);
    expect(err({ JOB_COMPLETION_INDEX: '-1', GRADER_SHARD_COUNT: '4' })).toMatch(/JOB_COMPLETION_INDEX=-1 is out of range/);
    expect(err({ JOB_COMPLETION_INDEX: 'one', GRADER_SHARD_COUNT: '4' })).toMatch(/JOB_COMPLETION_INDEX='one' is not an integer/);
    expect(err({ JOB_COMPLETION_INDEX: '0', GRADER_SHARD_COUNT: '0' })).toMatch(/GRADER_SHARD_COUNT=0 must be at least 1/);
  });
});

describe('--shard auto: GitHub Actions matrix and the generic pair', () => {
  it('when GITHUB_ACTIONS is set with GRADER_SHARD_INDEX (strategy.job-index) and GRADER_SHARD_COUNT then it is that shard', () => {
    expect(shardFromEnv({ GITHUB_ACTIONS: 'true', GRADER_SHARD_INDEX: '2', GRADER_SHARD_COUNT: '4' })).toMatchObject({ scheduler: 'github-actions', shard: { index: 3, count: 4 } });
  });

  it('when only the generic pair is set then it is used as is', () => {
    expect(shardFromEnv({ GRADER_SHARD_INDEX: '0', GRADER_SHARD_COUNT: '1' })).toMatchObject({ scheduler: 'environment', shard: { index: 1, count: 1 } });
  });

  it('when GitHub Actions runs without the matrix variables then nothing is found', () => {
    expect(err({ GITHUB_ACTIONS: 'true' })).toMatch(/found no scheduler/);
    expect(err({ GITHUB_ACTIONS: 'true', GRADER_SHARD_INDEX: '0' })).toMatch(/GRADER_SHARD_COUNT is not.*strategy.job-total/);
  });

  it('when both Slurm and the generic pair are set then Slurm wins (its own variables come first)', () => {
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '2', GRADER_SHARD_INDEX: '1', GRADER_SHARD_COUNT: '2' }).scheduler).toBe('slurm');
  });
});

describe('--shard auto: nothing found and the stderr line', () => {
  it('when no scheduler variable is set then the error names every variable it reads', () => {
    const m = err({ PATH: '/usr/bin' });
    for (const v of ['SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_COUNT', 'SLURM_ARRAY_TASK_MIN', 'JOB_COMPLETION_INDEX', 'GRADER_SHARD_COUNT', 'GRADER_SHARD_INDEX', '--shard i/n']) expect(m).toContain(v);
  });

  it('when empty strings are set then they count as unset', () => {
    expect(err({ SLURM_ARRAY_TASK_ID: '', JOB_COMPLETION_INDEX: ' ' })).toMatch(/found no scheduler/);
  });

  it('when found then the line says the scheduler, the values read and the shard', () => {
    const line = describeShardFromEnv(shardFromEnv({ SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '5', SLURM_ARRAY_TASK_MAX: '8' }));
    expect(line).toBe('--shard auto: Slurm job array (SLURM_ARRAY_TASK_ID=7, SLURM_ARRAY_TASK_MIN=5, SLURM_ARRAY_TASK_MAX=8) → shard 3/4');
  });

  it('when every task of an array reads its shard then the shards are disjoint and cover the class', () => {
    const students = Array.from({ length: 11 }, (_, k) => `s${String(k).padStart(2, '0')}`);
    const seen = [10, 11, 12].flatMap((id) => studentsOfShard(students, shardFromEnv({ SLURM_ARRAY_TASK_ID: String(id), SLURM_ARRAY_TASK_MIN: '10', SLURM_ARRAY_TASK_MAX: '12' }).shard));
    expect([...seen].sort()).toEqual(students);
  });
});
