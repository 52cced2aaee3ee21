// Every formula that pages build in JavaScript, typeset at build time with the same KaTeX
// and options as Markdown's $…$ (scripts/markdown-tex.js), so no page loads KaTeX to show
// them: the TeX of every formula reference (formulaReferences() in observablehq.config.ts:
// each activation record's name, f, f′, range, and f(z), f′(z)), and of /your-own's
// starting formula and examples. Output: {"sigmoid.df": {tex, html, display}, …}, where
// `html` is inline and `display` display-style. src/components/formulas.js reads it.
//
// Framework reruns a data loader only when the loader itself changes, so
// scripts/formula-cache.js deletes its cached output whenever anything it reads is newer
// (before each build, and while `npm run dev` runs).
import {formulaReferences} from "../../observablehq.config.js";
import {compileActivation} from "../../lib/expression.js";
import {renderTex} from "../../scripts/markdown-tex.js";
import {DEFAULT_FORMULA, formulaExamples} from "../components/yourOwnExamples.js";

/** The TeX to typeset, by name. */
export function formulaSources(): Record<string, string> {
  const sources: Record<string, string> = {...formulaReferences()};
  for (const formula of new Set([DEFAULT_FORMULA, ...formulaExamples.map((e) => e.formula)])) {
    let activation;
    try {
      activation = compileActivation(formula);
    } catch {
      continue; // the deliberately wrong examples
    }
    sources[`your-own:${formula}:f`] = activation.tex.f;
    if (activation.rangeKnown) sources[`your-own:${formula}:range`] = activation.range.tex;
  }
  return sources;
}

/** Each formula's TeX with its inline and display typesetting. */
export function typesetFormulas(sources: Record<string, string> = formulaSources()) {
  return Object.fromEntries(
    Object.entries(sources).map(([name, tex]) => [
      name,
      {tex, html: renderTex(tex), display: renderTex(tex, {displayMode: true})}
    ])
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/")))
  process.stdout.write(JSON.stringify(typesetFormulas()));
