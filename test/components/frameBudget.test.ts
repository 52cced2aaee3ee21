// The training slice of an animation frame shrinks when frames come late and grows back when
// they come on time, within its bounds, at the display's own rate.
import {describe, expect, it} from "vitest";
import {frameBudget, frameBudgetDefaults} from "../../src/components/frameBudget.js";

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
    expect(budget.next(1000 / 120 * 5 + 1000 / 60)).toBe(frameBudgetDefaults.most * 0.5);
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
});
