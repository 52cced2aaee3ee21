// The course's log axis: whole decades as the domain and powers of ten as the ticks, and
// the in-place re-ticking of such an axis when a slider moves the data. Used by the
// vanishing-gradient charts (vanishingCharts.js), the log view of |f′| (activationChart.js)
// and the playground's gradient chart (playgroundCharts.js).
import {setAxisTicks} from "./liveChart.js";

/** value ↦ pixel for a log scale over the domain [d0, d1] (positive values). */
export function logMap([d0, d1], [r0, r1]) {
  const l0 = Math.log10(d0);
  const k = (r1 - r0) / (Math.log10(d1) - l0 || 1);
  return (v) => r0 + (Math.log10(v) - l0) * k;
}

/** 10^e, exactly the double nearest it (10 ** -4 is not: it is 0.00009999999999999999). */
const powerOfTen = (e) => (e < 0 ? 1 / 10 ** -e : 10 ** e);

/** log10 of a value rounded to the decade below (floor) or above (ceil); 0 for no positive finite value. */
const exponentOf = (v, round) => (v > 0 && Number.isFinite(v) ? round(Math.log10(v)) : 0);

/**
 * A log axis over [lo, hi]: a domain of whole decades around them and at most `count`
 * power-of-ten ticks in it, from the top down (every decade, or every second, third, …).
 * With `snap` > 1 the ends move out to multiples of `snap` decades, so that a slider
 * moving the data re-ticks the axis only now and then. A domain within one decade is
 * widened by a decade each way; a value that is not positive and finite counts as 1.
 * With `oneTwoFive` (the playground's gradient chart), the lower end moves down to the
 * last tick, so both ends carry one, and over two decades or less 5× and 2× each power of
 * ten are ticks too.
 */
export function logAxis(lo, hi, {count = 6, snap = 1, oneTwoFive = false} = {}) {
  let e0 = Math.floor(exponentOf(lo, Math.floor) / snap) * snap;
  let e1 = Math.ceil(exponentOf(hi, Math.ceil) / snap) * snap;
  if (e1 < e0) [e0, e1] = [e1, e0];
  if (e0 === e1) ((e0 -= 1), (e1 += 1));
  const every = Math.max(1, Math.ceil((e1 - e0) / count));
  if (oneTwoFive) e0 = e1 - every * Math.ceil((e1 - e0) / every);
  const minor = oneTwoFive && e1 - e0 <= 2;
  const ticks = [];
  for (let e = e1; e >= e0; e -= every) {
    if (minor && e < e1) ticks.push(5 * powerOfTen(e), 2 * powerOfTen(e));
    ticks.push(powerOfTen(e));
  }
  return {domain: [powerOfTen(e0), powerOfTen(e1)], ticks};
}

/**
 * Re-ticks a log axis of `chart` in place when its domain or ticks differ from `previous`
 * (both as logAxis returns them): ticks placed along `range` (pixels), labelled by `format`.
 */
export function setLogAxis(chart, axis, next, previous, range, format) {
  const same =
    next.domain[0] === previous.domain[0] &&
    next.domain[1] === previous.domain[1] &&
    next.ticks.join() === previous.ticks.join();
  if (!same) setAxisTicks(chart, axis, next.ticks, logMap(next.domain, range), format);
}
