// The network diagram's SVG (./networkDiagram.js), drawn once per architecture: column
// titles, the one canvas of every node's map (./networkMaps.js), a node per input and unit
// (a frame over its map, and under a unit the strip of its pre-activations over f′), a link
// per weight, and the tip that shows one weight. Positions come from ./networkLayout.js; nothing here moves afterwards
// but attributes the diagram rewrites in place.
import {svgElement} from "./liveChart.js";
import {MAP_SIDE, networkMaps} from "./networkMaps.js";
import {inputLabel, nodeName} from "./networkLayout.js";
import {slopePath, slopeSamples, Z_DOMAIN} from "./unitChart.js";

/**
 * Draws the network laid out by `layout` (diagramLayout) for `sizes`, its units' activations
 * `activations` (one per weight layer) and the inputs' labels. Returns {svg, maps, nodes,
 * links, tip}: maps the canvas of the maps (networkMaps), nodes[c][k] = {group, values,
 * hist, x, y, dead, c, k} (values: the node's map, which maps.paint paints at x, y),
 * links[l][j·sizes[l] + i] = {group, wire, l, j, i, index, mid} (in weight order), tip =
 * {group, box, text}.
 */
export function drawNetwork({sizes, activations, inputLabels, layout}) {
  const svg = svgElement("svg", {
    class: "nd-svg",
    width: layout.width,
    height: layout.height,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    role: "group",
    "aria-label": `The network ${sizes.join(" → ")}: its inputs, units and weights`
  });
  const heads = svgElement("g", {class: "nd-heads", "aria-hidden": "true"});
  const wires = svgElement("g", {class: "nd-links"});
  const nodeLayer = svgElement("g", {class: "nd-nodes"});
  const maps = networkMaps(layout);
  svg.append(heads, wires, maps.holder, nodeLayer);
  const {node: side, strip: stripHeight} = layout;
  for (const {x, title} of layout.columns) {
    const text = svgElement("text", {x: x + side / 2, y: 14, class: "nd-head"});
    text.textContent = title;
    heads.append(text);
  }
  const samples = activations.map((activation) => slopeSamples(activation));
  const stripX = (z) => ((z - Z_DOMAIN[0]) / (Z_DOMAIN[1] - Z_DOMAIN[0])) * side;

  const nodes = layout.columns.map(({x, ys}, c) =>
    ys.map((y, k) => {
      const group = svgElement("g", {
        class: "nd-node nd-item",
        transform: `translate(${x},${y})`,
        role: "button",
        tabindex: -1,
        "data-column": c,
        "data-node": k,
        "aria-label": nodeName(sizes, inputLabels, c, k)
      });
      group.append(svgElement("rect", {class: "nd-frame", width: side, height: side, rx: 3}));
      const node = {group, values: new Float64Array(MAP_SIDE ** 2), hist: null, x, y, dead: false, c, k};
      if (c === 0) {
        const label = svgElement("text", {
          x: -6,
          y: side / 2 + 4,
          class: "nd-input-label",
          "aria-hidden": "true"
        });
        label.textContent = inputLabel(inputLabels, k);
        group.append(label);
      } else {
        const strip = svgElement("g", {
          class: "nd-strip",
          transform: `translate(0,${side + 3})`,
          "aria-hidden": "true"
        });
        const [lo, hi] = samples[c - 1].range;
        const stripY = (s) => stripHeight - ((s - lo) / (hi - lo)) * stripHeight;
        node.hist = svgElement("path", {class: "nd-hist"});
        strip.append(
          svgElement("rect", {class: "nd-strip-box", width: side, height: stripHeight}),
          node.hist,
          svgElement("path", {class: "nd-slope", d: slopePath(samples[c - 1], stripX, stripY)})
        );
        group.append(strip);
      }
      nodeLayer.append(group);
      return node;
    })
  );

  const links = sizes.slice(1).map((nOut, l) =>
    Array.from({length: nOut * sizes[l]}, (_, index) => {
      const j = Math.floor(index / sizes[l]);
      const i = index % sizes[l];
      const x1 = layout.columns[l].x + side;
      const y1 = layout.columns[l].ys[i] + side / 2;
      const x2 = layout.columns[l + 1].x;
      const y2 = layout.columns[l + 1].ys[j] + side / 2;
      const group = svgElement("g", {
        class: "nd-link nd-item",
        role: "button",
        tabindex: -1,
        "data-layer": l,
        "data-to": j,
        "data-from": i
      });
      const wire = svgElement("line", {x1, y1, x2, y2, class: "nd-wire"});
      group.append(wire, svgElement("line", {x1, y1, x2, y2, class: "nd-hit"}));
      wires.append(group);
      return {group, wire, l, j, i, index, mid: [(x1 + x2) / 2, (y1 + y2) / 2]};
    })
  );

  const tip = {
    group: svgElement("g", {class: "nd-tip", visibility: "hidden", "aria-hidden": "true"}),
    box: svgElement("rect", {height: 20, rx: 3}),
    text: svgElement("text", {y: 14})
  };
  tip.group.append(tip.box, tip.text);
  svg.append(tip.group);
  return {svg, maps, nodes, links, tip};
}
