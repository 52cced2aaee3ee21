// The playground's network drawn live, as TensorFlow Playground draws it, and past it: every
// input, hidden unit and output a node holding its own small map over the input plane; links
// coloured by the sign of their weight and thicker for a larger one, whose weight shows on
// hover or focus and can be edited (./weightEditor.js); under every unit a strip of where its
// pre-activations z fall on its activation's slope f′, dead units marked; the focused unit
// large (./unitChart.js). The SVG is drawn once per architecture (./networkDrawing.js);
// update() repaints it in place from every unit's values (../lib/mlpUnits.js) at the preview
// cells of the data chart's grid, recorded by the pass that gives the data chart its map
// (./playgroundPass.js), for every node's map, and from a pass over the training data for
// every unit's statistics (../lib/unitStats.js).
import {html} from "npm:htl";
import {features} from "../lib/features.js";
import {unitValues, unitValuesAt} from "../lib/mlpUnits.js";
import {isDead} from "../lib/unitStats.js";
import {formatNumber} from "./format.js";
import {setIfChanged} from "./liveChart.js";
import {setText} from "./liveDom.js";
import {addNetworkDiagramStyle} from "./networkDiagramStyle.js";
import {drawNetwork} from "./networkDrawing.js";
import {diagramLayout, linkTitle, linkWidth, moveFocus, nodeName} from "./networkLayout.js";
import {MAP, MAP_SIDE, sampleMap} from "./networkMaps.js";
import {gridPass, PREVIEW_BLOCK} from "./playgroundPass.js";
import {CHART_WIDTH, histogramPath, layerStats, unitChart, unitState, Z_BINS} from "./unitChart.js";
import {weightEditor} from "./weightEditor.js";

/** Sets an attribute unless `item[key]` remembers it holds `value` (cheaper than reading it back). */
function setCached(item, key, element, name, value) {
  if (item[key] === value) return;
  item[key] = value;
  element.setAttribute(name, value);
}

const capitalised = (text) => text.replace(/^the /, "").replace(/^\w/, (s) => s.toUpperCase());

/**
 * The diagram, for a panel `width` px wide. `show(trainer, {inputLabels, live})` draws a
 * trainer's network (input labels by default from its `features`, ids of ../lib/features.js;
 * drawn again only when its shape, activations or input labels changed) and
 * updates it: `update({live})` repaints it from the trainer's current weights (live: while
 * training, when only the focused item's accessible name is rewritten). `recolor()` repaints
 * after a change of theme. `onEdit(l, j, i, value)` sets a weight the reader typed.
 *
 * A trainer whose network takes features of the points rather than the points (x₁, x₂)
 * themselves says so with `inputsOf(points)` (the network's inputs for n × 2 points) and
 * `trainSet.inputs` (its training inputs); one with a sigmoid output (`sigmoidOutput`) has
 * its output's map read against ½, as the data chart reads it.
 *
 * The maps come from `pass` (./playgroundPass.js: every unit at the data chart's preview
 * cells, from the pass over its grid), which its owner marks out of date when the network
 * changes; without one, the diagram runs its own over the preview cells each time it updates.
 */
