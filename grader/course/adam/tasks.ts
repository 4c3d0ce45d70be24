import { adamStepper, optimizerTasks } from '../shared/optimizers/tasks.ts';

export const tasks = optimizerTasks(adamStepper, (b) => ({ lr: Number(b.lr), beta1: Number(b.beta1), beta2: Number(b.beta2), eps: Number(b.eps) }));
