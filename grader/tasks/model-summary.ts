import * as tf from '@tensorflow/tfjs';

/** One layer of a model as plain data: what the structure judge reads (grader/judges/structure.ts). */
export interface LayerSummary {
  name: string;
  className: string;
  /** Names of the layers feeding this one (its first inbound node; none for an input layer). */
  inbound: string[];
  /** The layer's activation when it has one ('linear', 'relu', 'softmax'…), else ''. */
  activation: string;
  padding: string;
  params: number;
  /** The seed a Dropout layer draws its masks with (null: unseeded, as the READMEs ask). */
  dropoutSeed: number | null;
  /** The seed of the layer's kernel initializer, when it has a seeded one (else null). */
  kernelSeed: number | null;
  /** A pooling layer's window and strides (else []): a 1×1 window with stride 1 does nothing. */
  poolSize: number[];
  strides: number[];
}

export interface ModelSummary {
  layers: LayerSummary[];
  /** The layer whose output is the model's output. */
  output: string;
  params: number;
  /** Whether the builder compiled the model (the READMEs ask for it uncompiled). */
  compiled: boolean;
}

/** The seed in a serialised initializer config ({className, config: {seed}}), or null. */
function seedOf(init: unknown): number | null {
  const seed = (init as { config?: { seed?: unknown } } | undefined)?.config?.seed;
  return typeof seed === 'number' ? seed : null;
}

/** A layer config's number or number list as a list (poolSize: 2 or [2, 2]); [] for anything else. */
function numbers(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  return Array.isArray(v) ? v.filter((e): e is number => typeof e === 'number') : [];
}

function activationOf(layer: tf.layers.Layer): string {
  const cfg = layer.getConfig() as Record<string, unknown>;
  const a = cfg.activation;
  if (typeof a === 'string') return a;
  if (a && typeof a === 'object' && 'className' in a) return String((a as { className: unknown }).className);
  // Activation layers by class: ReLU, LeakyReLU, ELU, Softmax, ThresholdedReLU, PReLU.
  return ['ReLU', 'LeakyReLU', 'ELU', 'Softmax', 'ThresholdedReLU', 'PReLU'].includes(layer.getClassName()) ? layer.getClassName().toLowerCase() : '';
}

/**
 * The graph of a LayersModel as plain data: every layer (those of nested models too, in order)
 * with its class, the layers feeding it, its activation, padding and parameter count.
 */
export function summariseModel(model: tf.LayersModel): ModelSummary {
  const layers: LayerSummary[] = [];
  const visit = (m: tf.LayersModel) => {
    for (const layer of m.layers) {
      const node = (layer as unknown as { inboundNodes: { inboundLayers: tf.layers.Layer[] }[] }).inboundNodes[0];
      const cfg = layer.getConfig() as Record<string, unknown>;
      layers.push({
        name: layer.name,
        className: layer.getClassName(),
        inbound: (node?.inboundLayers ?? []).map((l) => l.name),
        activation: activationOf(layer),
        padding: typeof cfg.padding === 'string' ? cfg.padding : '',
        params: layer.countParams(),
        dropoutSeed: layer.getClassName() === 'Dropout' && typeof cfg.seed === 'number' ? cfg.seed : null,
        kernelSeed: seedOf(cfg.kernelInitializer),
        poolSize: /Pooling/.test(layer.getClassName()) ? numbers(cfg.poolSize) : [],
        strides: /Pooling/.test(layer.getClassName()) ? numbers(cfg.strides) : [],
      });
      if (layer instanceof tf.LayersModel) visit(layer);
    }
  };
  visit(model);
  const out = (model.outputs[0] as unknown as { sourceLayer?: tf.layers.Layer } | undefined)?.sourceLayer?.name ?? '';
  return { layers, output: out, params: model.countParams(), compiled: model.optimizer != null };
}
