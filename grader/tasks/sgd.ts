import { optimizerTasks, sgdStepper } from './optimizers.ts';

export const tasks = optimizerTasks(sgdStepper, (b) => ({ lr: Number(b.lr) }));
