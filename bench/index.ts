// Benchmarks of lib/, each reported as a ratio against a baseline measured in the same run:
//   1. activation evaluations per second, lib vs TensorFlow.js (CPU backend)
//   2. the trainer, lib's trainEpoch vs an nn.ts-style object graph (and lib's plain loops,
//      compile: false), and predict over a 100×100 grid, each measured in several fresh node
//      processes and fresh Chromium browsers (./fresh.ts), median and slowest reported
//   3. the deep random network's statistics (./deepStats.ts), in a fresh node process and a
//      fresh Chromium
// Run: npm run bench   (4–6 minutes; BENCH_FRESH_RUNS=6 fresh engines per data scale). Medians of several timed runs after warm-up, with the contenders' runs
// interleaved so load changes hit them alike.

import {spawnSync} from "node:child_process";
import {loadavg} from "node:os";
import {fileURLToPath} from "node:url";
import {activations, createRandom, uniform} from "../lib/index.js";
import type {Activation, ActivationId} from "../lib/index.js";
import {median} from "./median.js";
import {freshChromiumRuns, freshNodeRuns} from "./fresh.js";
import {reportFresh} from "./freshReport.js";

/** The 1, 5 and 15 minute load averages: how busy the machine was (2 cores: above 2 is queueing). */
const loadAverage = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");

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

const started = performance.now();
console.log(`lib benchmarks — Node ${process.version}`);
await benchActivations();
const runs = Number(process.env.BENCH_FRESH_RUNS ?? 6);
console.log(
  `\n2. Training 2-8-8-1 tanh (tanh output), 1000 circle points, batch 10, learning rate 0.03, in fresh engines;\n` +
    `   ms per epoch once warm (median of 15 interleaved blocks of 10 epochs), the first 40 epochs from cold,\n` +
    `   and the map over a 100×100 grid. Machine load before: ${loadAverage()}`
);
reportFresh("node " + process.version, await freshNodeRuns({runs, scales: [5, 1]}));
reportFresh("Chromium", await freshChromiumRuns({runs, scales: [5, 1]}));
console.log(`   machine load after: ${loadAverage()}`);
// its own process, as the page's worker is a fresh engine: nothing measured above (tfjs, the
// trainer) leaves garbage or compiled code behind to slow it or speed it up
spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL("./deepStats.ts", import.meta.url)), "3"], {
  stdio: "inherit"
});
console.log(`\nTotal ${format((performance.now() - started) / 1000)} s`);
