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

/**
 * A key that is the same for the same options, whatever the order of their fields; null for
 * options that are not all strings and numbers (an activation record, say), which are never
 * taken for one another.
 */
export function optionsKey(options) {
  if (!options || typeof options !== "object") return null;
  const keys = Object.keys(options).sort();
  if (!keys.every((k) => typeof options[k] === "string" || typeof options[k] === "number")) return null;
  return JSON.stringify(keys.map((k) => [k, options[k]]));
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
  /** The latest request: {key, promise}, until a newer one or cancel(). */
  let last = null;

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

  /** A new run for `options`, superseding any run still going. */
  function start(options) {
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
  }

  const runner = {
    /**
     * Starts a run with these options, superseding any run still going; options the same as
     * the latest request's (see optionsKey) get that request's promise instead, going or
     * settled, so a run that follow() started when a control moved is not started again when
     * the page's cells, a frame later, ask for it.
     * @param {import("../lib/deepStats.js").DeepStatsOptions} options
     * @returns {Promise<import("../lib/deepStats.js").DeepStatsResult | null>} lib's result
     *   without the histograms (drawnResult), or null once superseded
     */
    run(options) {
      const key = optionsKey(options);
      if (key !== null && last?.key === key) return last.promise;
      const promise = start(options);
      last = {key, promise};
      return promise;
    },
    /**
     * Runs the options the controls hold as soon as one of them fires an input event: the
     * page's cells see a new value only at the next animation frame, a frame the worker can
     * spend computing, and the run they then ask for with the same options is this one.
     * `controls` maps each option to its control (an Inputs form, whose value is the option's).
     * Returns a function that stops listening.
     * @param {Record<string, EventTarget & {value: unknown}>} controls
     */
    follow(controls) {
      const entries = Object.entries(controls);
      const onInput = () => {
        const options = Object.fromEntries(entries.map(([key, control]) => [key, control.value]));
        // bad options are answered where the cells ask for the same run: not an unhandled rejection here
        runner.run(options).catch(() => {});
      };
      for (const [, control] of entries) control.addEventListener("input", onInput);
      return () => {
        for (const [, control] of entries) control.removeEventListener("input", onInput);
      };
    },
    /** Cancels the run still going, if any (its promise resolves with null). */
    cancel() {
      const hadWaiting = waiting !== null;
      last = null;
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
  return runner;
}
