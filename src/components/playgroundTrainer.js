// The playground's trainer: one network (lib's fast MLP) trained on the training set in
// slices of epochs per animation frame, with the numbers and histories its panel shows.
import {createMlp, meanLoss, trainEpoch} from "../lib/mlp.js";
import {accuracy} from "../lib/datasets.js";
import {EpochHistory} from "../lib/playground.js";

/** Most of a frame the training loop may use, so the page stays responsive. */
const FRAME_BUDGET_MS = 8;
/** Epochs the loss and gradient histories keep at most (they thin out beyond). */
const HISTORY_POINTS = 250;

/**
 * Trains a network on `train` and measures it on `test` ({inputs, targets} each), in slices
 * of up to `epochsPerFrame` epochs per animation frame. `sizes`, `activation` and `seed` set
 * the network; `learningRate`, `batchSize` and `epochsPerFrame` can change while it trains
 * (setOptions). Starts paused at epoch 0. Listeners get "train" after every slice of epochs,
 * "state" on play/pause/reset and "config" when the options change.
 */
export function createTrainer(options) {
  const listeners = new Set();
  const emit = (type) => listeners.forEach((listener) => listener(type));
  const trainer = {
    ...options,
    epochsPerFrame: options.epochsPerFrame ?? 5,
    playing: false,
    diverged: false,
    mlp: null,
    losses: null,
    gradients: null,
    trainLoss: NaN,
    testLoss: NaN,
    testAccuracy: NaN,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Back to the seeded initial weights, epoch 0, empty charts, paused. */
    reset() {
      trainer.pause();
      // The seeded network in lib's plain loops: quick to build, and that code is already warm,
      // so a slider that resets training stays cheap. The version compiled for this shape
      // (several times faster to train, same results) is built by the first epoch.
      trainer.mlp = network({compile: false});
      compiled = false;
      trainer.losses = new EpochHistory(HISTORY_POINTS);
      trainer.gradients = new EpochHistory(HISTORY_POINTS);
      trainer.diverged = false;
      measure();
      emit("state");
    },
    /** One epoch (one pass over the training set in mini-batches). */
    step() {
      if (trainer.diverged) return;
      epoch();
      emit("train");
    },
    play() {
      if (trainer.playing || trainer.diverged) return;
      trainer.playing = true;
      frame = requestAnimationFrame(loop);
      emit("state");
    },
    pause() {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
      if (!trainer.playing) return;
      trainer.playing = false;
      emit("state");
    },
    /**
     * A reader's edit: weight i → j of weight layer l (mlp.weights[l][j·sizes[l] + i]) set to
     * a finite `value`; the losses and accuracy are measured again and listeners get "state".
     */
    setWeight(l, j, i, value) {
      const {sizes, weights} = trainer.mlp;
      if (!(l >= 0 && l < weights.length && j >= 0 && j < sizes[l + 1] && i >= 0 && i < sizes[l])) {
        throw new Error(`no weight from unit ${i} to unit ${j} of weight layer ${l}`);
      }
      if (!Number.isFinite(value)) throw new Error(`a weight must be a finite number, got ${String(value)}`);
      weights[l][j * sizes[l] + i] = value;
      measure();
      emit("state");
    },
    /** New values of learningRate, batchSize or epochsPerFrame, for the epochs to come. */
    setOptions(changes) {
      Object.assign(trainer, changes);
      emit("config");
    },
    dispose() {
      trainer.pause();
      listeners.clear();
    }
  };
  let frame = null;
  let compiled = false;
  const {train, test} = trainer;

  /** The seeded network at epoch 0. */
  function network({compile}) {
    return createMlp({sizes: trainer.sizes, activation: trainer.activation, seed: trainer.seed, compile});
  }

  // the test set's outputs, from the pass that measures its loss, give its accuracy
  const testOutputs = new Float64Array(test.targets.length);
  function measure() {
    trainer.trainLoss = meanLoss(trainer.mlp, train.inputs, train.targets);
    trainer.testLoss = meanLoss(trainer.mlp, test.inputs, test.targets, testOutputs);
    trainer.testAccuracy = accuracy(testOutputs, test.targets);
  }

  function epoch() {
    if (!compiled) {
      // the compiled network starts from the weights so far: the seeded ones and any the
      // reader has edited (setWeight)
      const start = trainer.mlp;
      trainer.mlp = network({compile: true});
      start.weights.forEach((w, l) => trainer.mlp.weights[l].set(w));
      start.biases.forEach((b, l) => trainer.mlp.biases[l].set(b));
      compiled = true;
    }
    const {mlp} = trainer;
    trainEpoch(mlp, train.inputs, train.targets, {
      learningRate: trainer.learningRate,
      batchSize: trainer.batchSize
    });
    measure();
    const e = mlp.stats.epochs;
    trainer.losses.push(e, [trainer.trainLoss, trainer.testLoss]);
    trainer.gradients.push(e, Array.from(mlp.stats.gradientNorms));
    if (!Number.isFinite(trainer.trainLoss)) {
      trainer.diverged = true;
      trainer.pause();
    }
  }

  function loop() {
    frame = null;
    const start = performance.now();
    let done = 0;
    do epoch();
    while (
      ++done < trainer.epochsPerFrame &&
      !trainer.diverged &&
      performance.now() - start < FRAME_BUDGET_MS
    );
    emit("train");
    if (trainer.playing) frame = requestAnimationFrame(loop);
  }

  trainer.reset();
  return trainer;
}
