// The 2-2-2 network of the walk-through drawn as a computational graph: inputs, hidden and
// output units (each with its weighted sum net, its output out and its δ), the weights on the
// edges (each with ∂E/∂w) and the loss. Drawn once as SVG; update(step) writes new numbers into
// its text nodes in place. The weights and units are a radio group: a click, or the arrow keys
// then Enter or Space, selects one, and onSelect(item) tells the page.
import {INPUT_NAMES, SELECTABLE, UNIT_NAMES, WEIGHT_NAMES, selectionName} from "./chainProduct.js";
import {formatNumber} from "./format.js";
import {setText} from "./liveDom.js";
import {setIfChanged, svgElement} from "./liveChart.js";

const VIEW = {width: 800, height: 300};
const COLUMN_X = [50, 320, 590];
const ROW_Y = [80, 240];
const BOX = {input: 80, unit: 110};
const LOSS = {x: 742, y: 160, width: 90};

/** The index of the item the arrow keys move to from `index` among `count` (wrapping); -1 when `key` moves nothing. */
export function nextIndex(index, key, count) {
  if (key === "ArrowRight" || key === "ArrowDown") return (index + 1) % count;
  if (key === "ArrowLeft" || key === "ArrowUp") return (index - 1 + count) % count;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return -1;
}

function text(parent, x, y, className, content = "") {
  const element = svgElement("text", {x, y, class: className});
  element.textContent = content;
  parent.append(element);
  return element;
}

/** A node's box with its lines of text; returns the text elements. */
function node(parent, {x, y, width, lines, className}) {
  const height = 18 * lines + 14;
  const group = svgElement("g", {class: className});
  group.append(
    svgElement("rect", {x: x - width / 2, y: y - height / 2, width, height, rx: 8, class: "walk-box"})
  );
  const texts = Array.from({length: lines}, (_, k) =>
    text(group, x, y - height / 2 + 22 + 18 * k, k === 0 ? "walk-name" : "walk-value")
  );
  parent.append(group);
  return {group, texts};
}

/** An edge from (x1, y1) to (x2, y2) with two lines of label a fraction `at` along it. */
function edge(parent, [x1, y1], [x2, y2], at) {
  const group = svgElement("g", {class: "walk-edge"});
  group.append(svgElement("line", {x1, y1, x2, y2, class: "walk-line"}));
  group.append(svgElement("line", {x1, y1, x2, y2, class: "walk-hit"}));
  const lx = x1 + (x2 - x1) * at;
  const ly = y1 + (y2 - y1) * at;
  const label = svgElement("g", {class: "walk-label"});
  label.append(svgElement("rect", {x: lx - 56, y: ly - 17, width: 112, height: 34, rx: 4}));
  const texts = [text(label, lx, ly - 3, "walk-value"), text(label, lx, ly + 12, "walk-value walk-grad")];
  group.append(label);
  parent.append(group);
  return {group, texts};
}

const n = (value) => formatNumber(value);

/**
 * Draws the graph for `step` (backpropStep's result for `net`) and returns its <figure>, with
 * update(step, net) to write new numbers, select(name) to select an item by name ("w5", "h1"),
 * and the selected item's name in figure.selected. onSelect(item) runs on each selection.
 * @param {{selected?: string, onSelect?: (item: import("./chainProduct.js").Selection) => void}} [options]
 * @returns {HTMLElement & {update: (step: any, net: any) => HTMLElement, select: (name: string) => void, selected: string}}
 */
