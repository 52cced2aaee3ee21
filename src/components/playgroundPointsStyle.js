// The styles of the reader's own points (playgroundPoints.js: the editor and the map's
// click-and-drag editing it attaches), added to the page with the editor, which loads only
// when the Dataset menu first says "Your own points".
import {addLazyStyle} from "./lazyStyle.js";

const css = `
.pg-points label:has(> input[type="radio"]) {
  display: inline-flex;
  align-items: center;
  gap: 0.2rem;
  min-height: 24px;
  white-space: nowrap;
}
.pg-data-chart[data-editing="add"],
.pg-data-chart[data-editing="erase"] {
  touch-action: none;
  cursor: crosshair;
}
.pg-data-chart[data-editing="erase"] {
  cursor: cell;
}
.pg-points {
  border: 1px solid var(--theme-foreground-faintest);
  border-radius: 6px;
  padding: 0.25rem 0.75rem 0.5rem;
  margin: 1rem 0 0;
  font: 13px/1.4 var(--sans-serif);
  max-width: 720px;
}
.pg-points p {
  margin: 0.35rem 0;
}
.pg-points-row,
.pg-points-typed {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.35rem 0.9rem;
  margin: 0.35rem 0;
}
.pg-points-class,
.pg-points-mode {
  display: inline-flex;
  gap: 0.6rem;
}
.pg-points input[type="number"] {
  width: 5.5em;
}
.pg-points button {
  font: inherit;
  min-height: 24px;
  cursor: pointer;
}
.pg-points-help {
  color: var(--theme-foreground-muted);
}
.pg-points textarea {
  display: block;
  box-sizing: border-box;
  width: 100%;
  margin: 0.25rem 0;
  font: 12px/1.4 var(--monospace);
}
.pg-points-messages {
  margin: 0.25rem 0;
  padding-left: 1.2rem;
  color: var(--theme-red);
}
.pg-points-messages:empty {
  display: none;
}
.pg-points-status {
  color: var(--theme-foreground-muted);
}
.pg-points [hidden] {
  display: none;
}
`;

/** Adds the points editor's styles to `document`, once. */
export function addPointsStyle(document) {
  addLazyStyle(document, "points-style", css);
}
