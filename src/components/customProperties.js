// The properties /your-own lists for the reader's activation, in words: the same properties
// the summary table states for the built-in functions, as compileActivation (lib/
// customActivation.ts) estimates them. A row's detail is text, or TeX for the range.

import {formatNumber} from "./format.js";

const SATURATION = {both: "on both sides", left: "on the left (x → −∞)", none: "no"};
const GRADIENTS = {
  yes: "shrink through many layers (slope at most 0.25)",
  less: "shrink through many layers, less than sigmoid",
  no: "pass through without systematic shrinking",
  dies: "can be exactly 0 on a whole half-line (units can die)"
};

const yesNo = (value) => (value ? "yes" : "no");

/**
 * The steepest slope and where it is: at a point, or over a half-line (or growing without
 * bound); unknown when no point had a finite slope other than 0 (x is NaN).
 */
function steepest({x, value}) {
  if (Number.isNaN(x)) return "unknown (no finite slope other than 0 found)";
  return `${formatNumber(value)}${
    x === null
      ? " (over a whole half-line, or growing without bound)"
      : ` at x ≈ ${formatNumber(x, {digits: 3})}`
  }`;
}

/**
 * The rows of the property list for a custom activation record: [{term, text}] or, for a
 * known range, [{term, tex}]. A value the record does not have reads "unknown".
 */
export function propertyRows(activation) {
  const known = (words, key) => words[key] ?? "unknown";
  return [
    activation.rangeKnown
      ? {term: "Range", tex: activation.range.tex}
      : {term: "Range", text: "unknown (no finite values found)"},
    {term: "Monotonic", text: yesNo(activation.monotonic)},
    {
      term: "Smooth",
      text: `${yesNo(activation.smooth)}${activation.smooth ? "" : " (a kink, a gap or an infinite slope)"}`
    },
    {term: "Zero-centred", text: yesNo(activation.zeroCentred)},
    {term: "Saturates", text: known(SATURATION, activation.saturates)},
    {term: "Steepest slope", text: steepest(activation.maxSlope)},
    {term: "Gradients", text: known(GRADIENTS, activation.vanishingGradient)}
  ];
}
