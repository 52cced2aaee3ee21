// The page's runner posts each request to a worker and draws only the newest answer; the
// sliced run (in the worker, or on the main thread where there is no worker) gives the event
// loop back between layers, so a newer request makes an older one stop.
import {describe, expect, it} from "vitest";
import {createDeepStatsRunner, optionsKey, pendingResults} from "../../src/components/deepStatsRunner.js";
import {nextTask, runDeepStats} from "../../src/components/deepStatsSlices.js";
import {drawnResult} from "../../src/components/deepStatsPayload.js";
import {createRequestHandler} from "../../src/components/deepStatsWorker.js";
import {activations, deepStats} from "../../lib/index.js";
import type {DeepStatsOptions} from "../../lib/index.js";

/** A message as a worker receives it: a structured clone (which refuses functions), a task later. */
const deliver = (data: unknown, to: (data: unknown) => void) => {
  const copy = structuredClone(data);
  setTimeout(() => to(copy), 0);
};

/**
 * A stand-in for the page's worker, in this thread: messages cross as structured clones, one
 * task later, to the worker module's own handler. `log` keeps every message it sends back.
 */
function fakeWorker() {
  const log: {id?: number; progress?: number[]; result?: unknown; error?: string}[] = [];
  const worker = {
    onmessage: null as null | ((event: {data: unknown}) => void),
    onerror: null as null | ((event: unknown) => void),
    onmessageerror: null as null | (() => void),
    terminated: false,
    postMessage(data: unknown) {
      deliver(data, (copy) => void handle(copy as {id: number; options: DeepStatsOptions}));
    },
    terminate() {
      worker.terminated = true;
    }
  };
  const handle = createRequestHandler(
    (message: (typeof log)[number]) => {
      log.push(message);
      deliver(message, (copy) => {
        if (!worker.terminated) worker.onmessage?.({data: copy});
      });
    },
    {sliceMs: 0, progressMs: 0}
  );
  return {worker: worker as unknown as Worker, log};
}

const options: DeepStatsOptions = {
  depth: 6,
  width: 16,
  batch: 8,
  initialisation: "he",
  activation: "relu",
  seed: 2
};

describe("runDeepStats", () => {
  it("yields between slices and ends with exactly deepStats' result", async () => {
    let yields = 0;
    const progress: number[] = [];
    const result = await runDeepStats(options, {
      sliceMs: 0, // one layer per slice
      yieldTo: async () => void yields++,
      onProgress: (done: number, total: number) => {
        expect(total).toBe(12);
        progress.push(done);
      }
    });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(yields).toBe(11);
    expect(result).toEqual(deepStats(options));
  });

  it("lets other tasks run while it works", async () => {
    const order: string[] = [];
    const running = runDeepStats(options, {
      sliceMs: 0,
      onProgress: (done: number) => order.push(`layer step ${done}`)
    });
    nextTask().then(() => order.push("another task"));
    await running;
    const other = order.indexOf("another task");
    expect(other).toBeGreaterThan(0);
    expect(other).toBeLessThan(order.length - 1); // it ran before the last slice, not after the whole run
  });

  it("stops at the next slice when aborted, rejecting with an AbortError", async () => {
    const controller = new AbortController();
    let slices = 0;
    const running = runDeepStats(options, {
      sliceMs: 0,
      signal: controller.signal,
      onProgress: () => {
        if (++slices === 3) controller.abort();
      }
    });
    await expect(running).rejects.toMatchObject({name: "AbortError"});
    expect(slices).toBe(3);
    const already = new AbortController();
    already.abort();
    await expect(runDeepStats(options, {signal: already.signal})).rejects.toMatchObject({name: "AbortError"});
  });

  it("rejects bad options with lib's message instead of throwing", async () => {
    const running = runDeepStats({...options, depth: 0});
    expect(running).toBeInstanceOf(Promise);
    await expect(running).rejects.toThrow(/^depth must be an integer from 1 to 100, got 0$/);
  });
});

