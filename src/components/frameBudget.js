// How long a page's animation loop may work in each frame so that the frames keep coming at
// the display's rate: the playground trains for a slice of every frame, and what it then
// draws (the map, the network diagram, the charts) and the browser's own rendering take the
// rest. A frame that came late (a display frame missed) shrinks the slice; frames on time let
// it grow back, up to its most. The display's frame interval is the shortest gap seen, so a
// 120 Hz screen is held to its own rate.

/** Defaults: the slice starts at, and grows back to, `most` ms; it never drops below `least`. */
export const frameBudgetDefaults = {most: 8, least: 1, shrink: 0.7, grow: 0.5};

/**
 * A budget for a loop driven by requestAnimationFrame: call `next(timestamp)` at the start
 * of each frame (the callback's timestamp) for the ms the frame may use, and `restart()`
 * when the loop stops, so a pause does not count as a late frame.
 */
export function frameBudget(options = {}) {
  const {most, least, shrink, grow} = {...frameBudgetDefaults, ...options};
  let budget = most;
  let last = null;
  let interval = Infinity; // the display's frame interval: the shortest gap seen
  return {
    next(now) {
      if (last !== null && now > last) {
        const gap = now - last;
        if (gap >= 4) interval = Math.min(interval, gap); // shorter gaps are not frames (a rerun)
        if (gap > 1.5 * interval) budget = Math.max(least, budget * shrink);
        else budget = Math.min(most, budget + grow);
      }
      last = now;
      return budget;
    },
    restart() {
      last = null;
    },
    /** The slice the next frame gets if it comes on time (for tests and readouts). */
    get ms() {
      return budget;
    }
  };
}
