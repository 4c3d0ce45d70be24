import type { CheckSpec, StructureRequirements } from '../manifest/types.ts';
import type { Judge, JudgeTable } from './types.ts';
import type { LayerSummary, ModelSummary } from '../tasks/model-summary.ts';

/** The tf.layers factory a student writes for each layer class, for messages. */
const FACTORY: Record<string, string> = {
  Conv2D: 'tf.layers.conv2d', MaxPooling2D: 'tf.layers.maxPooling2d', AveragePooling2D: 'tf.layers.averagePooling2d', Flatten: 'tf.layers.flatten',
  Dense: 'tf.layers.dense', Add: 'tf.layers.add', Concatenate: 'tf.layers.concatenate', Dropout: 'tf.layers.dropout', ReLU: 'tf.layers.reLU',
};
const factory = (cls: string) => FACTORY[cls] ?? cls;
const LINEAR = new Set(['', 'linear']);
const WEIGHTED = new Set(['Conv2D', 'Dense', 'DepthwiseConv2D', 'SeparableConv2D', 'Conv2DTranspose']);

/** A pooling layer whose window and strides are all 1 (older summaries without them: not one). */
const isNoOpPool = (l: LayerSummary): boolean => (l.poolSize ?? []).length > 0 && [...l.poolSize, ...(l.strides ?? [])].every((k) => k === 1);

/** "InputLayer, Conv2D ×2, MaxPooling2D, Flatten, Dense" — the model's layer classes in order, runs counted. */
function describeLayers(s: ModelSummary): string {
  const runs: [string, number][] = [];
  for (const l of s.layers) {
    const last = runs[runs.length - 1];
    if (last && last[0] === l.className) last[1]++;
    else runs.push([l.className, 1]);
  }
  return `${runs.map(([c, n]) => (n > 1 ? `${c} ×${n}` : c)).join(', ')} (${s.params.toLocaleString('en-US')} parameters)`;
}

/**
 * Whether `from` reaches `to` going backwards from `to` along inbound edges through at least one
 * weighted layer (a convolution or a dense layer) — i.e. `to` is something computed from `from`.
 */
function computedFrom(byName: Map<string, LayerSummary>, to: string, from: string): boolean {
  const seen = new Set<string>();
  const stack: [string, boolean][] = [[to, WEIGHTED.has(byName.get(to)?.className ?? '')]];
  while (stack.length > 0) {
    const [name, weighted] = stack.pop()!;
    for (const up of byName.get(name)?.inbound ?? []) {
      if (up === from && weighted) return true;
      const key = `${up}/${weighted}`;
      if (seen.has(key)) continue;
      seen.add(key);
      stack.push([up, weighted || WEIGHTED.has(byName.get(up)?.className ?? '')]);
    }
  }
  return false;
}

/** A join (Add / Concatenate) one of whose inputs is computed, through weights, from another of its inputs. */
function skipJoins(s: ModelSummary, cls: string): LayerSummary[] {
  const byName = new Map(s.layers.map((l) => [l.name, l]));
  return s.layers.filter((l) => l.className === cls && l.inbound.some((a) => l.inbound.some((b) => a !== b && computedFrom(byName, b, a))));
}

/** Layers that pass their inputs on unchanged in value: joins and reshapes, no weights, no activation. */
const PASS_ON = new Set(['Concatenate', 'Reshape', 'Flatten', 'Dropout', 'Permute']);

/** The layers whose values reach the output through `out` and pass-on layers only (out itself when it is not one). */
function outputSources(s: ModelSummary, out: LayerSummary): LayerSummary[] {
  const byName = new Map(s.layers.map((l) => [l.name, l]));
  const found: LayerSummary[] = [];
  const seen = new Set<string>();
  const stack = [out];
  while (stack.length > 0) {
    const l = stack.pop()!;
    if (seen.has(l.name)) continue;
    seen.add(l.name);
    if (!PASS_ON.has(l.className)) found.push(l);
    else for (const up of l.inbound) { const u = byName.get(up); if (u) stack.push(u); }
  }
  return found;
}

