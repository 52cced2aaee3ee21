// Where the network diagram (./networkDiagram.js) puts things, and how the keyboard moves
// through it: pure functions of the network's shape, tested on their own.

/** Pixel sizes of the diagram: a node's map, the strip under it, rows and margins. */
const NODE = 40;
const STRIP = 12;
const ROW = 64;
const TOP = 26;
const BOTTOM = 4;
const LEFT = 30; // room for the inputs' labels
const RIGHT = 10;
/** Horizontal distance between columns: at least MIN_GAP (the diagram then scrolls), at most MAX_GAP. */
const MIN_GAP = 84;
const MAX_GAP = 150;

/**
 * The layout of a network of these `sizes` (inputs first) in at most `width` px when it fits:
 * {width, height, node, strip, columns: [{x, ys, title}]}, each column's nodes centred on
 * the tallest one's, x and y the top-left corner of each node's map.
 */
export function diagramLayout(sizes, width) {
  const count = sizes.length;
  const rows = Math.max(...sizes);
  // an even number of px, so that every node's corner falls on a cell of the maps' canvas
  // (./networkMaps.js: a cell is 2 px)
  const gap = 2 * Math.floor(Math.max(MIN_GAP, Math.min(MAX_GAP, (width - LEFT - RIGHT - NODE) / (count - 1))) / 2);
  const height = TOP + rows * ROW - (ROW - NODE - STRIP - 3) + BOTTOM;
  const columns = sizes.map((n, c) => {
    const first = TOP + ((rows - n) * ROW) / 2;
    return {
      x: LEFT + c * gap,
      ys: Array.from({length: n}, (_, k) => first + k * ROW),
      title: c === 0 ? "inputs" : c === count - 1 ? "output" : `layer ${c}`
    };
  });
  return {width: LEFT + (count - 1) * gap + NODE + RIGHT, height, node: NODE, strip: STRIP, columns};
}

/**
 * A link's stroke width (px) for weight w: thicker for larger |w|, 0.5 px at 0, 5 px from
 * |w| = 2 on, in steps of 0.5 px. While the network trains, a link is rewritten only when its
 * weight crosses a step, so a frame rewrites a few of the 6 × 8 network's 344 links rather
 * than most of them: each rewritten line costs the SVG's layout and paint (with steps of 0.1 px
 * the diagram ran about 1 fps slower, 2–3 times as many frames late).
 */
export function linkWidth(w) {
  const size = Number.isFinite(w) ? Math.min(1, Math.abs(w) / 2) : 0;
  return Math.round((0.5 + 4.5 * size) * 2) / 2;
}

/**
 * Where a key moves the focus from `item` among `groups`, the diagram's columns from left to
 * right: the nodes of each column, with the links into it (ordered by the unit they reach,
 * then the one they leave: weight order) between them. Up and down move within a column,
 * Home and End to its ends; right goes from a node to its first link out and from a link to
 * the unit it reaches, left from a node to its first link in and from a link to the node it
 * leaves (a link's element has data-to and data-from). Null when the key moves nothing.
 */
export function moveFocus(groups, item, key) {
  const g = groups.findIndex((group) => group.includes(item));
  if (g < 0) return null;
  const group = groups[g];
  const k = group.indexOf(item);
  const isLink = item.dataset?.to !== undefined;
  switch (key) {
    case "ArrowDown":
      return group[Math.min(k + 1, group.length - 1)];
    case "ArrowUp":
      return group[Math.max(k - 1, 0)];
    case "Home":
      return group[0];
    case "End":
      return group[group.length - 1];
    case "ArrowRight":
      if (g + 1 >= groups.length) return item;
      return groups[g + 1][isLink ? Number(item.dataset.to) : k];
    case "ArrowLeft":
      if (g === 0) return item;
      // a node's first link in: from the first node of the column before (that column has
      // groups[g − 2].length nodes, so the links into node k start at k times that)
      return groups[g - 1][isLink ? Number(item.dataset.from) : k * groups[g - 2].length];
    default:
      return null;
  }
}

const subscript = (n) => String(n).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[d]);

/** Input k's label: the one given, else x₁, x₂, … */
export function inputLabel(inputLabels, k) {
  return inputLabels[k] ?? `x${subscript(k + 1)}`;
}

/** The name of node k of column c (0: the inputs) in a network of these sizes. */
export function nodeName(sizes, inputLabels, c, k) {
  if (c === 0) return `input ${inputLabel(inputLabels, k)}`;
  if (c === sizes.length - 1) return sizes[c] === 1 ? "the output" : `output ${k + 1}`;
  return `unit ${k + 1} of layer ${c}`;
}

/** The link from node i of column l to node j of column l + 1, in words, without its weight. */
export function linkTitle(sizes, inputLabels, l, j, i) {
  const from = l === 0 ? inputLabel(inputLabels, i) : nodeName(sizes, inputLabels, l, i);
  return `weight from ${from} to ${nodeName(sizes, inputLabels, l + 1, j)}`;
}
