// The playground's warm-up trains a throwaway network of the shape the reader set, a few steps
// per idle period, and only when that shape's generated code is not warm yet; training, or the
// trainer going away, stops it at once.
import {beforeAll, describe, expect, it, vi} from "vitest";
import {createMlp} from "../../lib/mlp.js";

// the browser's idle callbacks, run by the test: each idle period lasts `ms` of a clock that
// only the steps move (a step "takes" STEP_MS)
const STEP_MS = 5;
let clock = 0;
let nextId = 1;
const pending = new Map<number, (deadline: {timeRemaining(): number}) => void>();
function idlePeriods(count = 1, ms = 50) {
  for (let k = 0; k < count; k++) {
    const callbacks = [...pending.values()];
    pending.clear();
    const end = clock + ms;
    for (const callback of callbacks) callback({timeRemaining: () => Math.max(0, end - clock)});
  }
}
let warmUp: typeof import("../../src/components/playgroundWarmUp.js").warmUp;
let warmUpDefaults: typeof import("../../src/components/playgroundWarmUp.js").warmUpDefaults;
beforeAll(async () => {
  vi.stubGlobal("requestIdleCallback", (callback: (deadline: {timeRemaining(): number}) => void) => {
    pending.set(nextId, callback);
    return nextId++;
  });
  vi.stubGlobal("cancelIdleCallback", (id: number) => pending.delete(id));
  ({warmUp, warmUpDefaults} = await import("../../src/components/playgroundWarmUp.js"));
});

/** Enough idle periods of 50 ms for every step (nine start in each) and one more. */
const allPeriods = () => idlePeriods(Math.ceil(warmUpDefaults.steps / 9) + 1);

/** Builds fresh compiled networks of a shape no other test uses, so its code starts cold. */
const network = (sizes: number[]) => () => createMlp({sizes, activation: "tanh", seed: 1, compile: true});
const step = () =>
  vi.fn(() => {
    clock += STEP_MS;
  });

describe("warmUp", () => {
  it("waits for an idle period, takes its steps on one throwaway network in a few of them, then stops", () => {
    const build = vi.fn(network([2, 5, 3, 1]));
    const seen = new Set<unknown>();
    const steps = vi.fn((mlp: unknown) => {
      seen.add(mlp);
      clock += STEP_MS;
    });
    warmUp(build, steps);
    expect(steps).not.toHaveBeenCalled();
    // a 50 ms period starts steps while more than 8 ms remain: at 50, 45, …, 10 ms, nine of them
    idlePeriods(1);
    expect(steps).toHaveBeenCalledTimes(9);
    allPeriods();
    expect(steps).toHaveBeenCalledTimes(warmUpDefaults.steps);
    expect(pending.size).toBe(0);
    expect(build).toHaveBeenCalledTimes(1);
    expect(seen.size).toBe(1);
  });

  it("does not warm a shape twice in a page", () => {
    const first = step();
    warmUp(network([2, 6, 3, 1]), first);
    allPeriods();
    expect(first).toHaveBeenCalledTimes(warmUpDefaults.steps);
    const again = step();
    warmUp(network([2, 6, 3, 1]), again);
    allPeriods();
    expect(again).not.toHaveBeenCalled();
    const other = step();
    warmUp(network([2, 6, 4, 1]), other);
    allPeriods();
    expect(other).toHaveBeenCalledTimes(warmUpDefaults.steps);
  });

  it("skips a network without generated code", () => {
    const none = step();
    warmUp(() => createMlp({sizes: [2, 3, 1], activation: "tanh", seed: 1, compile: false}), none);
    allPeriods();
    expect(none).not.toHaveBeenCalled();
  });

  it("stops when training starts, and when cancelled, and a shape left cold is warmed later", () => {
    let playing = false;
    const stopped = step();
    warmUp(network([2, 7, 3, 1]), stopped, {busy: () => playing});
    idlePeriods(1);
    expect(stopped).toHaveBeenCalledTimes(9);
    playing = true;
    allPeriods();
    expect(stopped).toHaveBeenCalledTimes(9);
    expect(pending.size).toBe(0);

    const cancelled = step();
    const cancel = warmUp(network([2, 7, 4, 1]), cancelled);
    idlePeriods(1);
    cancel();
    allPeriods();
    expect(cancelled).toHaveBeenCalledTimes(9);
    expect(pending.size).toBe(0);

    const later = step();
    warmUp(network([2, 7, 4, 1]), later);
    allPeriods();
    expect(later).toHaveBeenCalledTimes(warmUpDefaults.steps);
  });
});
