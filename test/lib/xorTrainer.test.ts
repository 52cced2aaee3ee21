import {describe, expect, it} from "vitest";
import {accuracy, xor} from "../../lib/datasets.js";
import {heatGrid} from "../../lib/heatmap.js";
import {createMlp, meanLoss, predict, trainEpoch} from "../../lib/mlp.js";
import {XOR_SETUP, xorTrainer} from "../../lib/xorTrainer.js";

const data = xor();
const {inputs: heatInputs} = heatGrid([-1.6, 1.6], 10, 1);

/** The network trained from scratch, epoch by epoch, with no copies kept: the reference. */
function trainedFresh(activation: "tanh" | "linear" | "relu", seed: number, epochs: number) {
  const mlp = createMlp({sizes: [2, 8, 1], activation, seed});
  for (let e = 0; e < epochs; e++) {
    trainEpoch(mlp, data.inputs, data.targets, {learningRate: 0.2, batchSize: 4});
  }
  return mlp;
}

describe("xorTrainer", () => {
  it("uses the demo's setup: [2, 8, 1], learning rate 0.2, a copy every 50 epochs", () => {
    expect(XOR_SETUP).toEqual({sizes: [2, 8, 1], learningRate: 0.2, checkpoint: 50});
  });

  it("gives after any number of epochs, forwards or back, the network trained that long from scratch", () => {
    const trainer = xorTrainer({activation: "tanh", seed: 3, heatInputs});
    // forward past several copies, then back to between copies, then to a copy, then forward a little
    for (const epochs of [230, 75, 0, 50, 49, 260, 231]) {
      const run = trainer.at(epochs);
      const mlp = trainedFresh("tanh", 3, epochs);
      expect(run.epochs).toBe(epochs);
      expect(run.activation).toBe("tanh");
      expect(Array.from(run.outputs), `outputs after ${epochs}`).toEqual(
        Array.from(predict(mlp, data.inputs))
      );
      expect(run.loss).toBe(meanLoss(mlp, data.inputs, data.targets));
      expect(run.heat).toEqual(Array.from(predict(mlp, heatInputs)));
      expect(run.accuracy).toBe(accuracy(run.outputs, data.targets, 1e-9));
    }
  });

  it("learns XOR with tanh but not with a linear hidden layer (which sits at 0, loss ½)", () => {
    const bent = xorTrainer({activation: "tanh", seed: 1, heatInputs}).at(1000);
    const linear = xorTrainer({activation: "linear", seed: 1, heatInputs}).at(1000);
    expect(bent.accuracy).toBe(1);
    expect(linear.accuracy).toBeLessThanOrEqual(0.75);
    expect(linear.loss).toBeCloseTo(0.5, 3);
    for (const y of linear.outputs) expect(Math.abs(y)).toBeLessThan(1e-3);
    // the heat has one output per input point
    expect(bent.heat.length).toBe(heatInputs.length / 2);
  });

  it("computes each run once, and keeps the time its epochs took from the start", () => {
    let clock = 0;
    // a clock that moves 1 ms per reading
    const trainer = xorTrainer({activation: "relu", seed: 2, heatInputs, now: () => clock++});
    const start = trainer.at(0);
    expect(start.ms).toBe(1); // one reading pair around no epochs at all
    const run = trainer.at(120);
    expect(trainer.at(120)).toBe(run);
    // 0→50 and 50→100 trained into copies (1 ms each), then 100→120 replayed from the copy (1 ms)
    expect(run.ms).toBe(3);
    // 0→50 (1 ms) to the copy, then 50→60 replayed (1 ms): 100→120 above trained on, not from 50
    expect(trainer.at(60).ms).toBe(2);
    expect(trainer.at(150).ms).toBe(5); // 100→120 above (1 ms), 120→150 (1 ms), empty replay (1 ms)
  });

  it("takes its examples and any activation record", () => {
    const four = {...data, targets: Float64Array.from(data.targets, (t) => -t)};
    const run = xorTrainer({activation: "tanh", seed: 1, heatInputs, data: four}).at(1000);
    expect(run.accuracy).toBe(1);
    expect(Math.sign(run.outputs[0])).toBe(1); // (−1, −1) is now class +1
  });

  it("rejects an epoch count that is not a whole number ≥ 0", () => {
    const trainer = xorTrainer({activation: "tanh", seed: 1, heatInputs});
    for (const bad of [-1, 2.5, NaN, Infinity, -0.5]) expect(() => trainer.at(bad)).toThrow(RangeError);
    expect(trainer.at(-0).epochs).toBe(0);
  });
});
