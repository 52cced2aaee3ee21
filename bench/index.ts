// Benchmarks of lib/, each reported as a ratio against a baseline measured in the same run:
//   1. activation evaluations per second, lib vs TensorFlow.js (CPU backend)
//   2. trainer examples per second, lib's trainEpoch vs an nn.ts-style object graph (lib both
//      ways: its default, code generated for the shape, and its plain loops, compile: false)
//   3. predict over a 100×100 grid, lib (both ways) vs the object graph's forward pass
// Run: npx tsx bench/index.ts   (about 30 s on an idle machine; medians of several timed runs
// after warm-up, with the contenders' runs interleaved so load changes hit both alike)

import {activations, createMlp, createRandom, predict, trainEpoch, uniform} from "../lib/index.js";
import type {Activation, ActivationId, Mlp} from "../lib/index.js";
import {median} from "./median.js";
import {benchDeepStats} from "./deepStats.js";
import {buildNetwork, forwardProp, nnActivations, trainEpochObjectGraph} from "./object-graph.js";
import type {Network} from "./object-graph.js";

/**
 * Seconds of CPU time this process has used. Timing by CPU time rather than the wall clock
 * keeps other processes (a site build, a browser under test) out of the figures, mostly.
 */
function cpuSeconds(): number {
  const {user, system} = process.cpuUsage();
  return (user + system) / 1e6;
}

/** How many calls of fn take at least minSeconds (after a warm-up that lets the JIT compile). */
function callsPerBatch(fn: () => void, minSeconds: number): number {
  let calls = 1;
  for (;;) {
    const start = cpuSeconds();
    for (let i = 0; i < calls; i++) fn();
    if (cpuSeconds() - start >= minSeconds) return calls;
    calls *= 2;
  }
}

/**
 * Median CPU seconds per call of each function. Batches of the functions alternate, so a change
 * in machine load during the run affects all of them alike and their ratio stays fair.
 */
function timeInterleaved(fns: (() => void)[], runs = 9, minSeconds = 0.1): number[] {
  const calls = fns.map((fn) => callsPerBatch(fn, minSeconds));
  const samples: number[][] = fns.map(() => []);
  for (let r = 0; r < runs; r++) {
    fns.forEach((fn, k) => {
      const start = cpuSeconds();
      for (let i = 0; i < calls[k]; i++) fn();
      samples[k].push((cpuSeconds() - start) / calls[k]);
    });
  }
  return samples.map(median);
}

const format = (n: number, digits = 3) => n.toPrecision(digits);
const perSecond = (count: number, seconds: number) => `${format(count / seconds / 1e6)}M/s`;

/** The circle dataset: points in [−1, 1]², +1 inside radius 0.6, −1 outside. */
function circleData(n: number, seed: number): {inputs: Float64Array; targets: Float64Array} {
  const random = createRandom(seed);
  const inputs = new Float64Array(2 * n);
  const targets = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = uniform(random, -1, 1);
    const y = uniform(random, -1, 1);
    inputs[2 * i] = x;
    inputs[2 * i + 1] = y;
    targets[i] = Math.hypot(x, y) < 0.6 ? 1 : -1;
  }
  return {inputs, targets};
}

/** An object-graph tanh network with exactly the mlp's initial weights. */
function objectGraphLike(mlp: Mlp): Network {
  const weights = mlp.weights.flatMap((w) => Array.from(w));
  let next = 0;
  return buildNetwork([...mlp.sizes], nnActivations.tanh, nnActivations.tanh, () => weights[next++]);
}

async function benchActivations(): Promise<void> {
  const tf = await import("@tensorflow/tfjs");
  // tfjs advises installing tfjs-node once per process; the comparison is with the CPU backend on purpose
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes("running TensorFlow.js in Node.js")) warn(...args);
  };
  await tf.setBackend("cpu");
  await tf.ready();
  tf.tidy(() => tf.sigmoid(tf.scalar(0)).dataSync());
  console.warn = warn;
  const n = 100_000;
  const random = createRandom(7);
  const x64 = Float64Array.from({length: n}, () => uniform(random, -6, 6));
  const x32 = Float32Array.from(x64);
  const out = new Float64Array(n);
  const ops: [ActivationId, (t: import("@tensorflow/tfjs").Tensor) => import("@tensorflow/tfjs").Tensor][] = [
    ["sigmoid", (t) => tf.sigmoid(t)],
    ["tanh", (t) => tf.tanh(t)],
    ["relu", (t) => tf.relu(t)],
    ["gelu", (t) => tf.mul(tf.mul(t, 0.5), tf.add(1, tf.erf(tf.mul(t, Math.SQRT1_2))))],
    ["swish", (t) => tf.mul(t, tf.sigmoid(t))]
  ];
  console.log(
    `\n1. Activation evaluations, ${n.toLocaleString("en")} points (lib: Float64Array loop; tfjs: Float32Array → tensor → op → dataSync)`
  );
  console.log("   activation   lib f       tfjs f      ratio    lib f′      tfjs f′ (tf.grad)  ratio");
  for (const [id, op] of ops) {
    const act: Activation = activations[id];
    const gradient = tf.grad(op);
    const [libF, libDf, tfF, tfDf] = timeInterleaved(
      [
        () => {
          for (let i = 0; i < n; i++) out[i] = act.f(x64[i]);
        },
        () => {
          for (let i = 0; i < n; i++) out[i] = act.df(x64[i]);
        },
        () => tf.tidy(() => op(tf.tensor1d(x32)).dataSync()),
        () => tf.tidy(() => gradient(tf.tensor1d(x32)).dataSync())
      ],
      5,
      0.05
    );
    console.log(
      `   ${id.padEnd(11)}  ${perSecond(n, libF).padEnd(10)}  ${perSecond(n, tfF).padEnd(10)}  ${format(tfF / libF).padStart(5)}×   ` +
        `${perSecond(n, libDf).padEnd(10)}  ${perSecond(n, tfDf).padEnd(17)}  ${format(tfDf / libDf).padStart(5)}×`
    );
  }
}

