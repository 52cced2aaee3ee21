// The network diagram's styles (networkDiagram.js, its weight editor and its large unit
// view), added to the page with the diagram's code, so that the playground's first load
// carries none of them: the diagram loads as the reader nears it. The colours are the page's
// theme properties, so they follow its light and dark themes.
import {addLazyStyle} from "./lazyStyle.js";

const css = `
.nd {
  margin: 0.5rem 0 1rem;
  max-width: none;
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem 1.5rem;
  align-items: flex-start;
}
.nd-scroll {
  max-width: 100%;
  overflow-x: auto;
  flex: 0 1 auto;
}
.nd-stage {
  position: relative;
  /* sized from the layout (networkDiagram.js): the links and strips that change at every
     frame of training are laid out again without the page around them */
  contain: size layout;
}
.nd-svg {
  display: block;
  font: 12px var(--sans-serif);
  overflow: visible;
}
.nd-head {
  text-anchor: middle;
  fill: var(--theme-foreground-muted);
}
.nd-input-label {
  text-anchor: end;
  fill: currentColor;
}
.nd-wire {
  stroke: var(--theme-foreground-faint);
}
.nd-wire.nd-positive {
  stroke: var(--pg-positive);
}
.nd-wire.nd-negative {
  stroke: var(--pg-negative);
}
.nd-hit {
  stroke: transparent;
  stroke-width: 9;
}
.nd-item {
  cursor: pointer;
  outline: none;
}
.nd-link:hover .nd-wire,
.nd-link:focus-visible .nd-wire {
  stroke-opacity: 1;
  filter: drop-shadow(0 0 1.5px var(--theme-foreground));
}
.nd-link:focus-visible .nd-hit {
  stroke: var(--theme-foreground-focus);
  stroke-opacity: 0.35;
  stroke-width: 7;
}
.nd-maps {
  pointer-events: none;
}
.nd-frame {
  fill: transparent; /* over the node's map (on the canvas under it): the node takes the pointer */
  stroke: var(--theme-foreground-faint);
  stroke-width: 1;
}
.nd-node.selected .nd-frame {
  stroke: var(--theme-foreground);
  stroke-width: 2;
}
.nd-node:focus-visible .nd-frame {
  stroke: var(--theme-foreground-focus);
  stroke-width: 3;
  stroke-dasharray: 4 2;
}
.nd-node.nd-dead .nd-frame {
  stroke: var(--color-dead);
  stroke-width: 2.5;
  stroke-dasharray: 4 3;
}
.nd-strip-box {
  fill: var(--theme-background-alt);
}
.nd-hist {
  fill: var(--theme-foreground-muted);
  fill-opacity: 0.55;
}
.nd-slope {
  fill: none;
  stroke: var(--color-df);
  stroke-width: 1.2;
  stroke-dasharray: 3 2;
}
.nd-tip rect {
  fill: var(--theme-background);
  stroke: var(--theme-foreground-muted);
}
.nd-tip text {
  text-anchor: middle;
  fill: var(--theme-foreground);
  font-variant-numeric: tabular-nums;
}
.nd-editor {
  position: absolute;
  z-index: 2;
  box-sizing: border-box;
  width: 200px;
  padding: 0.4rem 0.5rem;
  background: var(--theme-background);
  border: 1px solid var(--theme-foreground-muted);
  border-radius: 4px;
  font: 12px/1.3 var(--sans-serif);
  box-shadow: 0 2px 6px rgb(0 0 0 / 0.25);
}
.nd-editor-label {
  display: block;
  margin-bottom: 0.25rem;
}
.nd-editor-input {
  width: 100%;
  box-sizing: border-box;
  font: inherit;
}
.nd-editor-input[aria-invalid="true"] {
  border-color: var(--theme-red);
}
.nd-editor-message {
  margin: 0.25rem 0 0;
  color: var(--theme-red);
}
.nd-editor-message:empty {
  display: none;
}
.nd-big {
  flex: 0 1 320px;
  min-width: 0;
  font: 13px/1.4 var(--sans-serif);
}
.nd-big-title {
  margin: 0 0 0.25rem;
  font-weight: 600;
}
.nd-big-row {
  display: flex;
  gap: 0.75rem;
  align-items: flex-start;
}
.nd-big-map-box {
  width: 120px;
  height: 120px;
  flex: 0 0 120px;
  border: 1px solid var(--theme-foreground-faint);
}
.nd-big-row .nd-big-summary {
  flex: 1 1 0;
  min-width: 0;
}
.nd-big-chart {
  min-width: 0;
}
.nd-big-chart .nd-hist {
  fill-opacity: 0.4;
}
.nd-big-summary,
.nd-caption,
.nd-note {
  margin: 0.25rem 0 0;
  font: 12px/1.4 var(--sans-serif);
  color: var(--theme-foreground-muted);
  max-width: 720px;
}
.nd-caption {
  flex: 1 1 100%;
}
.nd-note:empty {
  display: none;
}
@media print {
  /* the weight editor is for screens */
  .nd-editor {
    display: none;
  }
}
`;

/** Adds the diagram's styles to `document`, once. */
export function addNetworkDiagramStyle(document) {
  addLazyStyle(document, "network-diagram-style", css);
}
