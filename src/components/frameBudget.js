// How long a page's animation loop may work in each frame so that the frames keep coming at
// the display's rate: the playground trains for a slice of every frame, and what it then
// draws (the map, the network diagram, the charts) and the browser's own rendering take the
// rest. The slice is sized from what that rest was seen to cost: the display's frame interval
// less a margin and less the most the rest took over the last few frames, measured once each
// frame has been rendered. A frame that still came late (a display frame missed: work the
// measure does not see, such as another task) shrinks the slice further; frames on time let
// it grow back, up to its most. The display's frame interval is the shortest gap seen, so a
// 120 Hz screen is held to its own rate.

/**
 * Defaults: the slice starts at, and grows back to, `most` ms; it never drops below `least`;
 * `margin` ms of each frame are left free; the rest's cost is the most of the last `frames`.
 */
export const frameBudgetDefaults = {most: 8, least: 1, shrink: 0.7, grow: 0.5, margin: 3, frames: 12};

/**
 * A budget for a loop driven by requestAnimationFrame: call `next(timestamp)` at the start
 * of each frame (the callback's timestamp) for the ms the frame may use, then, once its work
 * is done, `measure(start, trainedMs)` (start: performance.now() when the frame began;
 * trainedMs: the part of its work the budget governs), which records the frame's other work,
 * its drawing and the browser's rendering, once the frame is rendered (`spent(ms)` records
 * such a cost directly). Call `restart()` when the loop stops, so that a pause does not count
 * as a late frame.
 */
export function frameBudget(options = {}) {
  const {most, least, shrink, grow, margin, frames} = {...frameBudgetDefaults, ...options};
  let budget = most;
  let last = null;
  let interval = Infinity; // the display's frame interval: the shortest gap seen
  const costs = []; // the rest of the last few frames' work, ms (none yet: no cap)
  const slice = () => Math.max(least, Math.min(budget, interval - margin - Math.max(...costs)));
  const self = {
    next(now) {
      if (last !== null && now > last) {
        const gap = now - last;
        if (gap >= 4) interval = Math.min(interval, gap); // shorter gaps are not frames (a rerun)
        if (gap > 1.5 * interval) budget = Math.max(least, budget * shrink);
        else budget = Math.min(most, budget + grow);
      }
      last = now;
      return slice();
    },
    /** Records `ms` of a frame's work besides the slice (drawing, rendering). */
    spent(ms) {
      if (!(ms >= 0)) return;
      costs.push(ms);
      if (costs.length > frames) costs.shift();
    },
    // a task queued from an animation frame runs once the frame is rendered (style, layout,
    // paint, commit)
    measure: (start, trainedMs) => setTimeout(() => self.spent(performance.now() - start - trainedMs)),
    restart() {
      last = null;
    },
    /** The slice the next frame gets if it comes on time (for tests and readouts). */
    get ms() {
      return slice();
    }
  };
  return self;
}

/**
 * Whether a draw that a running loop makes at most once per `interval` ms is due at `now`, the
 * last made at `last` (the playground's loss and gradient charts, which a reader follows at a
 * few updates a second). Outside a running loop (`playing` false: a single step, a reset) it is
 * always due.
 */
export function drawDue({playing, now, last, interval}) {
  return !playing || now - last >= interval;
}
