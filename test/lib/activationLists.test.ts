// lib/activationLists.ts: adding an activation is adding one record. A toy record added to
// the registry, with nothing else edited, shows up in every list a reader would look in.
import {describe, expect, it} from "vitest";
import {comparedIds, furtherIds, glanceIds} from "../../lib/activationLists.js";
import {chooserChoices} from "../../lib/chooser.js";
import {functionNames} from "../../lib/expression.js";
import {
  activationIds,
  activations,
  coreActivationIds,
  extraActivationIds,
  getActivation,
  glanceActivationIds,
  isActivationId
} from "../../lib/index.js";
import type {Activation} from "../../lib/index.js";

/** Softsign, x / (1 + |x|): a record no page of the course knows. */
const toy: Activation = {
  id: "toy",
  label: "Toy softsign",
  f: (x) => x / (1 + Math.abs(x)),
  df: (x) => 1 / (1 + Math.abs(x)) ** 2,
  tex: {name: "\\operatorname{toy}(x)", f: "f(x) = \\frac{x}{1 + |x|}", df: "f'(x) = \\frac{1}{(1 + |x|)^2}"},
  range: {lower: -1, upper: 1, lowerClosed: false, upperClosed: false, tex: "(-1, 1)"},
  zeroCentred: true,
  monotonic: true,
  smooth: false,
  saturates: "both",
  vanishingGradient: "yes",
  maxSlope: {x: 0, value: 1},
  useCase: "A toy for this test.",
  limitations: [],
  notes: ""
};
const withToy = {...activations, toy};

// Registry contents: these pin today's records, so update them when a record is added.
describe("the lists, for the course's own registry, are what readers see today (registry contents)", () => {
  it("further activations (/more-activations' menu): every record beyond the document's five, in registry order", () => {
    expect(extraActivationIds).toEqual(["elu", "selu", "gelu", "geluTanh", "swish", "softplus", "mish"]);
    expect(furtherIds(activations, coreActivationIds)).toEqual(extraActivationIds);
  });

  it("/more-activations' introduction and 'At a glance' table: the further ones but GELU's tanh form, as today", () => {
    expect(glanceActivationIds).toEqual(["elu", "selu", "gelu", "swish", "softplus", "mish"]);
    expect(glanceIds(activations, coreActivationIds)).toEqual(glanceActivationIds);
    expect(activations.geluTanh.variantOf).toBe("gelu");
    // the record fields that table and introduction read give today's wording
    expect(glanceActivationIds.map((id) => activations[id].glanceLabel ?? activations[id].label)).toEqual([
      "ELU (α = 1)",
      "SELU",
      "GELU",
      "Swish / SiLU",
      "Softplus",
      "Mish"
    ]);
    expect(glanceActivationIds.map((id) => activations[id].usedIn)).toEqual([
      "CNNs, MLPs",
      "self-normalising MLPs",
      "BERT, GPT",
      "EfficientNet",
      "positive outputs",
      "YOLOv4"
    ]);
    expect(activations.swish.proseName).toBe("Swish");
    expect(activations.swish.alsoCalled).toBe("SiLU");
  });

  it("compared activations (comparison chart, its legend, the playground's menu): the five, then the rest", () => {
    expect(activationIds).toEqual([...coreActivationIds, ...extraActivationIds]);
    expect([...activationIds].sort()).toEqual(Object.keys(activations).sort());
  });

  it("/your-own lets a formula call every record by its id (lib/expression.ts reads the registry)", () => {
    const names = new Set(functionNames().map((entry) => entry.name));
    for (const id of Object.keys(activations)) expect(names.has(id), id).toBe(true);
  });

  it("the chooser's question offers the document's five and softmax", () => {
    expect(chooserChoices()).toEqual(["sigmoid", "tanh", "relu", "leakyRelu", "linear", "softmax"]);
  });
});

describe("a record added to the registry, with nothing else edited", () => {
  it("is one of the further activations, after the others", () => {
    expect(furtherIds(withToy, coreActivationIds)).toEqual([...extraActivationIds, "toy"]);
  });

  it("is in /more-activations' introduction and 'At a glance' table, unless it is a variant of another record", () => {
    expect(glanceIds(withToy, coreActivationIds)).toEqual([...glanceActivationIds, "toy"]);
    const variant = {...activations, toy: {...toy, variantOf: "sigmoid"}};
    expect(glanceIds(variant, coreActivationIds)).toEqual(glanceActivationIds);
  });

  it("is offered by the comparison chart and the playground's menu", () => {
    expect(comparedIds(withToy, coreActivationIds)).toEqual([...activationIds, "toy"]);
  });

  it("does not join the document's five, nor the chooser's rules of thumb", () => {
    expect(comparedIds(withToy, coreActivationIds).slice(0, 5)).toEqual(coreActivationIds);
    expect(furtherIds(withToy, coreActivationIds)).not.toContain("sigmoid");
    expect(chooserChoices()).not.toContain("toy");
  });

  it("keeps its place in the registry's order, wherever it was added", () => {
    const {elu, ...rest} = activations;
    const toyFirst = {toy, ...rest, elu};
    expect(furtherIds(toyFirst, coreActivationIds)).toEqual([
      "toy",
      ...extraActivationIds.filter((id) => id !== "elu"),
      "elu"
    ]);
  });
});

describe("bad input", () => {
  it("comparedIds names a core id the registry lacks", () => {
    const {linear: _, ...withoutLinear} = activations;
    expect(() => comparedIds(withoutLinear, coreActivationIds)).toThrow(/"linear" is not in the registry/);
  });

  it("an empty registry lists nothing further; an empty core puts every record among the further ones", () => {
    expect(furtherIds({}, coreActivationIds)).toEqual([]);
    expect(furtherIds(activations, [])).toEqual(Object.keys(activations));
  });

  it("the registry's own lookups still refuse what it does not hold", () => {
    expect(isActivationId("toy")).toBe(false);
    expect(() => getActivation("toy")).toThrow(/unknown activation "toy"; expected one of sigmoid, tanh/);
  });
});
