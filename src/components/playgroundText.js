// What the playground says in words: the network's shape, the trainer's state, and the
// dead units (counted by lib) with what they mean.
import {html} from "npm:htl";
import {deadUnits} from "../lib/mlp.js";

/** "2 → 4 → 4 → 1" */
export function describeSizes(sizes) {
  return sizes.join(" → ");
}

/** One sentence on where training stands: diverged, running, at its start or paused. */
export function stateMessage(trainer) {
  return trainer.diverged
    ? "The loss became infinite: the learning rate is too large for this network, so the weights blew up. Lower it and press Reset."
    : trainer.playing
      ? "Training…"
      : trainer.mlp.stats.epochs === 0
        ? "Paused at epoch 0: the background shows the untrained network's random guess."
        : "Paused.";
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
  root.show = ({mlp, train, sizes, activation}) => {
    const dead = deadUnits(mlp, train.inputs).slice(0, -1);
    const key = `${activation.id} ${activation.label} ${sizes[1]} ${dead.join(",")}`;
    if (key === shown) return;
    shown = key;
    if (dead.length === 0) {
      root.innerHTML =
        "<p><strong>Dead units:</strong> none possible. With no hidden layer the network is one linear output unit on the two inputs, so its decision boundary is a straight line.</p>";
      return;
    }
    root.replaceChildren(countParagraph(dead, sizes[1]), adviceParagraph(dead, activation));
  };
  return root;
}

const sum = (counts) => counts.reduce((a, b) => a + b, 0);

function countParagraph(dead, units) {
  const total = sum(dead);
  return html`<p>
    <strong>Dead units:</strong> <span class="live pg-dead-count">${total}</span> of ${dead.length * units}
    hidden units (${dead.map((n, l) => `layer ${l + 1}: ${n}`).join(", ")}).
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
