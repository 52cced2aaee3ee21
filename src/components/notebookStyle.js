// Notebook mode: the styles of the code panels and the page's tools, added to the page with
// the editor (notebookEditor.js), so a reader who never shows the code never loads them. The
// colours are the page's theme properties, so they follow its light and dark themes; the light
// theme's syntax colours are darkened to keep AA contrast on the editor's background.
import {addLazyStyle} from "./lazyStyle.js";

const css = `
:root:not(.notebook-shown) :is(.notebook-cell, .notebook-tools) {
  display: none;
}
.notebook-tools,
.notebook-cell {
  max-width: 640px;
  font: 14px var(--sans-serif);
}
.notebook-tools {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.5rem;
  margin: 0 0 1.5rem;
}
.notebook-tools p {
  flex-basis: 100%;
  margin: 0;
}
.notebook-cell {
  margin: 0.5rem 0 1.5rem;
  padding-left: 0.6rem;
  border-left: 3px solid var(--theme-foreground-faintest);
}
.notebook-cell.notebook-edited {
  border-left-color: var(--color-df);
}
.notebook-cell-head {
  display: flex;
  align-items: center;
  gap: 0.5rem;
  margin-bottom: 0.3rem;
}
.notebook-mark {
  margin-right: auto;
  font-weight: 600;
  color: var(--theme-foreground-muted);
}
.notebook-code {
  min-width: 0;
  border: 1px solid var(--theme-foreground-faintest);
  /* the light theme's syntax colours, darkened to AA contrast on --theme-background-alt */
  --notebook-keyword: #b31d28;
  --notebook-string: #032f62;
  --notebook-constant: #005cc5;
  --notebook-entity: #6f42c1;
  --notebook-variable: #9a3b00;
  --notebook-comment: var(--theme-foreground-muted);
}
@media screen and (prefers-color-scheme: dark) {
  .notebook-code {
    --notebook-keyword: var(--syntax-keyword);
    --notebook-string: var(--syntax-string);
    --notebook-constant: var(--syntax-constant);
    --notebook-entity: var(--syntax-entity);
    --notebook-variable: var(--syntax-variable);
  }
}
.notebook-help {
  margin: 0.3rem 0 0;
  color: var(--theme-foreground-muted);
  font-size: 12px;
}
.notebook-status:empty {
  display: none;
}
.notebook-status .observablehq--error {
  margin-top: 0.3rem;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
}
@media print {
  .notebook-cell,
  .notebook-tools {
    display: none;
  }
}
`;

/** Adds the panels' styles to `document`, once. */
export function addNotebookStyle(document) {
  addLazyStyle(document, "notebook-style", css);
}
