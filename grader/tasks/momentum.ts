import { momentumStepper, optimizerTasks } from './optimizers.ts';

export const tasks = optimizerTasks(momentumStepper, (b) => ({ lr: Number(b.lr), gamma: Number(b.gamma) }));
