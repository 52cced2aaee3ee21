// @vitest-environment jsdom
// The playground's trainer tells its panel what changed, and the panel redraws only that:
// pressing Play changes the buttons and the state line, and the first frame of training draws
// the network; pausing, resetting and editing a weight redraw everything. Animation frames run
// when the test says (the browser's would run the training loop at once), and the panel's
// clock is theirs: what it draws at most so often (the charts, a map slow to draw) is due by
// the test's time, not by how busy the machine running it is.
import {afterEach, beforeAll, describe, expect, test, vi} from "vitest";
import {getActivation} from "../../lib/activations.js";
import {playgroundData} from "../../lib/playground.js";
import {installCanvas, painted} from "./canvas.js";
import type {Loose} from "./snapshot.js";

const frames = new Map<number, (now: number) => void>();
let nextFrame = 1;
let clock = 0;
/** Runs the animation frames queued so far, `count` times over. */
function runFrames(count = 1) {
  for (let k = 0; k < count; k++) {
    const callbacks = [...frames.values()];
    frames.clear();
    clock += 16.7;
    for (const callback of callbacks) callback(clock);
  }
}

let createTrainer: Loose<typeof import("../../src/components/playgroundTrainer.js")>["createTrainer"];
let trainingPanel: Loose<typeof import("../../src/components/playground.js")>["trainingPanel"];
beforeAll(async () => {
  installCanvas();
  vi.stubGlobal("requestAnimationFrame", (callback: (now: number) => void) => {
    frames.set(nextFrame, callback);
    return nextFrame++;
  });
  vi.stubGlobal("cancelAnimationFrame", (id: number) => frames.delete(id));
  // no idle periods: the warm-up never runs in these tests
  vi.stubGlobal("requestIdleCallback", () => 0);
  vi.stubGlobal("cancelIdleCallback", () => {});
  vi.stubGlobal("matchMedia", () => ({matches: false, addEventListener() {}, removeEventListener() {}}));
  ({createTrainer} = await import("../../src/components/playgroundTrainer.js"));
  ({trainingPanel} = await import("../../src/components/playground.js"));
});
afterEach(() => frames.clear());

const data = playgroundData({dataset: "circle", noise: 0.1, split: 0.5, seed: 1});
const trainerFor = () =>
  createTrainer({
    ...data,
    hidden: [4, 4],
    activation: getActivation("tanh"),
    seed: 1,
    learningRate: 0.03,
    batchSize: 10
  });

describe("the trainer's events", () => {
  test("Play sends 'play'; each frame of training 'train'; Pause, Reset and an edit 'state'", () => {
    const trainer = trainerFor();
    const events: string[] = [];
    trainer.subscribe((type: string) => events.push(type));
    trainer.play();
    expect(events).toEqual(["play"]);
    expect(trainer.mlp.stats.epochs).toBe(0); // nothing trained until the first frame
    runFrames(2);
    expect(events).toEqual(["play", "train", "train"]);
    expect(trainer.mlp.stats.epochs).toBeGreaterThan(0);
    trainer.play(); // playing already: nothing to say
    expect(events).toHaveLength(3);
    trainer.pause();
    expect(events.at(-1)).toBe("state");
    trainer.setWeight(0, 0, 0, 0.5);
    trainer.reset();
    expect(events.slice(3)).toEqual(["state", "state", "state"]);
  });
});

describe("the panel on Play", () => {
  test("Play redraws the buttons and the state line, not the map; the first frame draws the map", () => {
    const now = vi.spyOn(performance, "now").mockImplementation(() => clock);
    const trainer = trainerFor();
    const panel = trainingPanel(trainer, {width: 640});
    const canvas = panel.canvas as HTMLCanvasElement;
    const before = painted.get(canvas);
    expect(before).toBeDefined();
    const play = panel.querySelector(".pg-play")!;
    expect(play.getAttribute("aria-pressed")).toBe("false");
    const state = panel.querySelector(".pg-state")!.textContent;

    trainer.play();
    expect(play.getAttribute("aria-pressed")).toBe("true");
    expect(panel.querySelector(".pg-state")!.textContent).not.toBe(state);
    expect(painted.get(canvas)).toBe(before); // the same pixels object: not painted again

    // the first frame of training draws the map (the charts were drawn less than 200 ms ago)
    runFrames(1);
    expect(painted.get(canvas)).not.toBe(before);
    expect(panel.dataset.epoch).not.toBe("0");
    trainer.pause();
    panel.dispose();
    now.mockRestore();
  });
});
