// The table of the fresh-engine trainer runs (./fresh.ts): per data scale, the median and the
// slowest process for lib and the nn.ts reference, and the ratio in the worst process.

import {median} from "./median.js";
import type {TrainerTiming} from "./trainerRun.js";

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1).padStart(6);
const times = (value: number) => `${value.toFixed(2)}×`.padStart(7);

/**
 * Prints one block per scale: warm and cold ms per epoch, ratios, predict and unitValues on the
 * 100×100 grid, and the playground's pass per redraw.
 */
export function reportFresh(engine: string, runs: TrainerTiming[]): void {
  const scales = [...new Set(runs.map((r) => r.scale))];
  for (const scale of scales) {
    const mine = runs.filter((r) => r.scale === scale);
    const column = (pick: (r: TrainerTiming) => number) => {
      const values = mine.map(pick);
      return {median: median(values), slowest: Math.max(...values), lowest: Math.min(...values)};
    };
    const warm = column((r) => r.ms);
    const warmRef = column((r) => r.referenceMs);
    const loops = column((r) => r.loopsMs);
    const ratio = column((r) => r.referenceMs / r.ms);
    const cold = column((r) => r.coldMs);
    const coldRef = column((r) => r.coldReferenceMs);
    const coldRatio = column((r) => r.coldReferenceMs / r.coldMs);
    const map = column((r) => r.predictMs);
    const deep = column((r) => r.predictDeepMs);
    const units = column((r) => r.unitsMs);
    const unitsDeep = column((r) => r.unitsDeepMs);
    const pageDeep = column((r) => r.pageDeepMs);
    console.log(`   ${engine}, ${mine.length} fresh runs, inputs over [−${scale}, ${scale}]²`);
    console.log("                                      median  slowest");
    console.log(`     lib, ms/epoch (warm)            ${ms(warm.median)}   ${ms(warm.slowest)}`);
    console.log(`     lib loops (compile: false)      ${ms(loops.median)}   ${ms(loops.slowest)}`);
    console.log(`     nn.ts reference                 ${ms(warmRef.median)}   ${ms(warmRef.slowest)}`);
    console.log(
      `     ratio nn.ts / lib               ${times(ratio.median)}  ${times(ratio.lowest)} (worst process; target ≥ 3×, aim 5×)`
    );
    console.log(`     first 40 epochs, lib            ${ms(cold.median)}   ${ms(cold.slowest)}`);
    console.log(`     first 40 epochs, nn.ts          ${ms(coldRef.median)}   ${ms(coldRef.slowest)}`);
    console.log(
      `     first 40 epochs, ratio          ${times(coldRatio.median)}  ${times(coldRatio.lowest)} (worst)`
    );
    console.log(
      `     map 100×100, 2-8-8-1, ms        ${ms(map.median)}   ${ms(map.slowest)} (target < 4 ms)`
    );
    console.log(
      `     map 100×100, 6 × 8 units, ms    ${ms(deep.median)}   ${ms(deep.slowest)} (target < 4 ms)`
    );
    console.log(`     every unit's map, 2-8-8-1, ms   ${ms(units.median)}   ${ms(units.slowest)}`);
    console.log(
      `     every unit's map, 6 × 8, ms     ${ms(unitsDeep.median)}   ${ms(unitsDeep.slowest)} (target < 6 ms in Chromium)`
    );
    console.log(
      `     page per redraw, 6 × 8, ms      ${ms(pageDeep.median)}   ${ms(pageDeep.slowest)} (one pass over 60×60: the map, and every unit at the 20×20 preview cells; held to the 100×100 map's < 4 ms)`
    );
  }
}