/** What is missing from the model, one phrase per requirement not met. */
export function missingStructure(s: ModelSummary, req: StructureRequirements): string[] {
  const missing: string[] = [];
  for (const [cls, n] of Object.entries(req.layers ?? {})) {
    const all = s.layers.filter((l) => l.className === cls);
    // A pooling layer with a 1×1 window and stride 1 returns its input: it does not count.
    const noOp = all.filter(isNoOpPool);
    const have = all.length - noOp.length;
    const idle = noOp.length > 0 ? `; ${noOp.map((l) => l.name).join(', ')} pool${noOp.length === 1 ? 's' : ''} a 1×1 window with stride 1, which returns its input unchanged` : '';
    if (have < n) missing.push(`${n === 1 ? 'a' : `at least ${n}`} ${factory(cls)} layer${n === 1 ? '' : 's'} (it has ${have}${idle})`);
  }
  if (req.skip) {
    const joins = s.layers.filter((l) => l.className === req.skip);
    if (skipJoins(s, req.skip).length === 0) {
      const what = req.skip === 'Add' ? 'a residual connection: a tf.layers.add whose inputs are a tensor and what convolutions made of it (x + C(x))' : 'a dense connection: a tf.layers.concatenate whose inputs are a tensor and what a convolution made of it (concat(x, relu(conv(x))))';
      missing.push(`${what}${joins.length > 0 ? ` (its ${joins.length} ${factory(req.skip)} layer${joins.length === 1 ? ' joins' : 's join'} tensors neither of which is computed from the other)` : ''}`);
    }
  }
  for (const cls of req.reluAfter ?? []) {
    const consumers = (name: string) => s.layers.filter((l) => l.inbound.includes(name));
    const bare = s.layers.filter((l) => l.className === cls && l.activation !== 'relu' && !consumers(l.name).every((c) => c.activation === 'relu'));
    if (bare.length > 0) missing.push(`a ReLU on every ${factory(cls)} layer (activation: 'relu'); ${bare.map((l) => l.name).join(', ')} ha${bare.length === 1 ? 's' : 've'} ${bare[0]!.activation || 'no activation'}`);
  }
  if (req.nonlinearHidden && !s.layers.some((l) => l.name !== s.output && !LINEAR.has(l.activation))) {
    missing.push('a nonlinearity between the layers (e.g. activation: \'relu\' on a hidden dense layer): without one the model is a single linear map');
  }
  if (req.unseededDropout) {
    const seeded = s.layers.filter((l) => l.dropoutSeed !== null);
    if (seeded.length > 0) missing.push(`unseeded dropout: ${seeded.map((l) => `${l.name} has seed ${l.dropoutSeed}`).join(', ')} (a seeded tfjs dropout draws the same mask at every step; leave it unseeded, the grader seeds Math.random)`);
  }
  if (req.distinctSeeds) {
    const bySeed = new Map<number, string[]>();
    for (const l of s.layers) if (l.kernelSeed !== null) bySeed.set(l.kernelSeed, [...(bySeed.get(l.kernelSeed) ?? []), l.name]);
    const shared = [...bySeed.entries()].filter(([, names]) => names.length > 1);
    if (shared.length > 0) missing.push(`a different initializer seed per layer: ${shared.map(([seed, names]) => `${names.join(' and ')} share seed ${seed}`).join('; ')}`);
  }
  if (req.uncompiled && s.compiled) missing.push('to be returned uncompiled: it was compiled, but the grader compiles it with its own optimizer and loss');
  if (req.logits) {
    const out = s.layers.find((l) => l.name === s.output);
    const leave = 'leave it linear — the grader\'s loss applies the softmax or sigmoid itself, and log σ² must be able to go negative';
    if (out && !LINEAR.has(out.activation)) missing.push(`logits at the output (a linear last layer): its last layer (${out.name}, ${out.className}) applies ${out.activation}; ${leave}`);
    else if (out) {
      // An output that only joins or reshapes (two heads concatenated) is as linear as what it joins.
      const inner = outputSources(s, out).filter((l) => !LINEAR.has(l.activation));
      if (inner.length > 0) missing.push(`logits at the output (a linear last layer): its last layer (${out.name}, ${out.className}) passes on ${inner.map((l) => `${l.name} (${l.className}), which applies ${l.activation}`).join(', ')}; ${leave}`);
    }
  }
  return missing;
}

function structureJudge(): Judge {
  return ({ values, check }: { values: unknown[]; check: CheckSpec }) => {
    const s = values[0] as unknown as ModelSummary;
    const req = check.requires ?? {};
    const missing = missingStructure(s, req);
    const who = `${check.export ?? 'the builder'}(…)${check.output ? `.${check.output}` : ''}`;
    if (missing.length === 0) return { passed: true, message: `${who} has what the README requires: ${describeLayers(s)}` };
    const rule = check.rule ? ` (README: "${check.rule}")` : '';
    return { passed: false, message: `${who}'s model lacks ${missing.join('; and ')}${rule}. It has: ${describeLayers(s)}` };
  };
}

export const structureJudges: JudgeTable = { modelStructure: structureJudge() };