describe("createDeepStatsRunner, on the main thread (no worker)", () => {
  it("cancels a stale run when a new one starts: the stale one resolves null", async () => {
    const runner = createDeepStatsRunner({sliceMs: 0});
    const first = runner.run(options);
    expect(runner.busy).toBe(true);
    const second = runner.run({...options, activation: "tanh", initialisation: "xavier"});
    expect(await first).toBeNull();
    expect(await second).toEqual(drawnResult(deepStats({...options, activation: "tanh", initialisation: "xavier"})));
    expect(runner.busy).toBe(false);
  });

  it("cancel() stops the run going; a bad option rejects and leaves the runner free", async () => {
    const runner = createDeepStatsRunner({sliceMs: 0});
    const running = runner.run(options);
    runner.cancel();
    expect(await running).toBeNull();
    await expect(runner.run({...options, scale: NaN})).rejects.toThrow(/^scale must be a finite number/);
    expect(runner.busy).toBe(false);
    expect((await runner.run(options))?.layers).toHaveLength(6);
  });
});

describe("createDeepStatsRunner with a worker", () => {
  it("posts the options and resolves with exactly deepStats' result without its histograms, passing on the progress", async () => {
    const {worker, log} = fakeWorker();
    const progress: number[] = [];
    const runner = createDeepStatsRunner({
      startWorker: () => worker,
      onProgress: (done) => progress.push(done)
    });
    const result = await runner.run(options);
    expect(result).toEqual(drawnResult(deepStats(options)));
    // after every slice but the last, whose news is the result itself
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(log.at(-1)).toMatchObject({id: 1});
    expect(runner.busy).toBe(false);
  });

  it("counts each run as pending until it is answered, superseded ones too, worker or not", async () => {
    const {worker} = fakeWorker();
    const runner = createDeepStatsRunner({startWorker: () => worker});
    expect(pendingResults()).toBe(0);
    const first = runner.run(options);
    const second = runner.run({...options, seed: 3});
    expect(pendingResults()).toBe(2);
    expect(await first).toBeNull();
    await Promise.resolve();
    expect(pendingResults()).toBe(1);
    expect(await second).toEqual(drawnResult(deepStats({...options, seed: 3})));
    await Promise.resolve();
    expect(pendingResults()).toBe(0);
    const here = createDeepStatsRunner({startWorker: () => null, sliceMs: 0});
    const bad = here.run({...options, depth: 0});
    expect(pendingResults()).toBe(1);
    await expect(bad).rejects.toThrow(/depth/);
    await Promise.resolve();
    expect(pendingResults()).toBe(0);
    expect((globalThis as {__pendingResults?: () => number}).__pendingResults).toBe(pendingResults);
  });

  it("never gives an older run's result after a newer request: the older resolves null", async () => {
    const {worker, log} = fakeWorker();
    const runner = createDeepStatsRunner({startWorker: () => worker});
    const first = runner.run(options);
    const second = runner.run({...options, seed: 3});
    const third = runner.run({...options, seed: 4});
    expect(await first).toBeNull();
    expect(await second).toBeNull();
    expect(await third).toEqual(drawnResult(deepStats({...options, seed: 4})));
    // the worker stopped the superseded runs: it sent no result for them
    expect(log.filter((m) => "result" in m).map((m) => m.id)).toEqual([3]);
  });

  it("ignores whatever a worker still sends for a superseded request", async () => {
    const posted: {channel: number; id: number}[] = [];
    const worker = {
      onmessage: null as null | ((event: {data: unknown}) => void),
      postMessage: (data: {channel: number; id: number}) => void posted.push(data),
      terminate() {}
    };
    const runner = createDeepStatsRunner({startWorker: () => worker as unknown as Worker});
    const first = runner.run(options);
    const second = runner.run({...options, seed: 3});
    worker.onmessage!({data: {...posted[0], result: "old"}}); // arrives after the newer request
    worker.onmessage!({data: {...posted[1], progress: [1, 12]}});
    expect(runner.busy).toBe(true);
    worker.onmessage!({data: {...posted[1], result: "new"}});
    expect(await first).toBeNull();
    expect(await second).toBe("new");
  });

  it("answers bad options with lib's message from the worker, and cancel() resolves null", async () => {
    const {worker} = fakeWorker();
    const runner = createDeepStatsRunner({startWorker: () => worker});
    await expect(runner.run({...options, depth: 0})).rejects.toThrow(
      /^depth must be an integer from 1 to 100, got 0$/
    );
    const running = runner.run(options);
    runner.cancel();
    expect(await running).toBeNull();
    expect(runner.busy).toBe(false);
  });

  it("goes on without a worker that fails to start, reports an error, or cannot take the options", async () => {
    const failing = createDeepStatsRunner({
      sliceMs: 0,
      startWorker: () => {
        throw new Error("no module workers here");
      }
    });
    expect(await failing.run(options)).toEqual(drawnResult(deepStats(options)));

    // a worker whose script never loads: the request it had is run here instead
    let prevented = false;
    const broken = {
      onerror: null as null | ((event: {preventDefault(): void}) => void),
      terminated: false,
      postMessage() {
        setTimeout(() => broken.onerror?.({preventDefault: () => void (prevented = true)}), 0);
      },
      terminate() {
        broken.terminated = true;
      }
    };
    const runner = createDeepStatsRunner({sliceMs: 0, startWorker: () => broken as unknown as Worker});
    expect(await runner.run(options)).toEqual(drawnResult(deepStats(options)));
    expect(prevented && broken.terminated).toBe(true);
    expect(await runner.run({...options, seed: 5})).toEqual(drawnResult(deepStats({...options, seed: 5})));

    // an activation record has functions, which cannot be posted: run here
    const {worker, log} = fakeWorker();
    const withRecord = createDeepStatsRunner({sliceMs: 0, startWorker: () => worker});
    const custom = {...options, activation: {...activations.tanh}};
    expect(await withRecord.run(custom)).toEqual(drawnResult(deepStats(custom)));
    expect(log).toEqual([]);
  });
});

