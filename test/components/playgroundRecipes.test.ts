// What /playground's "What to try" says of its new recipes, checked with lib at the setups its
// links load (the page's defaults for the rest: circle data, noise 0.1, split ½, seed 1,
// batch 10, initialisation auto): the deep sigmoid network that stalls trains once the skips
// are on, and x₁², x₂² let a network with no hidden layer draw the circle.
import {describe, expect, test} from "vitest";
import {accuracy} from "../../lib/datasets.js";
import {featureInputs, type FeatureId} from "../../lib/features.js";
import {initialisationFor} from "../../lib/initialisation.js";
import {createMlp, meanLoss, predict, trainEpoch} from "../../lib/mlp.js";
import {defaultState, playgroundData} from "../../lib/playground.js";

function train({
  activation,
  units,
  lr,
  residual = false,
  features = ["x1", "x2"],
  epochs
}: {
  activation: "sigmoid" | "tanh";
  units: number[];
  lr: number;
  residual?: boolean;
  features?: FeatureId[];
  epochs: number;
}) {
  const {train: set, test: held} = playgroundData({...defaultState, dataset: "circle"});
  const inputs = featureInputs(set.inputs, features);
  const mlp = createMlp({
    sizes: [features.length, ...units, 1],
    activation,
    seed: defaultState.seed,
    init: initialisationFor(activation).id,
    residual
  });
  for (let e = 0; e < epochs; e++) {
    trainEpoch(mlp, inputs, set.targets, {learningRate: lr, batchSize: defaultState.batch});
  }
  return {
    loss: meanLoss(mlp, inputs, set.targets),
    accuracy: accuracy(predict(mlp, featureInputs(held.inputs, features)), held.targets),
    gradients: Array.from(mlp.stats.gradientNorms)
  };
}

const six = Array.from({length: 6}, () => 4);

describe("the playground's recipes", () => {
  test("6 sigmoid layers of 4 at a learning rate of 0.1: stalled without skips, the circle within 200 epochs with them", () => {
    expect(defaultState.init).toBe("auto");
    const plain = train({activation: "sigmoid", units: six, lr: 0.1, epochs: 200});
    expect(plain.loss).toBeGreaterThan(0.49); // as at the start: ½ for outputs near 0 on targets ±1
    expect(plain.gradients[0] / plain.gradients[6]).toBeLessThan(1e-3); // "a thousandfold apart"
    const skips = train({activation: "sigmoid", units: six, lr: 0.1, residual: true, epochs: 200});
    expect(skips.loss).toBeLessThan(0.15);
    expect(skips.accuracy).toBeGreaterThan(0.9);
    // the layers' gradient sizes stay within a factor of about twenty of one another
    expect(Math.min(...skips.gradients) / Math.max(...skips.gradients)).toBeGreaterThan(1 / 30);
  }, 30_000);

  test("no hidden layer: fed x₁² and x₂² it draws the circle within a few dozen epochs; fed x₁, x₂ it cannot", () => {
    const squares = train({
      activation: "tanh",
      units: [],
      lr: 0.03,
      features: ["x1Squared", "x2Squared"],
      epochs: 30
    });
    expect(squares.accuracy).toBeGreaterThan(0.9);
    const plain = train({activation: "tanh", units: [], lr: 0.03, epochs: 200});
    expect(plain.accuracy).toBeLessThan(0.6);
  });
});
