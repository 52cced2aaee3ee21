// Entry of one fresh Chromium page for ./fresh.ts: exposes the trainer measurement
// (./trainerRun.ts) as globalThis.runTrainer(scale), timed by the page's wall clock.

import {runTrainer} from "./trainerRun.js";

(globalThis as unknown as {runTrainer: (scale: number) => unknown}).runTrainer = (scale: number) =>
  runTrainer({scale, clock: () => performance.now()});
