// The softmax chart of the losses page: each class as a dot at its logit z (across) and its
// probability p (up), the true class's dot filled. Plot draws the axes once; update moves the
// dots, and re-ticks the logit axis only when the logits leave its domain (a shift of every
// logit by 1000 slides the axis and leaves the heights where they were).
import {coursePlot, zeroRules} from "./coursePlot.js";
import {formatNumber} from "./format.js";
import {linearMap, niceDomain, setLinearAxis} from "./liveChart.js";
import {axesOnly, liveDots} from "./liveMark.js";

/** The logit axis's domain: the logits with a margin of 1 either side, rounded out. */
export function logitDomain(logits) {
  const finite = logits.filter(Number.isFinite);
  if (finite.length === 0) return [-1, 1];
  return niceDomain([Math.min(...finite) - 1, Math.max(...finite) + 1]);
}

const describe = ({logits, p, trueClass}) =>
  `Softmax: ${logits.map((z, k) => `class ${k + 1}${k === trueClass ? " (true)" : ""} at logit ${formatNumber(z)}, probability ${formatNumber(p[k])}`).join("; ")}`;

/**
 * A chart of `{logits, p, trueClass}`; `chart.update(next)` redraws it in place. Classes with
 * a logit that is not finite are left out of the dots (their numbers are in the table).
 */
export function softmaxChart(value, {width = 640, height = 200} = {}) {
  width = Math.max(width, 240);
  let domain = logitDomain(value.logits);
  const chart = coursePlot({
    width,
    height,
    marginBottom: 34,
    ariaLabel: describe(value),
    x: {domain, label: "logit z"},
    y: {domain: [0, 1], label: "probability p"},
    marks: [...zeroRules({x: false}), axesOnly()]
  });
  const xRange = chart.scale("x").range;
  const y = linearMap([0, 1], chart.scale("y").range);
  const others = liveDots(chart, {class: "chart-f softmax-dot"}, {r: 5});
  const chosen = liveDots(chart, {class: "chart-f softmax-dot-true", fill: "currentColor"}, {r: 6});
  chart.update = (next) => {
    const nextDomain = logitDomain(next.logits);
    if (nextDomain[0] !== domain[0] || nextDomain[1] !== domain[1]) {
      setLinearAxis(chart, "x", nextDomain, xRange);
      domain = nextDomain;
    }
    const x = linearMap(domain, xRange);
    const shown = next.logits.map((z, k) => k).filter((k) => Number.isFinite(next.logits[k]) && Number.isFinite(next.p[k]));
    const rest = shown.filter((k) => k !== next.trueClass);
    others.place(rest.map((k) => x(next.logits[k])), rest.map((k) => y(next.p[k])));
    const mine = shown.filter((k) => k === next.trueClass);
    chosen.place(mine.map((k) => x(next.logits[k])), mine.map((k) => y(next.p[k])));
    chart.setAttribute("aria-label", describe(next));
    return chart;
  };
  return chart.update(value);
}
