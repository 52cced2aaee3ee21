// Entry of one fresh node process for ./fresh.ts: measures the trainer (./trainerRun.ts) at the
// scale given as the first argument and prints the result as one line of JSON. Timed in CPU
// milliseconds of this process, so other processes on a busy machine stay out of the figures
// (mostly: the engine's own compiler threads count while it compiles).

import {runTrainer} from "./trainerRun.js";

const cpuMs = () => {
  const {user, system} = process.cpuUsage();
  return (user + system) / 1e3;
};
const scale = Number(process.argv[2] ?? 1);
console.log(JSON.stringify(runTrainer({scale, clock: cpuMs})));
