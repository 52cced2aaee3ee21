// The marks of a chart with one line per activation (the family chart of the core five, the
// comparison chart of /more-activations): each line in its activation's colour (CSS class,
// seriesClass), dash and marker symbol (seriesStyle, ./style.js), markers at staggered x so
// that lines that coincide still show each of their markers, and the legend that names them.
import * as Plot from "npm:@observablehq/plot/course";
import {legend} from "./legend.js";
import {isStrokedSymbol, seriesClass, seriesStyle} from "./style.js";

/**
 * The frame of such a chart, as coursePlot options: its margins (a top margin for the
 * markers near the top), x across `domain`, and the functions f (key "f") or their
 * derivatives f′ (key "df") up `yDomain`.
 */
export function seriesFrame(key, domain, yDomain) {
  return {
    marginLeft: 40,
    marginTop: 16,
    x: {domain, label: "x"},
    y: {domain: yDomain, label: key === "f" ? "f(x)" : "f′(x)"}
  };
}

/**
 * The x of the markers of the `i`-th of `n` lines over `domain`: one every quarter of the
 * domain, each line's shifted by its share of a quarter, so no two lines put a marker at the
 * same x.
 */
export function markerXs(i, n, [lo, hi]) {
  const spacing = (hi - lo) / 4;
  const xs = [];
  for (let x = lo + (spacing * (i + 0.5)) / n; x < hi; x += spacing) xs.push(x);
  return xs;
}

/** Activation `id`'s line through the samples (xs, ys), clipped to the frame, `options` over its style. */
export function seriesLine(id, xs, ys, options = {}) {
  return Plot.line(xs, {
    x: xs,
    y: ys,
    stroke: "currentColor",
    strokeDasharray: seriesStyle(id).dash,
    className: seriesClass(id),
    clip: true,
    ...options
  });
}

/**
 * Activation `id`'s markers: its symbol at each point ({x, y}) of radius 4.5, filled, or
 * outlined (`strokeWidth`) when the symbol is drawn as an outline and `outlines` is set.
 * `className` is added to the series class.
 */
export function seriesMarkers(id, points, {outlines = false, strokeWidth, className, ...options} = {}) {
  const {symbol} = seriesStyle(id);
  const stroked = outlines && isStrokedSymbol(symbol);
  return Plot.dot(points, {
    x: "x",
    y: "y",
    symbol,
    r: 4.5,
    fill: stroked ? "none" : "currentColor",
    ...(outlines ? {stroke: stroked ? "currentColor" : "none", strokeWidth} : {}),
    className: className ? `${seriesClass(id)} ${className}` : seriesClass(id),
    ...options
  });
}

/** The legend of such a chart: for each id its colour, dash (a line `width` px wide) and marker, then its label. */
export function seriesLegend(ids, labelOf, {width, className}) {
  return legend(
    ids.map((id) => ({
      label: labelOf(id),
      className: seriesClass(id),
      line: {dash: seriesStyle(id).dash, width},
      symbol: seriesStyle(id).symbol
    })),
    {className}
  );
}
