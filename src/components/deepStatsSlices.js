// Runs lib/deepStats.js in slices: the network is worked through one layer at a time (a
// forward or a backward step), a few milliseconds per slice, and the event loop gets a turn
// between slices, so a newer request (or, on the main thread, input and painting) need not
// wait for the whole network. The page's runner (deepStatsRunner.js) uses it in its worker
// (deepStatsWorker.js), and on the main thread where a worker cannot be started.

import {createDeepStatsRun} from "../lib/deepStats.js";

/** Milliseconds of work per slice before the event loop gets a turn. */
export const SLICE_MS = 6;

/**
 * A promise that resolves in a new task, after the browser has had the chance to handle
 * input and paint: a MessageChannel message (not clamped to 4 ms as nested timeouts are).
 */
export function nextTask() {
  return new Promise((resolve) => {
    if (typeof MessageChannel !== "function") return void setTimeout(resolve, 0);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * How a run is paced and stopped.
 * @typedef {object} RunControl
 * @property {AbortSignal} [signal]
 * @property {number} [sliceMs]
 * @property {(stepsDone: number, totalSteps: number) => void} [onProgress]
 * @property {() => Promise<unknown>} [yieldTo]
 */

/** The error a cancelled run rejects with (name "AbortError", as fetch uses). */
function abortError(signal) {
  if (signal.reason instanceof Error) return signal.reason;
  const error = new Error("the deep network run was cancelled");
  error.name = "AbortError";
  return error;
}

/**
 * Runs deepStats(options) in slices and resolves with its result.
 * - signal: an AbortSignal; aborting rejects the promise with an AbortError at the next slice.
 * - sliceMs: the work per slice (default SLICE_MS); at least one layer is done per slice.
 * - onProgress(stepsDone, totalSteps): called after each slice.
 * - yieldTo: how to give the event loop a turn (default nextTask; tests pass their own).
 * Bad options reject with lib's clear error message, never throw synchronously.
 * @param {import("../lib/deepStats.js").DeepStatsOptions} options
 * @param {RunControl} [control]
 * @returns {Promise<import("../lib/deepStats.js").DeepStatsResult>}
 */
export async function runDeepStats(
  options,
  {signal, sliceMs = SLICE_MS, onProgress, yieldTo = nextTask} = {}
) {
  if (signal?.aborted) throw abortError(signal);
  const run = createDeepStatsRun(options);
  while (!run.done) {
    const start = performance.now();
    let longest = 0;
    for (;;) {
      const stepStart = performance.now();
      run.step();
      const now = performance.now();
      longest = Math.max(longest, now - stepStart);
      if (run.done || now - start + longest > sliceMs) break;
    }
    onProgress?.(run.stepsDone, run.totalSteps);
    if (run.done) break;
    await yieldTo();
    if (signal?.aborted) throw abortError(signal);
  }
  return run.result();
}
