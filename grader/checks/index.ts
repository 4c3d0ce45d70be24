import type { CheckKind } from '../manifest/types.ts';
import { accuracyCheck } from './accuracy.ts';
import { againstReference } from './against-reference.ts';
import { apiCheck } from './api.ts';
import { judgedCheck } from './judged.ts';
import type { CheckRunner } from './context.ts';

/** One runner per check kind. */
export const CHECK_RUNNERS: Partial<Record<CheckKind, CheckRunner>> = {
  output: (ctx) => againstReference(ctx, ctx.check.task ?? 'call'),
  gradient: (ctx) => againstReference(ctx, ctx.check.task ?? 'gradient'),
  accuracy: accuracyCheck,
  api: apiCheck,
  property: judgedCheck,
  distribution: judgedCheck,
};
