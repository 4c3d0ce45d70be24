import { behaviourJudges } from './behaviour.ts';
import { structureJudges } from './structure.ts';
import type { JudgeTable } from './types.ts';

/** The judges every exercise has without a judges.ts of its own: behaviour probes and model structure. */
export const genericJudges: JudgeTable = { ...behaviourJudges, ...structureJudges };
