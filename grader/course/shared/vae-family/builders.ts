import type { Impl, TaskTable } from '../../../tasks/types.ts';
import { commonTasks } from '../../../tasks/common.ts';
import { checkVaeModels, disposeModels } from './training.ts';

/**
 * The VAE family's builders checked by the family's convention (inputs, outputs, trainable
 * weights: checkVaeModels) before a generic model check (modelSummary, modelSeed) reads them, so
 * that a builder of the wrong shape gets the same message on every check. `classesOf` reads the
 * number of classes from the builder's arguments (0 for an unconditional VAE).
 */
export function validatedBuilderTasks(builder: string, classesOf: (args: number[]) => number): TaskTable {
  const validating = (impl: Impl): Impl => ({
    ...impl,
    [builder]: (...a: number[]) => {
      const built: unknown = impl[builder](...a);
      const [latent] = a as [number];
      const classes = classesOf(a);
      try {
        checkVaeModels(built, `${builder}(${[latent, ...(classes > 0 ? [classes] : [])].join(', ')}, seed)`, latent, classes);
      } catch (e) {
        disposeModels(built);
        throw e;
      }
      return built;
    },
  });
  return {
    modelSummary: (impl, args, ctx) => commonTasks.modelSummary!(validating(impl), args, ctx),
    modelSeed: (impl, args, ctx) => commonTasks.modelSeed!(validating(impl), args, ctx),
  };
}
