// Training's code made fast before a reader presses Play. A network of a new shape trains
// through code generated for that shape (../lib/mlpCompile.js), which the engine runs slowly
// until it has counted enough calls to optimise it: without this, the first quarter second
// after Play gave frames of 12–17 ms where 7–8 ms do. warmUp trains a throwaway network of the
// same shape and kernels (its generated functions are the very ones the real network gets) a
// few steps at a time while the page is idle, and stops as soon as training starts or the
// trainer goes away.
//
// The steps must be enough for the engine's last tier, not just its first. With 20, V8 had
// compiled the generated code of 6 layers of 8 units only with its middle compiler (Maglev)
// before Play; the optimising compiler (TurboFan) took it up half a second into training and
// spent 425–690 ms on a compiler thread, which on a machine of two cores took the core the
// frames needed: 2.2% of frames came late in the 3 s after Play (19 of 881, 5 pages), nearly
// all in that second. With 200 steps it is done while the page is idle: 1 late frame of 904,
// with Play pressed as soon as the diagram is drawn (Chromium 150, frames counted as
// bench:site counts them). In Node the 6 × 8 network's steps turn fast after 35 to 48; the
// 200 cost about 0.3 s of idle time, once per shape (most of it before the code is optimised,
// 0.4 ms a step after).

export const warmUpDefaults = {
  /** Steps (an epoch on a sample, then its loss) the throwaway network takes. */
  steps: 200,
  /** The least idle time, ms, a step starts in (an idle period is at most 50 ms). */
  slice: 8
};

const idle =
  typeof requestIdleCallback === "function"
    ? (callback) => requestIdleCallback(callback, {timeout: 2000})
    : (callback) =>
        setTimeout(() => {
          const end = performance.now() + 10;
          callback({timeRemaining: () => Math.max(0, end - performance.now())});
        }, 50);
const cancelIdle = typeof cancelIdleCallback === "function" ? cancelIdleCallback : clearTimeout;

/** Generated code warmed already in this page (the engine keeps what it optimised). */
const warmed = new WeakSet();

/**
 * Warms up the generated code of the networks `network()` builds: while the page is idle,
 * `step(mlp)` runs `steps` times on one such throwaway network, unless its code is warmed
 * already or it has none (mlp.scratch.compiled null); `busy()` true stops it (training started).
 * Returns a function that cancels what is left.
 * @param {() => {scratch: {compiled: object | null}}} network
 * @param {(mlp: any) => void} step
 * @param {{busy?: () => boolean, steps?: number, slice?: number}} [options]
 * @returns {() => void}
 */
export function warmUp(
  network,
  step,
  {busy = () => false, steps = warmUpDefaults.steps, slice = warmUpDefaults.slice} = {}
) {
  let mlp = null;
  let done = 0;
  let handle = idle(function work(deadline) {
    handle = null;
    if (busy()) return;
    if (mlp === null) {
      mlp = network();
      if (mlp.scratch.compiled == null || warmed.has(mlp.scratch.compiled)) return;
    }
    while (done < steps && deadline.timeRemaining() > slice) {
      step(mlp);
      done++;
    }
    if (done < steps) handle = idle(work);
    else warmed.add(mlp.scratch.compiled);
  });
  return () => {
    if (handle !== null) cancelIdle(handle);
    handle = null;
  };
}
