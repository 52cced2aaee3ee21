// The training slice of an animation frame is what the frame interval leaves after a margin and
// the most the rest of the frame's work was seen to cost; it also shrinks when frames come late
// and grows back when they come on time, within its bounds, at the display's own rate.
import {describe, expect, it, vi} from "vitest";
import {frameBudget, frameBudgetDefaults, drawDue} from "../../src/components/frameBudget.js";

/** Feeds frame timestamps `gaps` apart (the first at 0) and returns each frame's budget. */
function run(budget: ReturnType<typeof frameBudget>, gaps: number[], start = 0): number[] {
  let now = start;
  const out = [budget.next(now)];
  for (const gap of gaps) out.push(budget.next((now += gap)));
  return out;
}

describe("frameBudget", () => {
  it("gives its most while frames come every 16.7 ms", () => {
    const budget = frameBudget();
    expect(run(budget, Array(30).fill(1000 / 60)).every((ms) => ms === frameBudgetDefaults.most)).toBe(true);
  });

  it("shrinks by its factor at each late frame, never below its least, then grows back on time", () => {
    const budget = frameBudget({most: 8, least: 1, shrink: 0.5, grow: 1});
    const late = run(budget, [16.7, 16.7, 33.4, 33.4, 33.4, 33.4, 33.4]);
    expect(late.slice(3)).toEqual([4, 2, 1, 1, 1]);
    const back = run(budget, Array(8).fill(16.7), 1000);
    expect(back[0]).toBe(1); // after a pause the first frame judges nothing
    expect(back.slice(1)).toEqual([2, 3, 4, 5, 6, 7, 8, 8]);
  });

  it("holds a 120 Hz display to its own rate: a 16.7 ms gap there is a missed frame", () => {
    const budget = frameBudget({shrink: 0.5});
    run(budget, Array(5).fill(1000 / 120));
    expect(budget.next((1000 / 120) * 5 + 1000 / 60)).toBe(frameBudgetDefaults.most * 0.5);
  });

  it("does not count a pause as a late frame after restart()", () => {
    const budget = frameBudget();
    run(budget, Array(3).fill(16.7));
    budget.restart();
    expect(budget.next(5000)).toBe(frameBudgetDefaults.most);
    expect(budget.next(5016.7)).toBe(frameBudgetDefaults.most);
    expect(budget.ms).toBe(frameBudgetDefaults.most);
  });

  it("ignores timestamps that do not move forwards", () => {
    const budget = frameBudget();
    run(budget, [16.7]);
    expect(budget.next(10)).toBe(frameBudgetDefaults.most);
    expect(budget.next(10)).toBe(frameBudgetDefaults.most);
  });

  it("leaves the interval less the margin and the rest's measured cost, the most of the last few frames", () => {
    const budget = frameBudget({most: 8, least: 1, margin: 3, frames: 3});
    run(budget, [16, 16]); // the interval: 16 ms
    budget.spent(9);
    expect(budget.next(48)).toBe(16 - 3 - 9);
    budget.spent(11);
    budget.spent(5);
    expect(budget.next(64)).toBe(16 - 3 - 11); // the costliest of the last three
    budget.spent(5);
    budget.spent(5);
    expect(budget.next(80)).toBe(16 - 3 - 5); // the 11 ms frame has left the window
    budget.spent(2);
    budget.spent(2);
    budget.spent(2);
    expect(budget.next(96)).toBe(8); // never more than its most
    budget.spent(30);
    expect(budget.next(112)).toBe(1); // nor less than its least
    expect(budget.ms).toBe(1);
  });

  it("ignores a cost that is not a number of ms", () => {
    const budget = frameBudget({margin: 3});
    run(budget, [16, 16]);
    budget.spent(NaN);
    budget.spent(-1);
    expect(budget.next(48)).toBe(frameBudgetDefaults.most);
  });

  it("takes the smaller of the measured rule and the late-frame rule", () => {
    const budget = frameBudget({most: 8, least: 1, shrink: 0.5, grow: 1, margin: 3});
    run(budget, [16, 16]);
    budget.spent(7); // leaves 6 ms
    expect(budget.next(48)).toBe(6);
    expect(budget.next(80)).toBe(4); // a late frame: the late-frame rule's 8 halves to 4
  });

  it("measures a frame's other work once the frame is rendered (a task queued from the frame)", () => {
    vi.useFakeTimers({toFake: ["setTimeout"]});
    let now = 100;
    const clock = vi.spyOn(performance, "now").mockImplementation(() => now);
    try {
      const budget = frameBudget({margin: 3});
      run(budget, [16, 16]);
      budget.measure(96, 4); // the frame began at 96 and trained for 4 ms
      now = 109; // drawn and rendered by 109: 13 − 4 = 9 ms besides training
      expect(budget.ms).toBe(frameBudgetDefaults.most); // nothing recorded until the task runs
      vi.runAllTimers();
      expect(budget.ms).toBe(16 - 3 - 9);
    } finally {
      clock.mockRestore();
      vi.useRealTimers();
    }
  });
});

describe("drawDue", () => {
  it("while training, due once `interval` ms have passed since the last draw", () => {
    const at = (now: number) => drawDue({playing: true, now, last: 1000, interval: 100});
    expect(at(1016)).toBe(false);
    expect(at(1099.9)).toBe(false);
    expect(at(1100)).toBe(true);
    expect(at(1250)).toBe(true);
  });

  it("outside a running loop (a step, a reset) always due", () => {
    expect(drawDue({playing: false, now: 1016, last: 1000, interval: 100})).toBe(true);
    expect(drawDue({playing: false, now: 5000, last: 1000, interval: 100})).toBe(true);
  });
});