describe("optionsKey", () => {
  it("the same for the same options in any order, different for any other value", () => {
    const a = optionsKey({depth: 3, width: 8, initialisation: "he"});
    expect(optionsKey({initialisation: "he", width: 8, depth: 3})).toBe(a);
    expect(optionsKey({depth: 3, width: 8, initialisation: "xavier"})).not.toBe(a);
    expect(optionsKey({depth: 3, width: 8, initialisation: "he", seed: 1})).not.toBe(a);
    expect(optionsKey({depth: "3", width: 8, initialisation: "he"})).not.toBe(a);
  });

  it("null for options that are not all strings and numbers, which are never taken for others", () => {
    expect(optionsKey({...options, activation: {...activations.tanh}})).toBeNull();
    expect(optionsKey({...options, bins: {min: -1, max: 1, count: 4}})).toBeNull();
    expect(optionsKey(null)).toBeNull();
  });
});

describe("createDeepStatsRunner: the same request twice, and follow()", () => {
  it("options the same as the latest request's get its promise, going or settled, and nothing is posted again", async () => {
    const {worker, log} = fakeWorker();
    const posted: unknown[] = [];
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (data: unknown) => void (posted.push(data), post(data));
    const runner = createDeepStatsRunner({startWorker: () => worker});
    const first = runner.run(options);
    expect(runner.run({...options})).toBe(first);
    expect(pendingResults()).toBe(1);
    const result = await first;
    expect(result).toEqual(drawnResult(deepStats(options)));
    expect(runner.run({seed: 2, ...options})).toBe(first); // settled: the same answer
    expect(posted).toHaveLength(1);
    // other options start a run; asking again for the first ones then starts it afresh
    const other = runner.run({...options, seed: 7});
    const again = runner.run(options);
    expect(again).not.toBe(first);
    expect(await other).toBeNull();
    expect(await again).toEqual(result);
    expect(posted).toHaveLength(3);
    // cancel() forgets the latest request: the same options then run again
    runner.cancel();
    expect(runner.run(options)).not.toBe(again);
    expect(log.filter((m) => "result" in m).length).toBeGreaterThan(0);
  });

  it("a record's options are run each time they are asked for", async () => {
    const runner = createDeepStatsRunner({startWorker: () => null, sliceMs: 0});
    const custom = {...options, activation: {...activations.tanh}};
    const first = runner.run(custom);
    const second = runner.run(custom);
    expect(second).not.toBe(first);
    expect(await first).toBeNull();
    expect(await second).toEqual(drawnResult(deepStats(custom)));
  });

  it("follow() runs the controls' values at their input event, and the cells' run of the same values is that run", async () => {
    const {worker} = fakeWorker();
    const posted: {options: DeepStatsOptions}[] = [];
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (data: unknown) => void (posted.push(data as {options: DeepStatsOptions}), post(data));
    const runner = createDeepStatsRunner({startWorker: () => worker});
    const control = (value: unknown) => Object.assign(new EventTarget(), {value});
    const controls = {
      depth: control(options.depth),
      width: control(options.width),
      batch: control(options.batch),
      initialisation: control(options.initialisation),
      activation: control(options.activation),
      seed: control(options.seed)
    };
    const stop = runner.follow(controls);
    expect(posted).toHaveLength(0); // nothing until a control moves
    controls.depth.value = 4;
    controls.depth.dispatchEvent(new Event("input"));
    expect(posted.map((m) => m.options)).toEqual([{...options, depth: 4}]);
    const cells = runner.run({...options, depth: 4}); // a frame later, from the cells
    expect(posted).toHaveLength(1);
    expect(await cells).toEqual(drawnResult(deepStats({...options, depth: 4})));
    // an input that leaves every value as it was starts nothing
    controls.seed.dispatchEvent(new Event("input"));
    expect(posted).toHaveLength(1);
    // bad values: lib's message where the cells ask, and no unhandled rejection from follow()
    controls.width.value = 0;
    controls.width.dispatchEvent(new Event("input"));
    await expect(runner.run({...options, depth: 4, width: 0})).rejects.toThrow(/width/);
    stop();
    controls.seed.value = 9;
    controls.seed.dispatchEvent(new Event("input"));
    expect(posted).toHaveLength(2);
  });
});

