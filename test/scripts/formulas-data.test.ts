// src/data/formulas.json.ts: every formula pages build in JavaScript, typeset at build time.
import {describe, expect, test} from "vitest";
import {compileActivation} from "../../lib/expression.js";
import {formulaReferences} from "../../observablehq.config.js";
import {renderTex} from "../../scripts/markdown-tex.js";
import {formulaSources, typesetFormulas} from "../../src/data/formulas.json.js";
import {DEFAULT_FORMULA, formulaExamples} from "../../src/components/yourOwnExamples.js";

describe("formulas.json", () => {
  const formulas = typesetFormulas();

  test("typesets every formula reference, inline and display, as Markdown's $…$ and $$…$$ do", () => {
    for (const [name, tex] of Object.entries(formulaReferences())) {
      expect(formulas[name], name).toEqual({
        tex,
        html: renderTex(tex),
        display: renderTex(tex, {displayMode: true})
      });
    }
  });

  test("includes f(z) and f′(z) for the activations backpropagation offers", () => {
    expect(formulas["sigmoid.fz"].tex).toBe("\\sigma(z)");
    expect(formulas["relu.dfz"].tex).toBe("\\operatorname{ReLU}'(z)");
  });

  test("typesets /your-own's starting formula and every example that compiles", () => {
    const sources = Object.values(formulaSources());
    for (const formula of [DEFAULT_FORMULA, ...formulaExamples.map((e) => e.formula)]) {
      let activation;
      try {
        activation = compileActivation(formula);
      } catch {
        continue;
      }
      expect(sources, formula).toContain(activation.tex.f);
      if (activation.rangeKnown) expect(sources, formula).toContain(activation.range.tex);
    }
  });

  test("holds no malformed formula", () => {
    expect(JSON.stringify(formulas)).not.toContain("katex-error");
  });
});