export function networkDiagram({width, onEdit, pass = null}) {
  addNetworkDiagramStyle(document);
  const own = pass === null;
  pass ??= gridPass();
  pass.withUnits(unitValuesAt); // the grid's pass then records every unit at the preview cells
  const editor = weightEditor();
  const big = unitChart({side: MAP_SIDE, width, colors: MAP.colors, strength: MAP.strength});
  const note = html`<p class="nd-note" role="status"></p>`;
  const stage = html`<div class="nd-stage">${editor}</div>`;
  const root = html`<figure class="nd">
    <div class="nd-scroll">${stage}</div>
    ${big}
    <figcaption class="nd-caption">
      Each node shows its output over the input plane (blue +, orange −); under each unit, bars show where its
      pre-activations z fall over the training data, on its slope f′(z) (dashed); a dashed grey frame marks a
      dead unit. A link is blue for a positive weight, orange for a negative one, and thicker for a larger
      one: hover or focus it to read its weight, click it or press Enter to change it. Keys: Tab into the
      network, then the arrows (up and down within a column, left and right along the links).
    </figcaption>
    ${note}
  </figure>`;

  let trainer = null;
  let drawn = null; // what build() drew: the shape, its elements and the keyboard's columns
  let passes = {train: undefined};
  let stats = [];
  let selected = [0, 0]; // [column, node] shown large
  let active = null; // the item with the one tab stop
  let shownLink = null; // the link whose weight the tip shows

  function build(sizes, activation, inputLabels) {
    // beside the focused unit's chart when both fit, else above it (the figure wraps)
    const layout = diagramLayout(sizes, width >= 700 ? width - CHART_WIDTH - 24 : width);
    const activations = sizes
      .slice(1)
      .map((_, l) => (l === sizes.length - 2 ? trainer.mlp.outputActivation : activation));
    const drawing = drawNetwork({sizes, activations, inputLabels, layout});
    stage.replaceChildren(drawing.svg, editor);
    // its size given, the stage contains its layout: a frame's changes stay inside it
    Object.assign(stage.style, {width: `${layout.width}px`, height: `${layout.height}px`});
    const groups = [];
    drawing.nodes.forEach((column, c) => {
      if (c > 0) groups.push(drawing.links[c - 1].map((link) => link.group));
      groups.push(column.map((node) => node.group));
    });
    drawn = {sizes, activation, inputLabels, layout, activations, groups, ...drawing};
    passes = {train: undefined};
    stats = [];
    shownLink = null;
    const output = drawing.nodes.length - 1;
    active = null;
    makeActive(drawing.nodes[output][0].group, {focus: false});
    select(output, 0);
  }

  /** Shows node k of column c large. */
  function select(c, k) {
    selected = [c, k];
    for (const column of drawn.nodes)
      for (const node of column) node.group.classList.toggle("selected", node.c === c && node.k === k);
    big.show({
      name: capitalised(nodeName(drawn.sizes, drawn.inputLabels, c, k)),
      activation: c === 0 ? null : drawn.activations[c - 1]
    });
    paintBig();
  }

  function paintBig() {
    if (stats.length === 0) return;
    const [c, k] = selected;
    big.update(drawn.nodes[c][k].values, c === 0 ? null : stats[c - 1], k);
  }

  const linkOf = (element) =>
    drawn.links[Number(element.dataset.layer)][
      Number(element.dataset.to) * drawn.sizes[Number(element.dataset.layer)] + Number(element.dataset.from)
    ];
  const nodeOf = (element) => drawn.nodes[Number(element.dataset.column)][Number(element.dataset.node)];

  function labelLink(link) {
    const w = trainer.mlp.weights[link.l][link.index];
    setIfChanged(
      link.group,
      "aria-label",
      `${linkTitle(drawn.sizes, drawn.inputLabels, link.l, link.j, link.i)}: ${formatNumber(w)}`
    );
    return w;
  }

  function labelNode(node) {
    const state = node.c > 0 ? unitState(stats[node.c - 1], node.k) : "";
    setIfChanged(node.group, "aria-label", nodeName(drawn.sizes, drawn.inputLabels, node.c, node.k) + state);
  }

  function showTip(link) {
    shownLink = link;
    const {tip, layout} = drawn;
    if (!link) {
      tip.group.setAttribute("visibility", "hidden");
      return;
    }
    setText(tip.text, `w = ${formatNumber(labelLink(link))}`);
    const boxWidth = 16 + 7 * tip.text.textContent.length;
    const x = Math.min(layout.width - boxWidth, Math.max(0, link.mid[0] - boxWidth / 2));
    setIfChanged(tip.group, "transform", `translate(${x},${Math.max(0, link.mid[1] - 26)})`);
    setIfChanged(tip.box, "width", boxWidth);
    setIfChanged(tip.text, "x", boxWidth / 2);
    tip.group.setAttribute("visibility", "visible");
  }

  function makeActive(element, {focus = true} = {}) {
    if (active && active !== element) active.setAttribute("tabindex", "-1");
    active = element;
    element.setAttribute("tabindex", "0");
    if (focus) element.focus();
  }

  function edit(link) {
    editor.open({
      label: linkTitle(drawn.sizes, drawn.inputLabels, link.l, link.j, link.i),
      value: trainer.mlp.weights[link.l][link.index],
      x: Math.max(0, Math.min(link.mid[0] - 90, drawn.layout.width - 200)),
      y: link.mid[1] + 8,
      onCommit: (value) => onEdit(link.l, link.j, link.i, value),
      onClose: () => link.group.isConnected && link.group.focus()
    });
  }

  const itemOf = (event) => event.target.closest?.(".nd-item") ?? null;
  stage.addEventListener("pointerover", (event) => {
    const item = itemOf(event);
    if (item?.classList.contains("nd-link")) showTip(linkOf(item));
  });
  // off a link, the tip goes back to the focused link's weight, or away
  stage.addEventListener("pointerout", (event) => {
    const from = itemOf(event);
    if (!from?.classList.contains("nd-link") || from.contains(event.relatedTarget)) return;
    const focused = document.activeElement;
    showTip(focused?.classList?.contains("nd-link") && stage.contains(focused) ? linkOf(focused) : null);
  });
  stage.addEventListener("focusin", (event) => {
    const item = itemOf(event);
    if (!item) return;
    makeActive(item, {focus: false});
    if (item.classList.contains("nd-link")) return showTip(linkOf(item));
    showTip(null);
    labelNode(nodeOf(item));
    select(Number(item.dataset.column), Number(item.dataset.node));
  });
  stage.addEventListener("click", (event) => {
    const item = itemOf(event);
    if (!item) return;
    makeActive(item);
    if (item.classList.contains("nd-link")) edit(linkOf(item));
  });
  stage.addEventListener("keydown", (event) => {
    const item = itemOf(event);
    if (!item) return;
    if ((event.key === "Enter" || event.key === " ") && item.classList.contains("nd-link")) {
      event.preventDefault();
      edit(linkOf(item));
      return;
    }
    const next = moveFocus(drawn.groups, item, event.key);
    if (next === null) return;
    event.preventDefault();
    if (next.classList.contains("nd-link")) labelLink(linkOf(next));
    makeActive(next);
  });

  let plane = null; // every unit at the preview cells ({side, inputs, values}), the maps' source
  // the input nodes are named by the trainer's features (x₁, x₂, x₁², …) unless labels are given
  const labelsOf = (next) => (next.features ?? []).map((id) => features[id]?.label ?? id);
  root.show = (next, {inputLabels = labelsOf(next), live = false} = {}) => {
    trainer = next;
    const {sizes, activation} = trainer;
    const same =
      drawn !== null &&
      drawn.sizes.join() === sizes.join() &&
      drawn.activation === activation &&
      drawn.activations.at(-1) === trainer.mlp.outputActivation &&
      drawn.inputLabels.join() === inputLabels.join();
    if (!same) {
      editor.close();
      build(sizes, activation, inputLabels);
      live = false;
    }
    return root.update({live});
  };

  /**
   * The units at the preview cells, those over the training data and their statistics; false
   * (with a note saying why) when they fail.
   */
  function measure() {
    try {
      if (own) pass.invalidate();
      plane = pass.over(trainer, PREVIEW_BLOCK);
      passes.train = unitValues(trainer.mlp, (trainer.trainSet ?? trainer.train).inputs, passes.train);
    } catch (error) {
      setText(note, `The network cannot be drawn: ${error.message}`);
      return false;
    }
    if (note.textContent) setText(note, "");
    stats = layerStats(passes.train, drawn.activations, drawn.sizes);
    return true;
  }

  root.update = ({live = false} = {}) => {
    if (drawn === null || !measure()) return root;
    const {nodes, links, sizes, layout} = drawn;
    const bars = {left: 0, base: layout.strip, binWidth: layout.node / Z_BINS, height: layout.strip - 1};
    const last = nodes.length - 1;
    nodes.forEach((column, c) => {
      const source = c === 0 ? plane.inputs : plane.values.a[c - 1];
      // a sigmoid output is read against ½: its map shows 2·(y − ½), from −1 to 1
      const [centre, scale] = c === last && trainer.sigmoidOutput ? [0.5, 2] : [0, 1];
      for (const node of column) {
        const {values, k} = node;
        sampleMap(values, MAP_SIDE, plane, source, sizes[c], k, centre, scale);
        if (c > 0) {
          setCached(node, "path", node.hist, "d", histogramPath(stats[c - 1], k, bars));
          const dead = isDead(stats[c - 1], k);
          if (dead !== node.dead) node.group.classList.toggle("nd-dead", (node.dead = dead));
          if (!live) labelNode(node);
        }
        drawn.maps.paint(node);
      }
    });
    drawn.maps.show();
    links.forEach((layer, l) => {
      const w = trainer.mlp.weights[l];
      for (const link of layer) {
        const value = w[link.index];
        setCached(link, "width", link.wire, "stroke-width", linkWidth(value));
        setCached(link, "sign", link.wire, "class", value < 0 ? "nd-wire nd-negative" : "nd-wire nd-positive");
        if (!live) labelLink(link);
      }
    });
    if (live && active?.classList.contains("nd-node")) labelNode(nodeOf(active));
    if (shownLink) showTip(shownLink);
    paintBig();
    return root;
  };

  root.recolor = () => {
    if (drawn) {
      drawn.maps.recolor();
      for (const column of drawn.nodes) for (const node of column) drawn.maps.paint(node);
      drawn.maps.show();
    }
    big.recolor();
  };
  /** Shows node k of column c (0: the inputs) large, as focusing it does. */
  root.select = (c, k) => select(c, k);
  return root;
}
