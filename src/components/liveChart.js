// Updating a Plot chart in place, for sliders: a chart is drawn once by Plot (axes, frame,
// static marks) and a slider then moves only what changes: the path `d` of a line, a dot's
// position, an axis's ticks. A whole Plot render costs about 9 ms; these updates cost a
// small fraction of that, so a slider stays within one frame.
//
// The ticks and tick labels are d3's own (ticks, nice, tickFormat, from the course's Plot
// bundle, which Plot uses for its axes), so a chart looks the same after an update as a
// fresh Plot render of the same data would.

import {nice, tickFormat, ticks} from "npm:@observablehq/plot/course";
import {setText} from "./liveDom.js";

const SVG = "http://www.w3.org/2000/svg";

/** The domain extended to round values, as d3's scale.nice() (and Plot's `nice: true`) does. */
export function niceDomain([lo, hi], count = 10) {
  return nice(lo, hi, count);
}

/**
 * The top of an axis from 0 for data up to `top`: the first of 1, 1.5, 2, 3, 5, 7.5 (times
 * a power of ten) at least `headroom` times `top`; 1 when top is not a positive number.
 * Coarse steps keep the axis still while a slider nudges the data, so an update moves the
 * marks and only now and then the ticks; the data still fill at least 60% of the height.
 */
export function steadyCeiling(top, {headroom = 1.08} = {}) {
  if (!(top > 0) || !Number.isFinite(top)) return 1;
  const target = top * headroom;
  const exponent = Math.floor(Math.log10(target));
  // m / 10^k rather than m · 10^−k: 3 / 10 is the double nearest 0.3, 3 · 0.1 is not
  const scaled = (m) => (exponent < 0 ? m / 10 ** -exponent : m * 10 ** exponent);
  for (const m of [1, 1.5, 2, 3, 5, 7.5, 10]) if (scaled(m) >= target) return scaled(m);
  return scaled(15);
}

/**
 * A y-domain for curves a slider moves: every finite value of `curves` (arrays of numbers)
 * and [−1, 1], with 8% of air, each end rounded out to a steady step (steadyCeiling), so
 * that the axis stays put while the curves move.
 */
export function steadyDomain(curves) {
  let lo = -1;
  let hi = 1;
  for (const values of curves) {
    for (const v of values) if (Number.isFinite(v)) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
  }
  return [-steadyCeiling(-lo), steadyCeiling(hi)];
}

/**
 * The steady y-axis of a chart whose curves a slider moves, Plot having drawn it over
 * `domain` along `range`: the returned `fit(curves)` re-ticks the axis in place when the
 * curves' steadyDomain changes, moves the zero rule `zero` (a <line>, if given) to y = 0, and
 * returns the value ↦ pixel map of the axis shown.
 */
export function steadyYAxis(chart, domain, range, zero) {
  let shown = domain;
  return (curves) => {
    const next = steadyDomain(curves);
    if (next[0] !== shown[0] || next[1] !== shown[1]) {
      shown = next;
      setLinearAxis(chart, "y", shown, range);
    }
    const y = linearMap(shown, range);
    if (zero) {
      zero.setAttribute("y1", y(0));
      zero.setAttribute("y2", y(0));
    }
    return y;
  };
}

/** The tick count Plot aims for along a pixel range: one per 35 px vertically, 80 px across. */
export function tickCount([r0, r1], axis = "y") {
  return Math.abs(r1 - r0) / (axis === "x" ? 80 : 35);
}

