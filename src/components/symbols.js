// Marker symbols as Plot's dot mark draws them: d3's own symbol generators (from the course's
// Plot bundle), by the names Plot's `symbol` option takes, so a marker drawn in place or in a
// legend is the very shape Plot draws on the chart.
import {
  pathRound,
  symbol,
  symbolAsterisk,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolDiamond2,
  symbolPlus,
  symbolSquare,
  symbolStar,
  symbolTimes,
  symbolTriangle,
  symbolTriangle2,
  symbolWye
} from "npm:@observablehq/plot/course";

const SYMBOLS = {
  asterisk: symbolAsterisk,
  circle: symbolCircle,
  cross: symbolCross,
  diamond: symbolDiamond,
  diamond2: symbolDiamond2,
  plus: symbolPlus,
  square: symbolSquare,
  star: symbolStar,
  times: symbolTimes,
  triangle: symbolTriangle,
  triangle2: symbolTriangle2,
  wye: symbolWye
};

/**
 * The path data of the symbol `name` that Plot's dot draws with radius `r` (a d3 symbol of
 * area πr²), centred on 0,0. An unknown name draws a circle, as a fallback never a blank.
 */
export function symbolPath(name, r) {
  return symbol(SYMBOLS[name] ?? symbolCircle, Math.PI * r * r)();
}

/**
 * One path holding the symbol `name` of radius `r` at each pixel position (xs[i], ys[i]), to
 * 0.01 px, so that hundreds of markers a slider moves are one attribute to rewrite rather than
 * hundreds of elements. Positions that are not finite are left out.
 */
export function symbolsAt(name, r, xs, ys) {
  const type = SYMBOLS[name] ?? symbolCircle;
  const size = Math.PI * r * r;
  const path = pathRound(2);
  let dx = 0;
  let dy = 0;
  // the symbol draws about 0,0; this context moves each of its commands to the point
  const context = {
    moveTo: (x, y) => path.moveTo(x + dx, y + dy),
    lineTo: (x, y) => path.lineTo(x + dx, y + dy),
    arc: (x, y, radius, a0, a1, ccw) => path.arc(x + dx, y + dy, radius, a0, a1, ccw),
    rect: (x, y, w, h) => path.rect(x + dx, y + dy, w, h),
    closePath: () => path.closePath()
  };
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) continue;
    dx = xs[i];
    dy = ys[i];
    type.draw(context, size);
  }
  return path.toString();
}