function benchTrainer(): void {
  const {inputs, targets} = circleData(1000, 42);
  const options = {learningRate: 0.03, batchSize: 10};
  const network = {sizes: [2, 8, 8, 1], activation: "tanh", outputActivation: "tanh", seed: 3} as const;
  const mlp = createMlp(network);
  const loops = createMlp({...network, compile: false});
  const graph = objectGraphLike(mlp);
  // same start, same data, same order: the trainers should report the same losses
  const lossLib = trainEpoch(mlp, inputs, targets, options);
  const lossLoops = trainEpoch(loops, inputs, targets, options);
  const lossGraph = trainEpochObjectGraph(graph, inputs, targets, options.learningRate, options.batchSize);
  const [libEpoch, loopsEpoch, graphEpoch] = timeInterleaved([
    () => trainEpoch(mlp, inputs, targets, options),
    () => trainEpoch(loops, inputs, targets, options),
    () => trainEpochObjectGraph(graph, inputs, targets, options.learningRate, options.batchSize)
  ]);
  console.log("\n2. Training 2-8-8-1 tanh, 1000 circle points, batch 10, learning rate 0.03");
  console.log(
    `   first-epoch loss: lib ${lossLib.toFixed(12)}, lib loops ${lossLoops.toFixed(12)}, object graph ${lossGraph.toFixed(12)}`
  );
  const line = (name: string, seconds: number) =>
    console.log(
      `   ${name.padEnd(41)}${perSecond(1000, seconds)} examples (${format(seconds * 1e3)} ms/epoch)`
    );
  line(`lib trainEpoch (${mlp.scratch.compiled ? "generated code" : "loops"}):`, libEpoch);
  line("lib trainEpoch (loops, compile: false):", loopsEpoch);
  line("object graph (nn.ts):", graphEpoch);
  console.log(
    `   ratio: ${format(graphEpoch / libEpoch)}× (target ≥ 3×); loops ${format(graphEpoch / loopsEpoch)}×; ` +
      `default over loops ${format(loopsEpoch / libEpoch)}×`
  );
}

function benchPredict(): void {
  const side = 100;
  const grid = new Float64Array(2 * side * side);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      grid[2 * (r * side + c)] = -1 + (2 * c) / (side - 1);
      grid[2 * (r * side + c) + 1] = -1 + (2 * r) / (side - 1);
    }
  }
  const network = {sizes: [2, 8, 8, 1], activation: "tanh", outputActivation: "tanh", seed: 3} as const;
  const mlp = createMlp(network);
  const loops = createMlp({...network, compile: false});
  const graph = objectGraphLike(mlp);
  const out = new Float64Array(side * side);
  const point = new Float64Array(2);
  const [lib, libLoops, objectGraph] = timeInterleaved([
    () => predict(mlp, grid, out),
    () => predict(loops, grid, out),
    () => {
      for (let i = 0; i < side * side; i++) {
        point[0] = grid[2 * i];
        point[1] = grid[2 * i + 1];
        out[i] = forwardProp(graph, point);
      }
    }
  ]);
  console.log("\n3. predict on a 100×100 grid (10,000 points), 2-8-8-1 tanh");
  console.log(
    `   lib predict (${mlp.scratch.compiled ? "generated code" : "loops"}):`.padEnd(42) +
      `${format(lib * 1e3)} ms (target < 4 ms)`
  );
  console.log(`   lib predict (loops, compile: false):   ${format(libLoops * 1e3)} ms`);
  console.log(`   object-graph forward:                  ${format(objectGraph * 1e3)} ms`);
  console.log(`   ratio: ${format(objectGraph / lib)}×; loops ${format(objectGraph / libLoops)}×`);
}

const started = performance.now();
console.log(`lib benchmarks — Node ${process.version}`);
benchTrainer();
benchPredict();
await benchActivations();
benchDeepStats(4);
console.log(`\nTotal ${format((performance.now() - started) / 1000)} s`);
