// Marks drawn in place on a chart Plot has drawn: a line or a layer of dots that a slider
// moves, styled with Plot's own defaults so that it looks as Plot's mark would. Plot draws
// the axes and the static marks once; a chart adds its moving marks with these, then sets
// their `d` (linePath, liveChart.js) or their dots' positions on every update.
import * as Plot from "npm:@observablehq/plot/course";
import {ensureChildren, setIfChanged, svgElement} from "./liveChart.js";
import {setText} from "./liveDom.js";

/**
 * Plot's line defaults (src/marks/line.js) as the SVG attributes Plot renders: its
 * strokeMiterlimit of 1 is not written out (a round join has no miter).
 */
export const lineDefaults = {
  "aria-label": "line",
  fill: "none",
  stroke: "currentColor",
  "stroke-width": 1.5,
  "stroke-linecap": "round",
  "stroke-linejoin": "round"
};

/** Plot's dot defaults (src/marks/dot.js), as SVG attributes: hollow circles of radius 3. */
export const dotDefaults = {"aria-label": "dot", fill: "none", stroke: "currentColor", "stroke-width": 1.5};

/** Plot's rule defaults (src/marks/rule.js), as SVG attributes. */
export const ruleDefaults = {"aria-label": "rule", stroke: "currentColor"};

/**
 * The half-pixel shift Plot gives marks on x and y scales (src/style.js), so that 1 px
 * strokes land on whole pixels: none on a high-density screen.
 */
function offset() {
  return typeof window !== "undefined" && window.devicePixelRatio > 1 ? 0 : 0.5;
}

/**
 * A mark with no data that still gives Plot an x and a y channel, so that Plot draws both
 * axes (from the scales' domains) while the chart draws its data in place.
 */
export function axesOnly() {
  return Plot.dot([], {x: (d) => d, y: (d) => d});
}

/**
 * A group of `attributes` (over `defaults`) added to `chart`, before `before` if given,
 * shifted as Plot shifts its marks (on x, y or both).
 */
function layer(chart, defaults, attributes, before, {x = true, y = true} = {}) {
  const group = svgElement("g", {
    ...defaults,
    transform: `translate(${x ? offset() : 0},${y ? offset() : 0})`,
    ...attributes
  });
  if (before) before.before(group);
  else chart.append(group);
  return group;
}

/**
 * A line drawn in place: a `<path>` in a group styled as Plot's line mark, with
 * `attributes` over Plot's defaults (class, stroke-width, stroke-dasharray, clip-path, …).
 * Set its `d` with linePath. `before` places it under an element already drawn.
 */
export function liveLine(chart, attributes = {}, {before} = {}) {
  const path = svgElement("path");
  layer(chart, lineDefaults, attributes, before).append(path);
  return path;
}

/**
 * Dots drawn in place: a group styled as Plot's dot mark (`attributes` over its defaults);
 * `dots.place(xs, ys)` puts a circle of radius `r` at each pixel position, reusing circles.
 */
export function liveDots(chart, attributes = {}, {r = 3, before} = {}) {
  const group = layer(chart, dotDefaults, attributes, before);
  group.place = (xs, ys) => {
    const circles = ensureChildren(group, xs.length, () => svgElement("circle", {r}));
    for (let i = 0; i < xs.length; i++) {
      circles[i].setAttribute("cx", xs[i]);
      circles[i].setAttribute("cy", ys[i]);
    }
    return group;
  };
  return group;
}

/**
 * Horizontal rules drawn in place: a group styled as Plot's ruleY (`attributes` over its
 * defaults, shifted on y only, as Plot shifts it); `rules.place(x1s, x2s, ys)` draws a rule
 * from x1s[i] to x2s[i] at ys[i] (pixels), reusing lines; a row that is not finite is hidden.
 */
export function liveRulesY(chart, attributes = {}, {before} = {}) {
  const group = layer(chart, ruleDefaults, attributes, before, {x: false});
  group.place = (x1s, x2s, ys) => {
    const lines = ensureChildren(group, ys.length, () => svgElement("line"));
    for (let i = 0; i < ys.length; i++) {
      const shown = Number.isFinite(x1s[i]) && Number.isFinite(x2s[i]) && Number.isFinite(ys[i]);
      lines[i].style.display = shown ? "" : "none";
      if (!shown) continue;
      lines[i].setAttribute("x1", x1s[i]);
      lines[i].setAttribute("x2", x2s[i]);
      lines[i].setAttribute("y1", ys[i]);
      lines[i].setAttribute("y2", ys[i]);
    }
    return group;
  };
  return group;
}

/** Plot's text defaults (src/marks/text.js) as the SVG attributes its text mark renders. */
export const textDefaults = {"aria-label": "text"};

/**
 * A label drawn in place: a group styled as Plot's text mark (`attributes` over its defaults,
 * shifted by `dx`, `dy` px as Plot's options of those names shift it) holding one `<text>`;
 * `label.place(px, py, text)` moves it to the pixel (px, py) and writes its text, or hides it
 * (its text emptied) when the position is not finite.
 */
export function liveText(chart, attributes = {}, {dx = 0, dy = 0, before} = {}) {
  const group = layer(
    chart,
    textDefaults,
    {transform: `translate(${dx + offset()},${dy + offset()})`, ...attributes},
    before
  );
  const text = svgElement("text", {y: "0.32em"});
  group.append(text);
  group.place = (px, py, content) => {
    const shown = Number.isFinite(px) && Number.isFinite(py);
    group.style.display = shown ? "" : "none";
    if (shown) setIfChanged(text, "transform", `translate(${px},${py})`);
    setText(text, shown ? content : "");
    return group;
  };
  return group;
}
