/**
 * Binarised MNIST for the VAE family (vae, beta-vae, inpainting, cvae), made in the parent.
 *
 * Binarisation: a pixel is 1 when its `mnist`-package value is > 0.5 (128/255 and brighter),
 * else 0 — a fixed threshold, not a Bernoulli draw, so every seed sees the same images and the
 * ELBOs of different runs are comparable. Subsets: the first TRAIN_IMAGES of the fixed
 * training split and the first TEST_IMAGES of the test split (datasets/README.md).
 */
import { loadMnist, MNIST_CLASSES, MNIST_PIXELS } from '../../../../datasets/index.ts';
import { tensor, type Case, type WireTensor } from '../../../basics/wire.ts';

export const VAE_DATA = { threshold: 0.5, trainImages: 4000, testImages: 1000 } as const;

/** 1 where the pixel is > threshold, else 0: a copy of `images`. */
export function binarise(images: ArrayLike<number>, threshold: number = VAE_DATA.threshold): Float32Array {
  const out = new Float32Array(images.length);
  for (let i = 0; i < images.length; i++) out[i] = images[i]! > threshold ? 1 : 0;
  return out;
}

/** [n, classes] one-hot rows of `labels`. */
export function oneHot(labels: ArrayLike<number>, n: number, classes: number = MNIST_CLASSES): WireTensor {
  const out = new Float32Array(n * classes);
  for (let i = 0; i < n; i++) out[i * classes + labels[i]!] = 1;
  return tensor([n, classes], out);
}

export interface VaeSplit {
  train: { images: Float32Array; labels: Int32Array; count: number };
  test: { images: Float32Array; labels: Int32Array; count: number };
}

/** The binarised subsets as plain arrays ([count, 784] row-major, labels 0..9). */
export function binarisedMnist(trainCount: number = VAE_DATA.trainImages, testCount: number = VAE_DATA.testImages): VaeSplit {
  const { train, test } = loadMnist();
  const take = (s: typeof train, n: number) => ({ images: binarise(s.images.subarray(0, n * MNIST_PIXELS)), labels: s.labels.slice(0, n), count: n });
  return { train: take(train, trainCount), test: take(test, testCount) };
}

/**
 * The training case of the family: one argument {trainImages [N, 784], testImages [M, 784]},
 * plus one-hot trainLabels [N, 10] and testLabels [M, 10] when `labels` (the cvae).
 */
export function vaeMnistCase(labels = false): Case {
  const { train, test } = binarisedMnist();
  const data: Record<string, WireTensor> = {
    trainImages: tensor([train.count, MNIST_PIXELS], train.images),
    testImages: tensor([test.count, MNIST_PIXELS], test.images),
  };
  if (labels) {
    data.trainLabels = oneHot(train.labels, train.count);
    data.testLabels = oneHot(test.labels, test.count);
  }
  return { label: `binarised MNIST (pixel > ${VAE_DATA.threshold}), ${train.count} training and ${test.count} test images${labels ? ', one-hot labels' : ''}`, args: [data] };
}