describe("the worker's request handler", () => {
  it("answers with progress then the result, and says nothing more for a run a newer request stopped", async () => {
    const sent: {id: number; progress?: number[]; result?: unknown}[] = [];
    const handle = createRequestHandler((message) => void sent.push(message as (typeof sent)[number]), {
      sliceMs: 0,
      progressMs: 0
    });
    const first = handle({id: 1, options});
    await nextTask();
    const second = handle({id: 2, options: {...options, seed: 9}});
    await Promise.all([first, second]);
    const fromFirst = sent.filter((m) => m.id === 1);
    expect(fromFirst.length).toBeGreaterThan(0);
    expect(fromFirst.every((m) => "progress" in m)).toBe(true);
    expect(sent.filter((m) => m.id === 2).at(-1)).toEqual({
      channel: 0,
      id: 2,
      result: drawnResult(deepStats({...options, seed: 9}))
    });
    sent.length = 0;
    const third = handle({id: 3, options});
    await handle({cancel: true});
    await third;
    expect(sent.some((m) => "result" in m)).toBe(false);
  });

  it("sends progress no more often than every progressMs, and none for a run quicker than that", async () => {
    const sent: {progress?: number[]; result?: unknown}[] = [];
    const handle = createRequestHandler((message) => void sent.push(message as (typeof sent)[number]), {
      sliceMs: 0,
      progressMs: 60_000
    });
    await handle({id: 1, options});
    expect(sent).toEqual([{channel: 0, id: 1, result: drawnResult(deepStats(options))}]);
  });

  it("runs each channel's requests apart: one runner's request does not stop another's", async () => {
    const sent: {channel: number; id: number; result?: unknown}[] = [];
    const handle = createRequestHandler((message) => void sent.push(message as (typeof sent)[number]), {
      sliceMs: 0
    });
    const chart = handle({channel: 1, id: 1, options});
    await nextTask();
    const quiz = handle({channel: 2, id: 1, options: {...options, activation: "tanh"}});
    await Promise.all([chart, quiz]);
    const results = sent.filter((m) => "result" in m);
    expect(results).toEqual([
      {channel: 1, id: 1, result: drawnResult(deepStats(options))},
      {channel: 2, id: 1, result: drawnResult(deepStats({...options, activation: "tanh"}))}
    ]);
  });
});
