// What the playground says in words: the network's shape, the trainer's state, its accuracy,
// and the dead units (counted by lib) with what they mean.
import {html} from "npm:htl";
import {features} from "../lib/features.js";
import {initialisationFor, initialisations} from "../lib/initialisation.js";
import {deadUnits} from "../lib/mlp.js";
import {formatNumber} from "./format.js";

/** "2 → 4 → 4 → 1" */
export function describeSizes(sizes) {
  return sizes.join(" → ");
}

/** One sentence on where training stands: diverged, running, at its start or paused. */
export function stateMessage(trainer) {
  return trainer.empty
    ? "No training points yet: add points on the map, at least two (one to learn from, one to test)."
    : trainer.diverged
      ? "The loss became infinite: the learning rate is too large for this network, so the weights blew up. Lower it and press Reset."
      : trainer.playing
        ? "Training…"
        : trainer.mlp.stats.epochs === 0
          ? "Paused at epoch 0: the background shows the untrained network's random guess."
          : "Paused.";
}

/**
 * The test accuracy as the page shows it ("93.5%"); a regression has none (its targets are
 * values, not classes), nor has a test set without points, and it says so.
 */
export function accuracyText({regression, testAccuracy}) {
  if (regression) return "none (regression)";
  // a reader's own data may leave the test set empty
  if (!Number.isFinite(testAccuracy)) return "none (no test points)";
  return `${formatNumber(100 * testAccuracy, {digits: 3})}%`;
}

/** "playing", "paused" or "diverged", for styling and tests. */
export function stateName(trainer) {
  return trainer.diverged ? "diverged" : trainer.playing ? "playing" : "paused";
}

/**
 * The dead-unit paragraphs: a box whose `show(trainer)` counts the hidden units with slope
 * f′(z) = 0 on every training example (lib's deadUnits) and says what that means. It
 * rewrites them only when what they say changes, not on every epoch or slider step.
 */
export function deadUnitsText() {
  const root = html`<div class="pg-dead"></div>`;
  let shown = null;
  root.show = ({mlp, trainSet, sizes, activation, empty}) => {
    if (empty) {
      shown = null;
      root.innerHTML = "<p><strong>Dead units:</strong> none to count without training points.</p>";
      return;
    }
    const dead = deadUnits(mlp, trainSet.inputs).slice(0, -1);
    const key = `${activation.id} ${activation.label} ${sizes.join(",")} ${dead.join(",")}`;
    if (key === shown) return;
    shown = key;
    if (dead.length === 0) {
      root.innerHTML =
        "<p><strong>Dead units:</strong> none possible. With no hidden layer the network is one output unit on the inputs, so its decision boundary is a straight line in them (a curve in the plane only if the inputs include x₁², sin x₁ or another feature that bends).</p>";
      return;
    }
    root.replaceChildren(countParagraph(dead, sum(sizes.slice(1, -1))), adviceParagraph(dead, activation));
  };
  return root;
}

const sum = (counts) => counts.reduce((a, b) => a + b, 0);

function countParagraph(dead, hiddenUnits) {
  const total = sum(dead);
  return html`<p>
    <strong>Dead units:</strong> <span class="live pg-dead-count">${total}</span> of ${hiddenUnits} hidden
    units (${dead.map((n, l) => `layer ${l + 1}: ${n}`).join(", ")}).
    ${
      total > 0
        ? "A dead unit has slope f′(z) = 0 on every training example, so no gradient reaches its incoming weights: it has stopped learning, for good unless the layers before it change what it receives, and it outputs the same constant for every input. The network diagram above marks each one with a dashed grey frame."
        : "A unit is dead when its slope f′(z) is 0 on every training example."
    }
  </p>`;
}

function adviceParagraph(dead, activation) {
  return html`<p>
    ${
      sum(dead) > 0
        ? "This is ReLU's “dying” problem: see "
        : activation.id === "relu"
          ? "None yet. Try a learning rate of 1 with ReLU and watch units die: see "
          : `${activation.label} has no flat region where f′ = 0, so its units practically never die; try ReLU. See `
    }<a href="./relu">ReLU</a>, and <a href="./backpropagation">Why derivatives matter</a> for why a zero
    slope stops learning.
  </p>`;
}

