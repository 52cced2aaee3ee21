// The initialisation page's runner for lib/deepStats.js: a change of setting becomes one
// message to a module Worker (deepStatsWorker.js), and the page's main thread only draws the
// answer, so a 50-layer network never holds up input or scrolling. A newer request
// supersedes an older one: the older resolves with null, whatever the worker still sends
// for it, so an old result is never drawn after a newer one. The runners of a page share one
// worker, each on a channel of its own, so the page loads lib/deepStats.js once, in the
// worker, and not on the main thread at all. A run resolves with lib's result without the
// histograms, which the page does not draw (deepStatsPayload.js), wherever it ran.
//
// Where a worker cannot be had (no Worker, a browser without module workers, a worker that
// fails to load, options that cannot be posted, such as an activation record with
// functions), the same runs go through deepStatsSlices.js on the main thread, a few
// milliseconds at a time; that module is loaded only then.
//
// The worker's URL comes from import.meta.resolve in startDeepStatsWorker: Framework sees the
// call and builds the worker with the page's modules; scripts/page-bundles.js then bundles the
// worker into one file beside the page's bundle and points the call at it.

import {drawnResult} from "./deepStatsPayload.js";

/** Starts the worker, or returns null where there is no Worker (Node, a test). */
export function startDeepStatsWorker() {
  if (typeof Worker !== "function") return null;
  return new Worker(import.meta.resolve("./deepStatsWorker.js"), {type: "module", name: "deepStats"});
}

/**
 * A worker shared by runners: started at the first request; its messages go to the runner of
 * their channel; if it cannot start or reports an error, every runner goes on without it.
 */
function connection(startWorker) {
  /** undefined until the first request, null when there is none. */
  let worker;
  const runners = new Map(); // channel → {receive(data), giveUp()}
  let channels = 0;
  const giveUp = () => {
    try {
      worker?.terminate();
    } catch {
      // a worker that cannot even be terminated is gone all the same
    }
    worker = null;
    for (const runner of runners.values()) runner.giveUp();
  };
  return {
    /** A new channel for a runner, with how it receives its messages and loses the worker. */
    open(runner) {
      const channel = ++channels;
      runners.set(channel, runner);
      return channel;
    },
    /** The worker, started at the first call; null when there is none. */
    get() {
      if (worker !== undefined) return worker;
      try {
        worker = startWorker() ?? null;
      } catch {
        worker = null;
      }
      if (worker) {
        worker.onmessage = ({data}) => runners.get(data?.channel)?.receive(data);
        worker.onerror = (event) => {
          event?.preventDefault?.(); // answered here: not an uncaught error in the page
          giveUp();
        };
        worker.onmessageerror = giveUp;
      }
      return worker;
    }
  };
}

/** Runs requested and not yet answered, across the page's runners. */
let unanswered = 0;
/** How many runs wait for their result (for tests and bench:site: a result is drawn once it is 0). */
export const pendingResults = () => unanswered;
globalThis.__pendingResults = pendingResults;

/** Counts `promise` as unanswered until it settles, and returns it. */
function counted(promise) {
  unanswered++;
  const done = () => unanswered--;
  promise.then(done, done);
  return promise;
}

/** The page's one worker, for the runners that do not bring their own. */
let shared = null;

/**
 * A runner for a page whose controls change the options: each run() supersedes the one
 * before, whose promise then resolves with null (so a page simply ignores a null result),
 * and the latest resolves with its result (without the histograms: drawnResult). Bad options reject with lib's message.
 * - onProgress(stepsDone, totalSteps): the latest run's progress.
 * - sliceMs, yieldTo: pace the runs on the main thread (see deepStatsSlices.js).
 * - startWorker: returns a Worker-like object, or null for none; a runner given one has a
 *   worker of its own (tests); by default the runners share one (startDeepStatsWorker).
 * @param {{sliceMs?: number, onProgress?: (done: number, total: number) => void,
 *   yieldTo?: () => Promise<unknown>, startWorker?: () => Worker | null}} [control]
 */
export function createDeepStatsRunner({sliceMs, onProgress, yieldTo, startWorker} = {}) {
  const link = startWorker ? connection(startWorker) : (shared ??= connection(startDeepStatsWorker));
  let latest = 0;
  /** The latest request while it waits for the worker: {id, options, resolve, reject}. */
  let waiting = null;
  /** The run going on the main thread, if any. */
  let controller = null;

  const channel = link.open({
    receive(data) {
      if (!waiting || data.id !== waiting.id) return; // a superseded run's messages
      if (data.progress) return void onProgress?.(...data.progress);
      const {resolve, reject} = waiting;
      waiting = null;
      if ("error" in data) reject(new Error(data.error));
      else resolve(data.result);
    },
    giveUp() {
      if (!waiting) return;
      const {options, resolve, reject} = waiting;
      waiting = null;
      runHere(options).then(resolve, reject);
    }
  });

  /** Resolves the request waiting on the worker with null, and stops the run here. */
  function supersede() {
    controller?.abort();
    controller = null;
    if (waiting) {
      waiting.resolve(null);
      waiting = null;
    }
  }

  /** A run on the main thread, in slices; resolves null if superseded. */
  async function runHere(options) {
    const own = new AbortController();
    controller = own;
    try {
      const {runDeepStats} = await import("./deepStatsSlices.js");
      return drawnResult(await runDeepStats(options, {signal: own.signal, sliceMs, onProgress, yieldTo}));
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
     * @returns {Promise<import("../lib/deepStats.js").DeepStatsResult | null>} lib's result
     *   without the histograms (drawnResult), or null once superseded
     */
    run(options) {
      supersede();
      const id = ++latest;
      const worker = link.get();
      if (worker) {
        try {
          worker.postMessage({channel, id, options});
          return counted(
            new Promise((resolve, reject) => {
              waiting = {id, options, resolve, reject};
            })
          );
        } catch {
          // options the worker cannot receive (functions in a record): run them here
        }
      }
      return counted(runHere(options));
    },
    /** Cancels the run still going, if any (its promise resolves with null). */
    cancel() {
      const hadWaiting = waiting !== null;
      supersede();
      if (hadWaiting) {
        try {
          link.get()?.postMessage({channel, cancel: true});
        } catch {
          // nothing to stop
        }
      }
    },
    /** Whether a run is going. */
    get busy() {
      return waiting !== null || controller !== null;
    }
  };
}