/** value ↦ pixel for a linear scale. */
export function linearMap([d0, d1], [r0, r1]) {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/**
 * How far (pixels) from the origin a point of a path may lie: beyond it a coordinate is
 * clamped. SVG reads path numbers as single-precision floats, so a value near 1e38 px or
 * beyond (a formula reaching 1e60) breaks the whole path; a million pixels is far outside
 * any chart, and the segment towards such a point still leaves the frame at the same angle
 * to within a thousandth of a pixel.
 */
const FAR = 1e6;

/** A pixel coordinate as a path writes it: to 0.01 px, clamped to ±FAR, NaN kept (a gap). */
const pixel = (v) => (v > FAR ? FAR : v < -FAR ? -FAR : Math.round(v * 100) / 100);

/** How far (pixels) a point may lie off a segment and still be left out of the path. */
const STRAIGHT = 0.05;

// the points of linePath in pixels, reused from call to call (a slider redraws every frame)
let pxs = new Float64Array(0);
let pys = new Float64Array(0);

/** Whether every point strictly between a and c lies on the segment a–c, within STRAIGHT px. */
function straight(a, c) {
  const dx = pxs[c] - pxs[a];
  const dy = pys[c] - pys[a];
  const length2 = dx * dx + dy * dy;
  const limit = STRAIGHT * Math.sqrt(length2);
  for (let k = a + 1; k < c; k++) {
    const kx = pxs[k] - pxs[a];
    const ky = pys[k] - pys[a];
    const along = kx * dx + ky * dy; // within [0, length²] when k projects inside the segment
    if (Math.abs(kx * dy - ky * dx) > limit || along < 0 || along > length2) return false;
  }
  return true;
}

/**
 * Path data through points mapped to pixels, with a gap wherever a value is not finite
 * (NaN, ±Infinity: as Plot's line mark leaves one). A finite value that lands far outside
 * the chart (1e60, whose pixel may even overflow to ±Infinity) is clamped to FAR px, so
 * the line runs off the frame towards it and the clip hides the rest, as Plot draws it.
 * A single point draws nothing, as in Plot. Points that
 * lie on a segment between two others (within STRAIGHT px) are left out: the line still
 * passes through them, and a straight stretch (a linear function, a ReLU's arms) costs one
 * segment instead of a hundred to build, lay out and dash.
 */
export function linePath(xs, ys, x, y) {
  const n = xs.length;
  if (pxs.length < n) ((pxs = new Float64Array(n)), (pys = new Float64Array(n)));
  for (let i = 0; i < n; i++) {
    pxs[i] = Number.isFinite(xs[i]) ? pixel(x(xs[i])) : NaN;
    pys[i] = Number.isFinite(ys[i]) ? pixel(y(ys[i])) : NaN;
  }
  const finite = (i) => Number.isFinite(pxs[i]) && Number.isFinite(pys[i]);
  let d = "";
  for (let start = 0; start < n;) {
    if (!finite(start)) {
      start++;
      continue;
    }
    let end = start; // the last point of this run of finite ones
    while (end + 1 < n && finite(end + 1)) end++;
    d += `M${pxs[start]},${pys[start]}`;
    for (let a = start; a < end;) {
      // the furthest b with a straight segment a–b: steps doubling while it stays straight,
      // then halving (n log n checks for a long straight stretch, not n²)
      let b = a + 1;
      let step = 1;
      while (b + step <= end && straight(a, b + step)) ((b += step), (step *= 2));
      for (step >>= 1; step >= 1; step >>= 1) if (b + step <= end && straight(a, b + step)) b += step;
      d += `L${pxs[b]},${pys[b]}`;
      a = b;
    }
    start = end + 1;
  }
  return d;
}

/**
 * The ends, in pixels, of the straight line through (px, py) with slope `slope` (pixels down
 * per pixel across) over the x-pixels [x0, x1], cut short where it would go more than FAR px
 * from (px, py), so its numbers stay ones SVG reads however steep it is (a vertical one when
 * it is steeper than 10⁹). Null when the point itself is not a finite pixel within FAR.
 */
export function lineThrough(px, py, slope, [x0, x1]) {
  if (!(Math.abs(px) <= FAR && Math.abs(py) <= FAR) || Number.isNaN(slope)) return null;
  // so steep it leaves FAR px within a thousandth of a pixel across: vertical
  if (!(Math.abs(slope) < FAR * 1000)) return [px, py - FAR, px, py + FAR];
  const reach = slope === 0 ? Infinity : FAR / Math.abs(slope);
  const a = Math.max(Math.min(x0, x1), px - reach);
  const b = Math.min(Math.max(x0, x1), px + reach);
  return [a, py + slope * (a - px), b, py + slope * (b - px)];
}

/** The first number pair of a `translate(a,b)` transform. */
function translation(element) {
  const match = /translate\(\s*([-\d.e]+)[,\s]+([-\d.e]+)\s*\)/.exec(element.getAttribute("transform") ?? "");
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}

const axisTemplates = new WeakMap();

/**
 * Rewrites the ticks of a Plot axis in place: the grid lines, tick marks and tick labels
 * of `axis` ("x" or "y") move to `values`, placed by `position` (value ↦ pixel) and
 * labelled with `format`. Elements are reused, added or removed to match the count.
 */
export function setAxisTicks(chart, axis, values, position, format) {
  let templates = axisTemplates.get(chart)?.[axis];
  if (!templates) {
    templates = {};
    for (const part of ["grid", "axis tick", "axis tick label"]) {
      const group = chart.querySelector(`g[aria-label="${axis}-${part}"]`);
      const first = group?.firstElementChild;
      if (group && first)
        templates[part] = {group, template: first.cloneNode(true), fixed: translation(first)};
    }
    axisTemplates.set(chart, {...axisTemplates.get(chart), [axis]: templates});
  }
  const labels = values.map(format);
  const positions = values.map((v) => String(position(v)));
  for (const [part, {group, template, fixed}] of Object.entries(templates)) {
    while (group.childElementCount > values.length) group.lastElementChild.remove();
    while (group.childElementCount < values.length) group.append(template.cloneNode(true));
    positions.forEach((p, i) => {
      const element = group.children[i];
      if (part === "grid") {
        const [a, b] = axis === "y" ? ["y1", "y2"] : ["x1", "x2"];
        setIfChanged(element, a, p);
        setIfChanged(element, b, p);
      } else {
        setIfChanged(
          element,
          "transform",
          axis === "y" ? `translate(${fixed[0]},${p})` : `translate(${p},${fixed[1]})`
        );
        if (part === "axis tick label") setText(element, labels[i]);
      }
    });
  }
}

/**
 * Re-ticks a linear Plot axis in place for the domain [lo, hi], as Plot would tick it along
 * `range` (pixels): the ticks, their positions and their labels.
 */
export function setLinearAxis(chart, axis, [lo, hi], range, count = tickCount(range, axis)) {
  setAxisTicks(chart, axis, ticks(lo, hi, count), linearMap([lo, hi], range), tickFormat(lo, hi, count));
}

/** Sets an attribute only when its value changes (no mutation, no relayout otherwise). */
export function setIfChanged(element, name, value) {
  const text = String(value);
  if (element.getAttribute(name) !== text) element.setAttribute(name, text);
}

/** An SVG element with attributes (null ones left out). */
export function svgElement(name, attributes = {}) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) if (value != null) element.setAttribute(key, value);
  return element;
}

/**
 * A clip path over the chart's frame (the x and y ranges), added to the chart; returns its
 * `url(#…)` for a clip-path attribute.
 */
export function frameClip(chart, [x0, x1], [y0, y1]) {
  const id = `clip-${Math.random().toString(36).slice(2)}`;
  const clip = svgElement("clipPath", {id});
  clip.append(
    svgElement("rect", {
      x: Math.min(x0, x1),
      y: Math.min(y0, y1),
      width: Math.abs(x1 - x0),
      height: Math.abs(y1 - y0)
    })
  );
  chart.append(clip);
  return `url(#${id})`;
}

/** Makes `group` hold `count` children like `make()` creates, reusing those it has. */
export function ensureChildren(group, count, make) {
  while (group.childElementCount > count) group.lastElementChild.remove();
  while (group.childElementCount < count) group.append(make());
  return group.children;
}
