// The marked point of a function chart: a guide at x, a dot on f(x) and on f′(x), and the
// tangent line of slope f′(x), moved in place by a slider (activationChart, formulaChart).
import {svg} from "npm:htl";
import {frameClip, lineThrough} from "./liveChart.js";

/**
 * Adds the point-and-tangent overlay to a Plot chart of a function {f, df}, and
 * `chart.update(x)` to move it without redrawing the chart. A dot (or the tangent) is hidden
 * where f or f′ is not finite.
 */
export function withMarker(chart, fn, x0) {
  const sx = chart.scale("x");
  const sy = chart.scale("y");
  const [left, right] = sx.range;
  const [bottom, top] = sy.range;
  const marker = svg`<g class="chart-marker" aria-hidden="true">
    <line class="chart-guide" y1=${top} y2=${bottom}></line>
    <line class="chart-tangent" clip-path=${frameClip(chart, [left, right], [bottom, top])}></line>
    <circle class="chart-df" r="5"></circle>
    <circle class="chart-f" r="6"></circle>
  </g>`;
  chart.append(marker);
  const [guide, tangent, dfDot, fDot] = marker.querySelectorAll("line, circle");
  // pixels down the y axis per pixel across for a slope of 1 (both scales are linear)
  const pixelsPerUnit =
    ((sy.range[1] - sy.range[0]) / (sy.domain[1] - sy.domain[0])) *
    ((sx.domain[1] - sx.domain[0]) / (sx.range[1] - sx.range[0]));
  const clampY = (y) => Math.max(top - 20, Math.min(bottom + 20, y));
  const show = (element, visible) => element.setAttribute("visibility", visible ? "visible" : "hidden");
  let lastX = x0;
  /** Swaps the function the marker reads (after its curves were redrawn) and re-marks x. */
  chart.setFunction = (next) => ((fn = next), chart.update(lastX));
  chart.update = (x) => {
    lastX = x;
    const fx = fn.f(x);
    const dfx = fn.df(x);
    const px = sx.apply(x);
    guide.setAttribute("x1", px);
    guide.setAttribute("x2", px);
    const fOk = Number.isFinite(fx);
    const dfOk = Number.isFinite(dfx);
    show(fDot, fOk);
    show(dfDot, dfOk);
    show(tangent, fOk && dfOk);
    if (fOk) {
      fDot.setAttribute("cx", px);
      fDot.setAttribute("cy", clampY(sy.apply(fx)));
    }
    if (dfOk) {
      dfDot.setAttribute("cx", px);
      dfDot.setAttribute("cy", clampY(sy.apply(dfx)));
    }
    if (fOk && dfOk) {
      // slope f′ in pixels, through f's point: ends cut short when f′ is steep beyond reason
      const ends = lineThrough(px, sy.apply(fx), dfx * pixelsPerUnit, [left, right]);
      if (ends) {
        tangent.setAttribute("x1", ends[0]);
        tangent.setAttribute("y1", ends[1]);
        tangent.setAttribute("x2", ends[2]);
        tangent.setAttribute("y2", ends[3]);
      } else show(tangent, false);
    }
    marker.dataset.x = x;
    marker.dataset.f = fx;
    marker.dataset.df = dfx;
    return chart;
  };
  return chart.update(x0);
}
