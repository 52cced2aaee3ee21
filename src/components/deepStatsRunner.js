// Runs lib/deepStats.js without freezing the page: the network is worked through one layer
// at a time (a forward or a backward step), in slices of a few milliseconds, and the page
// gets the event loop back between slices, so sliders and scrolling stay smooth while 20 to
// 50 layers are computed. A run that a newer one makes stale stops at its next slice.
//
// Why slices rather than a Web Worker: Framework copies a module that a page reaches by
// import (and rewrites `import.meta.resolve`), but scripts/page-bundles.js then joins each
// page's modules into one file in another folder, where a worker URL resolved for the
// original module no longer points at the worker; a layer takes a few milliseconds, so
// slicing keeps each task within the 8 ms budget without a second copy of lib/ in a worker.

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

/**
 * A runner for a page whose controls change the options: each run() cancels the one before,
 * whose promise then resolves with null (so a page simply ignores a null result), and the
 * latest resolves with its result. Bad options reject with lib's message.
 * @param {Omit<RunControl, "signal">} [control]
 */
export function createDeepStatsRunner({sliceMs = SLICE_MS, onProgress, yieldTo = nextTask} = {}) {
  let controller = null;
  return {
    /**
     * Starts a run with these options, cancelling any run still going.
     * @param {import("../lib/deepStats.js").DeepStatsOptions} options
     * @returns {Promise<import("../lib/deepStats.js").DeepStatsResult | null>}
     */
    async run(options) {
      controller?.abort();
      const own = new AbortController();
      controller = own;
      try {
        return await runDeepStats(options, {signal: own.signal, sliceMs, onProgress, yieldTo});
      } catch (error) {
        if (own.signal.aborted) return null;
        throw error;
      } finally {
        if (controller === own) controller = null;
      }
    },
    /** Cancels the run still going, if any (its promise resolves with null). */
    cancel() {
      controller?.abort();
      controller = null;
    },
    /** Whether a run is going. */
    get busy() {
      return controller !== null;
    }
  };
}
