import type { CheckKind } from '../manifest/types.ts';
import { accuracyCheck } from './accuracy.ts';
import { againstReference } from './against-reference.ts';
import { apiCheck } from './api.ts';
import { judgedCheck } from './judged.ts';
import type { CheckRunner } from './context.ts';
import { taskOf } from '../manifest/check-defaults.ts';

/** One runner per check kind. */
export const CHECK_RUNNERS: Partial<Record<CheckKind, CheckRunner>> = {
  output: (ctx) => againstReference(ctx, taskOf(ctx.check)!),
  gradient: (ctx) => againstReference(ctx, taskOf(ctx.check)!),
  accuracy: accuracyCheck,
  api: apiCheck,
  property: judgedCheck,
  distribution: judgedCheck,
};
