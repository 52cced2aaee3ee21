// The one legend builder of the course's charts: a row of items, each a small swatch drawn
// as the chart draws its mark (a line with its dash, a line with its marker symbol, a dot,
// a shaded area), then its label. Colours come from the item's CSS class (.chart-f,
// .series-<id>, ...), as on the charts.
import {svgElement} from "./liveChart.js";
import {isStrokedSymbol} from "./style.js";
import {symbolPath} from "./symbols.js";

/** An svg of `width` × `height` px, hidden from assistive technology (the label says it). */
function swatchSvg(width, height, className) {
  return svgElement("svg", {width, height, "aria-hidden": "true", class: className});
}

/**
 * The swatch of one item:
 * - `dot: r`: a circle of radius r;
 * - `marker: name`: a filled d3 symbol of that name (Plot's dot radius 4.5), alone;
 * - `area: true`: a shaded rectangle;
 * - else a line, `line: {dash, width = 2.5, opacity, cap}` (a solid 2.5 px one by default),
 *   with the line's marker on it when `symbol` (a d3 symbol name) is given.
 */
export function swatch({className, line = {}, symbol, dot, marker, area}) {
  if (marker) {
    const svg = swatchSvg(12, 12);
    svg.append(
      svgElement("path", {class: className, fill: "currentColor", transform: "translate(6,6)", d: symbolPath(marker, 4.5)})
    );
    return svg;
  }
  if (dot) {
    const svg = swatchSvg(14, 12);
    svg.append(svgElement("circle", {class: className, cx: 7, cy: 6, r: dot}));
    return svg;
  }
  if (area) {
    const svg = swatchSvg(16, 12);
    svg.append(svgElement("rect", {class: className, width: 16, height: 12}));
    return svg;
  }
  const {dash = "none", width = 2.5, opacity, cap} = line;
  const [w, h] = symbol ? [36, 14] : [28, 10];
  const svg = swatchSvg(w, h, symbol ? className : null);
  svg.append(
    svgElement("line", {
      class: symbol ? null : className,
      stroke: "currentColor",
      x1: 1,
      x2: w - 1,
      y1: h / 2,
      y2: h / 2,
      "stroke-width": width,
      "stroke-dasharray": dash,
      "stroke-opacity": opacity,
      "stroke-linecap": cap
    })
  );
  if (symbol) {
    const stroked = isStrokedSymbol(symbol);
    svg.append(
      svgElement("path", {
        transform: `translate(${w / 2},${h / 2})`,
        d: symbolPath(symbol, 4.5),
        fill: stroked ? "none" : "currentColor",
        stroke: stroked ? "currentColor" : null,
        "stroke-width": stroked ? 1.5 : null
      })
    );
  }
  return svg;
}

/**
 * A legend: for each item ({label, className, line | dot | marker | area}, see swatch) its
 * swatch, then its label. Items whose label is null are left out. `notes` (strings) follow
 * the items as plain text, each an item of its own.
 * @param {any[]} items
 * @param {{className?: string, notes?: string[]}} [options]
 */
export function legend(items, {className = "legend", notes = []} = {}) {
  const root = document.createElement("div");
  root.className = className;
  for (const item of items) {
    if (item.label == null) continue;
    const span = document.createElement("span");
    span.append(swatch(item), item.label);
    root.append(span);
  }
  for (const note of notes) {
    const span = document.createElement("span");
    span.textContent = note;
    root.append(span);
  }
  return root;
}
