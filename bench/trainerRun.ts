// One trainer measurement, as a fresh process or a fresh browser makes it: lib's trainEpoch
// against the nn.ts-style object graph (./object-graph.ts) with the same initial weights, on
// the circle dataset scaled to a chosen range, then lib's predict and unitValues over a
// 100×100 grid, and the playground's pass per redraw (one pass over its 60×60 grid giving the
// map and every unit at the 20×20 preview cells). No Node or DOM API here: the caller passes the clock, so the same code runs under node
// (./trainerNode.ts) and in Chromium (./trainerBrowser.ts), bundled by ./fresh.ts.

import {circle} from "../lib/datasets.js";
import {createMlp, predict, trainEpoch} from "../lib/mlp.js";
import {unitValues, unitValuesAt} from "../lib/mlpUnits.js";
import {gridPass, PREVIEW_BLOCK} from "../src/components/playgroundPass.js";
import type {Mlp} from "../lib/mlp.js";
import {median} from "./median.js";
import {buildNetwork, nnActivations, trainEpochObjectGraph} from "./object-graph.js";
import type {Network} from "./object-graph.js";

/** What one fresh process reports for one data scale. */
export interface TrainerTiming {
  /** Inputs span [−scale, scale]² (5: TensorFlow Playground's range; 1: the course's). */
  scale: number;
  /** Mean ms per epoch over the first `coldEpochs` epochs of a new network, compile time included. */
  coldMs: number;
  coldReferenceMs: number;
  /** Median ms per epoch once warm (interleaved blocks of epochs, after `warmupMs` of training). */
  ms: number;
  referenceMs: number;
  /** The same for lib's plain loops (compile: false), so the generated code keeps earning its place. */
  loopsMs: number;
  /** ms for one predict over a 100×100 grid: 2-8-8-1, and 6 hidden layers of 8 units. */
  predictMs: number;
  predictDeepMs: number;
  /** ms for unitValues over the same grid (every unit's map, z and f′ too), the same two networks. */
  unitsMs: number;
  unitsDeepMs: number;
  /**
   * ms for what the playground computes per redraw with its diagram shown, 6 hidden layers of 8:
   * its one pass over the 60×60 grid (src/components/playgroundPass.js), the outputs for the
   * data chart's map and every unit at every third cell centre (20×20) for every unit's map.
   */
  pageDeepMs: number;
}

export interface TrainerRunOptions {
  scale: number;
  /** Milliseconds, monotonic: the wall clock in a browser, CPU time under node. */
  clock: () => number;
  coldEpochs?: number;
  /** Training time of each contender before the warm timing starts. */
  warmupMs?: number;
  /** Timed blocks per contender, and epochs per block. */
  blocks?: number;
  epochsPerBlock?: number;
}

/** The benchmark's network: 2-8-8-1, tanh hidden and output units, as the issue measured it. */
export const trainerNetwork = {
  sizes: [2, 8, 8, 1],
  activation: "tanh",
  outputActivation: "tanh",
  seed: 3
} as const;
export const trainOptions = {learningRate: 0.03, batchSize: 10};

/** The circle dataset (1000 points, disc and ring) with its inputs multiplied by `scale`. */
export function circleData(scale: number): {inputs: Float64Array; targets: Float64Array} {
  const {inputs, targets} = circle({count: 1000, seed: 42});
  for (let k = 0; k < inputs.length; k++) inputs[k] *= scale;
  return {inputs, targets};
}

/** An object-graph network with exactly the mlp's initial weights and activations (tanh). */
export function objectGraphLike(mlp: Mlp): Network {
  const weights = mlp.weights.flatMap((w) => Array.from(w));
  let next = 0;
  return buildNetwork([...mlp.sizes], nnActivations.tanh, nnActivations.tanh, () => weights[next++]);
}

/** The points of a side × side grid over [−scale, scale]², row-major pairs. */
function grid(side: number, scale: number): Float64Array {
  const points = new Float64Array(2 * side * side);
  for (let k = 0; k < side * side; k++) {
    points[2 * k] = -scale + (2 * scale * (k % side)) / (side - 1);
    points[2 * k + 1] = -scale + (2 * scale * Math.floor(k / side)) / (side - 1);
  }
  return points;
}

