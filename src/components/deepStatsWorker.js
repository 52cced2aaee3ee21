// The module Worker that computes lib/deepStats.js for the initialisation page, so that a
// slider costs the page only a message out and the drawing of the answer. Requests come as
// {channel, id, options} (one channel per runner of the page); the worker answers {channel,
// id, progress: [stepsDone, totalSteps]} after each slice, then {channel, id, result} or
// {channel, id, error} (lib's message). A newer request on the same channel, or {channel,
// cancel: true}, stops that channel's run at its next slice, and a stopped run sends nothing
// more: the worker works in slices only so that it can hear a newer request.
// deepStatsRunner.js starts it, by import.meta.resolve, which Framework resolves and
// scripts/page-bundles.js bundles.

import {drawnResult} from "./deepStatsPayload.js";
import {runDeepStats} from "./deepStatsSlices.js";

/** Work per slice in the worker: long enough to cost little, short enough to hear a newer request soon. */
export const WORKER_SLICE_MS = 12;

/**
 * The least time between two progress messages: each one makes the page rewrite its status
 * line, main-thread work, so a run quicker than this sends none, and a slow one a few.
 */
export const PROGRESS_MS = 100;

/**
 * The worker's message handler, apart from the worker so that it can be tested: `post` sends
 * a message back; control.sliceMs and control.yieldTo pace the runs (defaults: WORKER_SLICE_MS
 * and deepStatsSlices.js's nextTask), control.progressMs the progress messages (PROGRESS_MS).
 * @param {(message: object) => void} post
 * @param {{sliceMs?: number, yieldTo?: () => Promise<unknown>, progressMs?: number}} [control]
 * @returns {(data: {channel?: number, id?: number, options?: object, cancel?: boolean}) => Promise<void>}
 */
export function createRequestHandler(
  post,
  {sliceMs = WORKER_SLICE_MS, yieldTo, progressMs = PROGRESS_MS} = {}
) {
  const current = new Map(); // channel → the run going for it
  return async (data) => {
    if (!data || typeof data !== "object") return;
    const {channel = 0, id, options} = data;
    current.get(channel)?.abort();
    current.delete(channel);
    if (data.cancel) return;
    const controller = new AbortController();
    current.set(channel, controller);
    let lastProgress = performance.now();
    try {
      const result = await runDeepStats(options, {
        signal: controller.signal,
        sliceMs,
        yieldTo,
        onProgress: (done, total) => {
          const now = performance.now();
          if (now - lastProgress < progressMs || done === total) return;
          lastProgress = now;
          post({channel, id, progress: [done, total]});
        }
      });
      post({channel, id, result: drawnResult(result)});
    } catch (error) {
      if (!controller.signal.aborted)
        post({channel, id, error: error instanceof Error ? error.message : String(error)});
    } finally {
      if (current.get(channel) === controller) current.delete(channel);
    }
  };
}

// Inside a worker (not when a test imports this module), answer the page's messages.
if (typeof WorkerGlobalScope === "function" && globalThis instanceof WorkerGlobalScope) {
  const handle = createRequestHandler((message) => globalThis.postMessage(message));
  globalThis.onmessage = (event) => void handle(event.data);
}
