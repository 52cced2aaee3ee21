// The initialisation page's runner for lib/deepStats.js: a slider's change becomes one
// message to a module Worker (deepStatsWorker.js), and the page's main thread only draws the
// answer, so a 50-layer network never holds up input or scrolling. A newer request
// supersedes an older one: the older resolves with null, whatever the worker still sends
// for it, so an old result is never drawn after a newer one.
//
// Where a worker cannot be had (no Worker, a browser without module workers, a worker that
// fails to load, options that cannot be posted, such as an activation record with
// functions), the same runs go through deepStatsSlices.js on the main thread, a few
// milliseconds at a time.
//
// The worker's URL comes from import.meta.resolve in startDeepStatsWorker: Framework sees the
// call and builds the worker with the page's modules; scripts/page-bundles.js then bundles the
// worker into one file beside the page's bundle and points the call at it.

import {nextTask, runDeepStats, SLICE_MS} from "./deepStatsSlices.js";

/** Starts the worker, or returns null where there is no Worker (Node, a test). */
export function startDeepStatsWorker() {
  if (typeof Worker !== "function") return null;
  return new Worker(import.meta.resolve("./deepStatsWorker.js"), {type: "module", name: "deepStats"});
}

/**
 * A runner for a page whose controls change the options: each run() supersedes the one
 * before, whose promise then resolves with null (so a page simply ignores a null result),
 * and the latest resolves with its result. Bad options reject with lib's message.
 * - onProgress(stepsDone, totalSteps): the latest run's progress.
 * - sliceMs, yieldTo: pace the runs on the main thread (see deepStatsSlices.js).
 * - startWorker: returns a Worker-like object, or null for none (default startDeepStatsWorker;
 *   tests pass their own). It is called at the first run; if it throws, or the worker reports
 *   an error, the runner goes on without one.
 * @param {{sliceMs?: number, onProgress?: (done: number, total: number) => void,
 *   yieldTo?: () => Promise<unknown>, startWorker?: () => Worker | null}} [control]
 */
export function createDeepStatsRunner({
  sliceMs = SLICE_MS,
  onProgress,
  yieldTo = nextTask,
  startWorker = startDeepStatsWorker
} = {}) {
  /** The worker: undefined until the first run, null when there is none. */
  let worker;
  let latest = 0;
  /** The latest request while it waits for the worker: {id, options, resolve, reject}. */
  let waiting = null;
  /** The run going on the main thread, if any. */
  let controller = null;

  /** Resolves the request waiting on the worker with null, and asks the worker to stop it. */
  function supersede() {
    controller?.abort();
    controller = null;
    if (waiting) {
      waiting.resolve(null);
      waiting = null;
    }
  }

  /** The worker from now on: none, and the request it had goes to the main thread. */
  function giveUpWorker() {
    try {
      worker?.terminate();
    } catch {
      // a worker that cannot even be terminated is gone all the same
    }
    worker = null;
    if (waiting) {
      const {options, resolve, reject} = waiting;
      waiting = null;
      runHere(options).then(resolve, reject);
    }
  }

  function receive({data}) {
    if (!waiting || !data || data.id !== waiting.id) return; // a superseded run's messages
    if (data.progress) return void onProgress?.(...data.progress);
    const {resolve, reject} = waiting;
    waiting = null;
    if ("error" in data) reject(new Error(data.error));
    else resolve(data.result);
  }

  /** The worker, started at the first call; null when there is none. */
  function getWorker() {
    if (worker !== undefined) return worker;
    try {
      worker = startWorker() ?? null;
    } catch {
      worker = null;
    }
    if (worker) {
      worker.onmessage = receive;
      worker.onerror = (event) => {
        event?.preventDefault?.(); // answered here: not an uncaught error in the page
        giveUpWorker();
      };
      worker.onmessageerror = giveUpWorker;
    }
    return worker;
  }

  /** A run on the main thread, in slices; resolves null if superseded. */
  async function runHere(options) {
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
  }

  return {
    /**
     * Starts a run with these options, superseding any run still going.
     * @param {import("../lib/deepStats.js").DeepStatsOptions} options
     * @returns {Promise<import("../lib/deepStats.js").DeepStatsResult | null>}
     */
    run(options) {
      supersede();
      const id = ++latest;
      const target = getWorker();
      if (target) {
        try {
          target.postMessage({id, options});
          return new Promise((resolve, reject) => {
            waiting = {id, options, resolve, reject};
          });
        } catch {
          // options the worker cannot receive (functions in a record): run them here
        }
      }
      return runHere(options);
    },
    /** Cancels the run still going, if any (its promise resolves with null). */
    cancel() {
      supersede();
      latest++;
      try {
        worker?.postMessage({cancel: true});
      } catch {
        // nothing to stop
      }
    },
    /** Whether a run is going. */
    get busy() {
      return waiting !== null || controller !== null;
    }
  };
}