export function runTrainer(options: TrainerRunOptions): TrainerTiming {
  const {scale, clock, coldEpochs = 40, warmupMs = 400, blocks = 15, epochsPerBlock = 10} = options;
  const {inputs, targets} = circleData(scale);
  const mlp = createMlp(trainerNetwork);
  const loops = createMlp({...trainerNetwork, compile: false});
  const graph = objectGraphLike(mlp);
  const {learningRate, batchSize} = trainOptions;
  const ours = () => trainEpoch(mlp, inputs, targets, trainOptions);
  const plain = () => trainEpoch(loops, inputs, targets, trainOptions);
  const reference = () => trainEpochObjectGraph(graph, inputs, targets, learningRate, batchSize);
  const epochs = (fn: () => void, count: number) => {
    const start = clock();
    for (let e = 0; e < count; e++) fn();
    return (clock() - start) / count;
  };
  // a new network, as a reader gets one: the first epochs include the engine's compiling
  const coldMs = epochs(ours, coldEpochs);
  const coldReferenceMs = epochs(reference, coldEpochs);
  const contenders = [ours, reference, plain];
  for (const fn of contenders) {
    // long enough for the engine to have optimised it, on a busy machine too
    const start = clock();
    for (let e = 0; e < 100 || clock() - start < warmupMs; e++) fn();
  }
  const samples: number[][] = contenders.map(() => []);
  for (let b = 0; b < blocks; b++) {
    // rotate which goes first, so a change of machine load hits all alike
    for (let k = 0; k < contenders.length; k++) {
      const c = (b + k) % contenders.length;
      samples[c].push(epochs(contenders[c], epochsPerBlock));
    }
  }
  return {
    scale,
    coldMs,
    coldReferenceMs,
    ms: median(samples[0]),
    referenceMs: median(samples[1]),
    loopsMs: median(samples[2]),
    ...timeMaps(mlp, createMlp({...trainerNetwork, sizes: [2, 8, 8, 8, 8, 8, 8, 1]}), scale, clock)
  };
}

/** Median ms of one call of `run` (twice per sample), after warming it up. */
function timeCalls(run: () => void, clock: () => number): number {
  const start = clock();
  for (let k = 0; k < 40 || clock() - start < 150; k++) run();
  const samples: number[] = [];
  for (let r = 0; r < 15; r++) {
    const t = clock();
    run();
    run();
    samples.push((clock() - t) / 2);
  }
  return median(samples);
}

/**
 * The decision map over the 100×100 grid: predict, and unitValues (every unit), for both
 * networks; and the playground's pass per redraw for the deep one, as the page runs it
 * (src/components/playgroundPass.js, over the page's own grid): marked out of date as after a
 * step of training, then asked for the data chart's map over its 60×60 grid, which records every
 * unit at every third cell centre (20×20) on its way, and for the network diagram's maps, read
 * from that pass.
 */
function timeMaps(mlp: Mlp, deep: Mlp, scale: number, clock: () => number) {
  const points = grid(100, scale);
  const out = new Float64Array(100 * 100);
  const units = unitValues(mlp, points);
  const unitsDeep = unitValues(deep, points);
  const pass = gridPass();
  pass.withUnits(unitValuesAt); // the diagram is shown
  const page = {mlp: deep};
  return {
    predictMs: timeCalls(() => predict(mlp, points, out), clock),
    predictDeepMs: timeCalls(() => predict(deep, points, out), clock),
    unitsMs: timeCalls(() => unitValues(mlp, points, units), clock),
    unitsDeepMs: timeCalls(() => unitValues(deep, points, unitsDeep), clock),
    pageDeepMs: timeCalls(() => {
      pass.invalidate();
      pass.over(page, 1);
      pass.over(page, PREVIEW_BLOCK);
    }, clock)
  };
}
