// Entry of one fresh Chromium page for ./deepStats.ts: exposes the deep network's measurement
// (./deepStatsRun.ts) as globalThis.runDeepStats(), timed by the page's wall clock.

import {runDeepStats} from "./deepStatsRun.js";

(globalThis as unknown as {runDeepStats: () => unknown}).runDeepStats = () =>
  runDeepStats({clock: () => performance.now()});