/** "2 inputs, x₁ and x₂" / "3 inputs, x₁, x₂ and x₁²": the features the network is fed. */
export function inputsText(ids) {
  const labels = ids.map((id) => features[id].label);
  const list = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
  return `${labels.length} ${labels.length === 1 ? "input" : "inputs"}, ${list}`;
}

/**
 * What the output is and what it minimises, for the loss in use ("squaredError" or
 * "binaryCrossEntropy") and the problem; `asked` is the loss the reader chose (a regression
 * keeps the squared error, and says why).
 */
export function outputText(loss, problem, asked = loss) {
  if (problem === "regression") {
    return `Its output is linear, the predicted value, and it minimises the squared error ½(y − t)² against targets t from −1 to 1${
      asked === "crossEntropy"
        ? " (cross-entropy needs classes, so a regression keeps the squared error)"
        : ""
    }. A regression has no classes, so the panel gives no accuracy, only the losses.`;
  }
  return loss === "binaryCrossEntropy"
    ? "Its output is a sigmoid y, the probability it gives class +1 (predicted when y > ½), and it minimises the cross-entropy −t ln y − (1 − t) ln(1 − y) against t = 1 for class +1 and t = 0 for class −1."
    : "Its output is linear, its sign the predicted class, and it minimises the squared error ½(y − t)² against labels t = ±1.";
}

/**
 * Which initialisation the network starts from: for "auto", the one lib picks for the
 * activation (`chosen`, from initialisationFor) and why; otherwise the reader's choice, and
 * what auto would pick.
 */
export function initialisationText(init, chosen, activation) {
  const name = (id) => (id === "glorotUniform" ? "Glorot uniform" : initialisations[id].name);
  if (init === "auto") return `auto picks ${name(chosen.id)} for ${activation.label}: ${chosen.reason}`;
  const auto = initialisationFor(activation).id;
  const detail =
    init === "glorotUniform"
      ? "Glorot uniform, weights drawn evenly from ±√(6 / (n_in + n_out)), the Xavier variance 2 / (n_in + n_out) (Keras's default)"
      : `${name(init)}, Var(w) as its rule sets`;
  return `${detail}, chosen by hand${auto === init ? ", which is also what auto picks" : `; auto would pick ${name(auto)} for ${activation.label}`}.`;
}

/**
 * Whether residual connections are `on`, and which hidden layers get a skip connection
 * (`mlp.residual`, one flag per weight layer: a
 * skip adds a layer's input to its output, so only a layer as wide as the one before it
 * has one, never layer 1, which takes the inputs, nor the output).
 */
export function residualText(mlp, on) {
  const flags = mlp.residual ?? [];
  if (!flags.some(Boolean)) {
    if (!on) return "off, so every layer passes on f(z) alone.";
    return "on, but no hidden layer can have a skip: a skip adds a layer's input to its output, so it needs a layer as wide as the one before it (layer 1, which takes the inputs, never has one).";
  }
  const layers = flags.flatMap((skip, l) => (skip ? [l + 1] : []));
  // hidden layers after the first whose width differs from the layer before
  const {sizes} = mlp;
  const uneven = [];
  for (let k = 2; k < sizes.length - 1; k++) {
    if (!flags[k - 1]) uneven.push(`layer ${k} (${sizes[k]} units after ${sizes[k - 1]})`);
  }
  return `on, with a skip around hidden ${listed(
    layers.map((k) => `${k}`),
    "layer",
    "layers"
  )}${uneven.length ? `; none around ${listed(uneven)}, whose width differs from the layer before` : ""}.`;
}

/** "a", "a and b", "a, b and c", after `one` or `many` when given. */
function listed(items, one = "", many = one) {
  const list = items.length === 1 ? items[0] : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
  const word = items.length === 1 ? one : many;
  return word ? `${word} ${list}` : list;
}
