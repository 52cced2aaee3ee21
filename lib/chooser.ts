// Which activation to use where: the rules of thumb of the document's TL;DR ("use ReLU to
// think, use linear to speak") as a small, testable function.

import {activations, coreActivationIds} from "./activations.js";
import type {ActivationId} from "./activations.js";

/** Where the activation sits in the network. */
export type Layer = "hidden" | "output";

/** What the network predicts. */
export type Task = "regression" | "binary" | "multiclass";

export const layers: readonly Layer[] = ["hidden", "output"];
export const tasks: readonly Task[] = ["regression", "binary", "multiclass"];

/** A reader-facing name for each layer and task. */
export const layerLabels: Record<Layer, string> = {hidden: "Hidden layer", output: "Output layer"};
export const taskLabels: Record<Task, string> = {
  regression: "Regression (predict a number)",
  binary: "Binary classification (yes or no)",
  multiclass: "Multi-class classification (one of several classes)"
};

export interface ChooserInput {
  layer: Layer;
  task: Task;
  /** For hidden layers: prefer Leaky ReLU because dead ReLU units are a worry. */
  avoidDeadUnits?: boolean;
}

/**
 * The answers a question on the chooser offers (/tldr): the source document's five, whose
 * rules of thumb it states, and softmax. A further record is not one of those rules.
 */
export function chooserChoices(): (ActivationId | "softmax")[] {
  return [...coreActivationIds, "softmax"];
}

/** A recommended activation; `activation` is a lib id, or "softmax", which is not in lib. */
export interface Recommendation {
  activation: ActivationId | "softmax";
  label: string;
  reason: string;
}

/**
 * The recommended activation for a layer and task, with the reason. Throws an Error naming
 * the valid values for an unknown layer or task.
 */
export function recommendActivation({layer, task, avoidDeadUnits = false}: ChooserInput): Recommendation {
  if (!layers.includes(layer)) {
    throw new Error(`unknown layer ${JSON.stringify(layer)}; expected one of ${layers.join(", ")}`);
  }
  if (!tasks.includes(task)) {
    throw new Error(`unknown task ${JSON.stringify(task)}; expected one of ${tasks.join(", ")}`);
  }
  if (layer === "hidden") {
    if (avoidDeadUnits) {
      return {
        activation: "leakyRelu",
        label: activations.leakyRelu.label,
        reason:
          "Leaky ReLU keeps ReLU's slope of 1 for positive inputs and adds a small slope for negative ones, " +
          "so a unit whose input stays negative still gets a gradient and cannot die."
      };
    }
    return {
      activation: "relu",
      label: activations.relu.label,
      reason:
        "Hidden layers need a non-linearity to learn anything a single layer cannot. ReLU is cheap, and its slope is exactly 1 " +
        "for positive inputs, so its own factor never shrinks the gradient on the way back through many layers " +
        "(the weights still scale it)."
    };
  }
  switch (task) {
    case "regression":
      return {
        activation: "linear",
        label: activations.linear.label,
        reason:
          "The target can be any real number, so the output must not be squashed: a linear output " +
          "has range (−∞, ∞) and passes the hidden layers' answer through unchanged."
      };
    case "binary":
      return {
        activation: "sigmoid",
        label: activations.sigmoid.label,
        reason:
          "The sigmoid maps any score into (0, 1), so the single output reads as the probability " +
          "of the positive class."
      };
    case "multiclass":
      return {
        activation: "softmax",
        label: "Softmax",
        reason:
          "Softmax (the multi-class generalisation of sigmoid) turns one score per class into " +
          "probabilities that are all positive and sum to 1. It acts on the whole vector of scores, " +
          "not on one number, so it is not one of the course's element-wise functions; with two " +
          "classes it reduces to a sigmoid of the difference of the two scores."
      };
  }
}
