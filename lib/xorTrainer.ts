// The XOR demo's network ("Why activation functions?"): a [2, 8, 1] network learning XOR by
// full-batch gradient descent, shown after any number of epochs. Training is deterministic,
// so a trainer keeps a copy of the weights every `checkpoint` epochs (and the time they
// took): going back replays from a copy, going forward trains on from the last one.

import type {Activation, ActivationId} from "./activations.js";
import {accuracy, xor} from "./datasets.js";
import type {Dataset} from "./datasets.js";
import {createMlp, meanLoss, predict, trainEpoch} from "./mlp.js";

/** The demo's fixed setup: its shape, learning rate and how often the weights are kept. */
export const XOR_SETUP = Object.freeze({sizes: Object.freeze([2, 8, 1]), learningRate: 0.2, checkpoint: 50});

/** The network after some epochs of training. */
export interface XorRun {
  /** The hidden layer's activation, as given. */
  activation: ActivationId | Activation;
  epochs: number;
  /** The outputs at the data's points, in their order. */
  outputs: Float64Array;
  /** Mean loss ½(y − t)² over the data. */
  loss: number;
  /** Fraction of the points classified right (an output within 1e-9 of 0 counts as class −1). */
  accuracy: number;
  /** The outputs at `heatInputs` (e.g. the cells of a decision map). */
  heat: number[];
  /** Milliseconds these epochs took to train, as measured while they ran from the start. */
  ms: number;
}

export interface XorTrainerOptions {
  activation: ActivationId | Activation;
  /** Seed of the random start. */
  seed: number;
  /** Inputs (n × 2, row-major) at which each run also gives the output, e.g. HeatGrid.inputs. */
  heatInputs: Float64Array;
  /** The examples; default the four XOR corners. */
  data?: Dataset;
  /** A clock in milliseconds, for `ms`; default performance.now. */
  now?: () => number;
}

/** A trainer whose `at(epochs)` gives the run after that many epochs (each run computed once). */
export function xorTrainer({
  activation,
  seed,
  heatInputs,
  data = xor(),
  now = () => performance.now()
}: XorTrainerOptions): {at(epochs: number): XorRun} {
  const {sizes, learningRate, checkpoint} = XOR_SETUP;
  const options = {learningRate, batchSize: data.count};
  const mlp = createMlp({sizes, activation, seed});
  const probe = createMlp({sizes, activation, seed}); // the copy that is evaluated
  const copies = new Map<number, {weights: Float64Array[]; biases: Float64Array[]; ms: number}>();
  const runs = new Map<number, XorRun>();
  let ms = 0;
  const keep = () =>
    copies.set(mlp.stats.epochs, {
      weights: mlp.weights.map((w) => w.slice()),
      biases: mlp.biases.map((b) => b.slice()),
      ms
    });
  keep();

  /** Trains the kept network on to at least `epochs`, keeping a copy at every checkpoint. */
  function trainTo(epochs: number) {
    while (mlp.stats.epochs < epochs) {
      const started = now();
      const stop = Math.min(epochs, (Math.floor(mlp.stats.epochs / checkpoint) + 1) * checkpoint);
      while (mlp.stats.epochs < stop) trainEpoch(mlp, data.inputs, data.targets, options);
      ms += now() - started;
      if (mlp.stats.epochs % checkpoint === 0) keep();
    }
  }

  function at(count: number): XorRun {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`epochs must be a whole number ≥ 0, got ${String(count)}`);
    }
    const epochs = Math.abs(count); // −0 is 0
    const known = runs.get(epochs);
    if (known) return known;
    trainTo(epochs);
    // the latest copy at or before `epochs`, trained on to exactly `epochs` (fewer than `checkpoint`)
    const from = checkpoint * Math.floor(epochs / checkpoint);
    const copy = copies.get(from)!;
    copy.weights.forEach((w, l) => probe.weights[l].set(w));
    copy.biases.forEach((b, l) => probe.biases[l].set(b));
    const started = now();
    for (let e = from; e < epochs; e++) trainEpoch(probe, data.inputs, data.targets, options);
    const extra = now() - started;
    const outputs = predict(probe, data.inputs);
    const run: XorRun = {
      activation,
      epochs,
      outputs,
      loss: meanLoss(probe, data.inputs, data.targets),
      // |output| < 1e-9 is round-off around 0, not a decision: it counts as class −1
      accuracy: accuracy(outputs, data.targets, 1e-9),
      heat: Array.from(predict(probe, heatInputs)),
      ms: copy.ms + extra
    };
    runs.set(epochs, run);
    return run;
  }
  return {at};
}
