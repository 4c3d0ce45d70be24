export {
  loadMnist,
  mnistCachePath,
  mnistCacheDir,
  mnistSplitSizes,
  MNIST_ROWS,
  MNIST_COLS,
  MNIST_PIXELS,
  MNIST_CLASSES,
  MNIST_TRAIN_COUNT,
  MNIST_TEST_COUNT,
  MNIST_SPLIT_SEED,
} from './mnist.ts';
export type { MnistData, MnistSplit, LoadMnistOptions } from './mnist.ts';
export {
  twoMoons,
  gaussianRing,
  ringCenters,
  barsAndStripes,
  barsAndStripesCount,
  sampleBarsAndStripes,
} from './synthetic.ts';
export type { TwoMoons, GaussianRing, GaussianRingOptions } from './synthetic.ts';
