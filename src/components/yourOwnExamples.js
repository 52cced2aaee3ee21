// The formulas /your-own offers: the one it starts with and the example buttons. Shared with
// src/data/formulas.json.ts, which typesets them at build time, so the page shows them
// without loading KaTeX; only a formula the reader types loads it.

/** The formula the page starts with when the address names none. */
export const DEFAULT_FORMULA = "x * sigmoid(1.5 * x)";

/** The example buttons: a label and the formula it fills in (the last two are deliberately wrong). */
export const formulaExamples = [
  {label: "Swish-like", formula: "x * sigmoid(1.5 * x)"},
  {label: "Leaky max", formula: "max(0.1 * x, x)"},
  {label: "Softplus", formula: "log(1 + exp(x))"},
  {label: "Smooth bump", formula: "x * exp(-x^2 / 2)"},
  {label: "log x (has gaps)", formula: "log(x)"},
  {label: "A typo", formula: "x * sigmod(x)"},
  {label: "Unbalanced", formula: "(x + 1) * x)"}
];
