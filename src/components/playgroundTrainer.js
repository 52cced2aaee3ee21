// The playground's trainer: one network (lib's fast MLP) trained on the training set in
// slices of epochs per animation frame, with the numbers and histories its panel shows.
import {createMlp, meanLoss, trainEpoch} from "../lib/mlp.js";
import {accuracy} from "../lib/datasets.js";
import {featureInputs} from "../lib/features.js";
import {EpochHistory} from "../lib/playground.js";
import {frameBudget} from "./frameBudget.js";
import {warmUp} from "./playgroundWarmUp.js";

/** Epochs the loss and gradient histories keep at most (they thin out beyond). */
const HISTORY_POINTS = 250;

/** Training points the warm-up trains on at most: the engine counts calls, not points. */
const WARM_SAMPLE = 250;

/**
 * Trains a network on `train` and measures it on `test` ({inputs, targets} each: 2-D points,
 * targets ±1, or values in [−1, 1] when `regression`), in slices of up to `epochsPerFrame`
 * epochs per animation frame. The network's inputs are the points' `features` (ids of
 * ../lib/features.js); `hidden` (units per hidden layer), `activation`, `seed`, `init` (an
 * initialisation id), `residual` and `loss` ("squaredError", or "binaryCrossEntropy": a
 * sigmoid output trained on targets 0/1) set the network; `learningRate`, `batchSize`,
 * `regularization` ({kind, rate}) and `epochsPerFrame` can change while it trains
 * (setOptions). Starts paused at epoch 0. Listeners get "train" after every slice of epochs,
 * "play" when it starts playing (nothing the network computes has changed yet), "state" on
 * pause, reset and a weight's edit, and "config" when the options change.
 */
export function createTrainer(options) {
  const listeners = new Set();
  const emit = (type) => listeners.forEach((listener) => listener(type));
  const features = options.features ?? ["x1", "x2"];
  const loss = options.loss ?? "squaredError";
  const trainer = {
    regression: false,
    init: "glorotUniform",
    residual: false,
    regularization: {kind: "none", rate: 0},
    ...options,
    features,
    loss,
    /** Whether the output is a sigmoid (cross-entropy): read against ½ rather than 0. */
    sigmoidOutput: loss === "binaryCrossEntropy",
    sizes: [features.length, ...options.hidden, 1],
    epochsPerFrame: options.epochsPerFrame ?? 5,
    playing: false,
    diverged: false,
    mlp: null,
    losses: null,
    gradients: null,
    trainLoss: NaN,
    testLoss: NaN,
    testAccuracy: NaN,
    /** The network's inputs for 2-D points (n × 2): their features, n × features.length. */
    inputsOf: (points, out) => featureInputs(points, features, out),
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
      if (trainer.diverged || trainer.empty) return;
      epoch();
      emit("train");
    },
    play() {
      if (trainer.playing || trainer.diverged || trainer.empty) return;
      trainer.playing = true;
      frame = requestAnimationFrame(loop);
      emit("play");
    },
    pause() {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
      budget.restart();
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
    /** New values of learningRate, batchSize, regularization or epochsPerFrame, for the epochs to come. */
    setOptions(changes) {
      Object.assign(trainer, changes);
      emit("config");
    },
    dispose() {
      stopWarmUp();
      trainer.pause();
      listeners.clear();
    }
  };
  let frame = null;
  // the slice of each frame spent training: up to 8 ms, less when the map, the diagram and the
  // charts drawn after it and the browser's rendering need the rest (./frameBudget.js)
  const budget = frameBudget();
  let compiled = false;
  const {train, test} = trainer;
  // what the network sees: the points' features, and for cross-entropy the labels as 0/1
  const trainSet = {inputs: trainer.inputsOf(train.inputs), targets: targetsFor(train.targets)};
  const testSet = {inputs: trainer.inputsOf(test.inputs), targets: targetsFor(test.targets)};
  trainer.trainSet = trainSet;
  trainer.testSet = testSet;
  function targetsFor(targets) {
    return trainer.sigmoidOutput ? targets.map((t) => (t > 0 ? 1 : 0)) : targets;
  }

  /** The seeded network at epoch 0. */
  function network({compile}) {
    return createMlp({
      sizes: trainer.sizes,
      activation: trainer.activation,
      seed: trainer.seed,
      init: trainer.init,
      residual: trainer.residual,
      loss: loss,
      outputActivation: trainer.sigmoidOutput ? "sigmoid" : "linear",
      compile
    });
  }

  // the test set's outputs, from the pass that measures its loss, give its accuracy
  const testOutputs = new Float64Array(test.targets.length);
  // a reader's own data may hold too few points for a training set and a test set: then the
  // set that is empty has no loss (NaN), and with no training set nothing trains
  trainer.empty = train.targets.length === 0;
  function measure() {
    trainer.trainLoss = trainer.empty ? NaN : meanLoss(trainer.mlp, trainSet.inputs, trainSet.targets);
    if (test.targets.length === 0) {
      trainer.testLoss = trainer.testAccuracy = NaN;
      return;
    }
    trainer.testLoss = meanLoss(trainer.mlp, testSet.inputs, testSet.targets, testOutputs);
    // a regression has no classes to get right; a sigmoid output predicts +1 above ½
    trainer.testAccuracy = trainer.regression
      ? NaN
      : accuracy(testOutputs, test.targets, trainer.sigmoidOutput ? 0.5 : 0);
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
    trainEpoch(mlp, trainSet.inputs, trainSet.targets, {
      learningRate: trainer.learningRate,
      batchSize: trainer.batchSize,
      regularization: trainer.regularization
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

  function loop(now) {
    frame = null;
    const start = performance.now();
    const ms = budget.next(now ?? start);
    let done = 0;
    do epoch();
    while (++done < trainer.epochsPerFrame && !trainer.diverged && performance.now() - start < ms);
    const trained = performance.now() - start;
    emit("train");
    budget.measure(start, trained); // what the drawing and the browser's rendering took
    if (trainer.playing) frame = requestAnimationFrame(loop);
  }

  trainer.reset();
  // while the page is idle, the code this shape trains with is made fast on a throwaway
  // network and a sample of the training set (./playgroundWarmUp.js)
  const sample = {
    inputs: trainSet.inputs.slice(0, WARM_SAMPLE * features.length),
    targets: trainSet.targets.slice(0, WARM_SAMPLE)
  };
  const stopWarmUp = trainer.empty
    ? () => {}
    : warmUp(
        () => network({compile: true}),
        (mlp) => {
          trainEpoch(mlp, sample.inputs, sample.targets, {
            learningRate: trainer.learningRate,
            batchSize: trainer.batchSize,
            regularization: trainer.regularization
          });
          meanLoss(mlp, sample.inputs, sample.targets);
        },
        {busy: () => trainer.playing || compiled}
      );
  return trainer;
}