export function networkGraph(step, net, {selected = "w5", onSelect = (_item) => {}} = {}) {
  const figure = /** @type {any} */ (document.createElement("figure"));
  figure.className = "walk-graph";
  const svg = svgElement("svg", {
    viewBox: `0 0 ${VIEW.width} ${VIEW.height}`,
    role: "radiogroup",
    "aria-label": "The network's weights and units: select one to see its chain-rule product"
  });
  const edges = svgElement("g");
  const nodes = svgElement("g");
  svg.append(edges, nodes);
  figure.append(svg);

  const items = new Map(); // name → {group, texts}
  const inputs = INPUT_NAMES.map((name, i) =>
    node(nodes, {x: COLUMN_X[0], y: ROW_Y[i], width: BOX.input, lines: 2, className: "walk-node walk-input"})
  );
  UNIT_NAMES.forEach((names, l) =>
    names.forEach((name, j) => {
      const unit = node(nodes, {
        x: COLUMN_X[l + 1],
        y: ROW_Y[j],
        width: BOX.unit,
        lines: l === 1 ? 5 : 4,
        className: "walk-node walk-unit"
      });
      items.set(name, unit);
    })
  );
  const loss = node(nodes, {x: LOSS.x, y: LOSS.y, width: LOSS.width, lines: 2, className: "walk-node walk-loss"});
  WEIGHT_NAMES.forEach((rows, l) =>
    rows.forEach((row, j) =>
      row.forEach((name, i) => {
        const from = [COLUMN_X[l] + (l === 0 ? BOX.input : BOX.unit) / 2, ROW_Y[i]];
        const to = [COLUMN_X[l + 1] - BOX.unit / 2, ROW_Y[j]];
        // a crossing edge's label sits before the crossing, where the crossing edges are well apart
        items.set(name, edge(edges, from, to, i === j ? 0.5 : 0.38));
      })
    )
  );
  for (const [l, rowY] of ROW_Y.entries()) {
    const from = [COLUMN_X[2] + BOX.unit / 2, rowY];
    edges.append(svgElement("line", {x1: from[0], y1: from[1], x2: LOSS.x - LOSS.width / 2, y2: LOSS.y, class: "walk-line walk-to-loss", "data-output": l}));
  }

  const order = SELECTABLE.map(selectionName);
  for (const name of order) {
    const {group} = items.get(name);
    group.classList.add("walk-item");
    group.dataset.name = name;
    group.setAttribute("role", "radio");
    group.setAttribute("tabindex", "-1");
    group.addEventListener("click", () => select(name, {focus: true}));
  }
  svg.addEventListener("keydown", (event) => {
    const name = event.target.closest?.(".walk-item")?.dataset.name;
    if (!name) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      select(name);
      return;
    }
    const index = nextIndex(order.indexOf(name), event.key, order.length);
    if (index < 0) return;
    event.preventDefault();
    select(order[index], {focus: true});
  });

  function select(name, {focus = false} = {}) {
    if (!items.has(name)) throw new Error(`networkGraph: no weight or unit named ${String(name)}`);
    for (const other of order) {
      const {group} = items.get(other);
      const on = other === name;
      group.setAttribute("aria-checked", String(on));
      group.setAttribute("tabindex", on ? "0" : "-1");
      group.classList.toggle("selected", on);
    }
    figure.selected = name;
    if (focus) items.get(name).group.focus();
    onSelect(SELECTABLE[order.indexOf(name)]);
  }

  figure.update = (nextStep, nextNet) => {
    const {trace} = nextStep;
    INPUT_NAMES.forEach((name, i) => {
      setText(inputs[i].texts[0], name);
      setText(inputs[i].texts[1], n(trace.input[i]));
    });
    UNIT_NAMES.forEach((names, l) =>
      names.forEach((name, j) => {
        const L = trace.layers[l];
        const {group, texts} = items.get(name);
        setText(texts[0], `${name}  b ${n(nextNet[l].biases[j])}`);
        setText(texts[1], `net ${n(L.z[j])}`);
        setText(texts[2], `out ${n(L.a[j])}`);
        setText(texts[3], `δ ${n(L.delta[j])}`);
        if (l === 1) setText(texts[4], `target ${n(trace.target[j])}`);
        group.classList.toggle("walk-dead", L.fPrime[j] === 0);
        setIfChanged(
          group,
          "aria-label",
          `unit ${name}: net ${n(L.z[j])}, out ${n(L.a[j])}, δ ${n(L.delta[j])}${L.fPrime[j] === 0 ? ", passes nothing back" : ""}`
        );
      })
    );
    WEIGHT_NAMES.forEach((rows, l) =>
      rows.forEach((row, j) =>
        row.forEach((name, i) => {
          const {group, texts} = items.get(name);
          const w = nextNet[l].weights[j][i];
          const g = trace.layers[l].weightGradients[j][i];
          setText(texts[0], `${name} = ${n(w)}`);
          setText(texts[1], `∂E/∂${name} = ${n(g)}`);
          texts[1].dataset.value = String(g);
          setIfChanged(group, "aria-label", `weight ${name} = ${n(w)}, ∂E/∂${name} = ${n(g)}`);
        })
      )
    );
    setText(loss.texts[0], "E");
    setText(loss.texts[1], n(trace.lossValue));
    loss.texts[1].dataset.value = String(trace.lossValue);
    return figure;
  };
  figure.select = (name) => select(name);
  figure.update(step, net);
  select(selected);
  return figure;
}
