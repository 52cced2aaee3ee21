// Notebook mode: one cell's panel under its output: the editor, Run and Revert, whether the
// cell is edited (in words, not only colour), and its error when the code cannot run. The
// panel keeps three versions apart: the author's code, the code the page runs, and the
// code in the editor; it saves through `save` before every run and after every change.
import {createCodeEditor} from "./notebookCodeMirror.js";

let panels = 0;

function button(text, title, onClick) {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = text;
  if (title) element.title = title;
  element.addEventListener("click", onClick);
  return element;
}

/**
 * The panel of cell `id` (the `index`th of the page), holding `saved` (the reader's saved
 * edit) or else `original`. `runtime.run(id, source)` runs code; `save(id, source | null)`
 * stores the edit (null: none); `onChange()` follows any change of state. Returns `{element, run(), revert(), edited(), source()}`.
 */
export function cellPanel({id, index, original, saved, runtime, save, onChange = () => {}}) {
  const n = ++panels;
  const element = document.createElement("div");
  element.className = "notebook-cell";
  element.dataset.cell = id;
  element.setAttribute("role", "group");
  element.setAttribute("aria-label", `Code of cell ${index}`);

  const head = document.createElement("div");
  head.className = "notebook-cell-head";
  const mark = document.createElement("span");
  mark.className = "notebook-mark";
  const runButton = button("Run", "Run this cell (Shift-Enter)", () => run());
  const revertButton = button("Revert", "Restore the course's code for this cell", () => revert());
  head.append(mark, runButton, revertButton);

  const code = document.createElement("div");
  code.className = "notebook-code";
  const help = document.createElement("p");
  help.className = "notebook-help";
  help.id = `notebook-help-${n}`;
  help.textContent = "Shift-Enter runs the cell. Tab indents; Escape then Tab leaves the editor.";
  const status = document.createElement("div");
  status.className = "notebook-status";
  status.setAttribute("role", "status");
  element.append(head, code, status, help);

  let running = original;
  const editor = createCodeEditor({
    parent: code,
    doc: saved ?? original,
    label: `Code of cell ${index}, JavaScript`,
    describedBy: help.id,
    onRun: () => run(),
    onChange: (text) => {
      save(id, text === original ? null : text);
      refresh();
    }
  });

  function showError(error) {
    status.replaceChildren();
    const box = document.createElement("div");
    box.className = "observablehq--inspect observablehq--error";
    box.textContent = `${error?.name ?? "Error"}: ${error?.message ?? error}`;
    status.append(box);
  }

  function refresh() {
    const text = editor.get();
    const edited = text !== original || running !== original;
    element.classList.toggle("notebook-edited", edited);
    mark.textContent =
      text !== running ? (edited ? "Edited, not run yet" : "Not run yet") : edited ? "Edited" : "";
    revertButton.disabled = !edited;
    onChange();
  }

  /** Runs the editor's code; resolves to false (the error shown in the panel) when it cannot run. */
  async function run() {
    const text = editor.get();
    save(id, text === original ? null : text); // saved first: a run that never ends loses nothing
    try {
      await runtime.run(id, text);
    } catch (error) {
      showError(error);
      refresh();
      return false;
    }
    running = text;
    status.replaceChildren();
    refresh();
    return true;
  }

  /** Restores the author's code, and runs it if the page was running something else. */
  async function revert() {
    if (editor.get() !== original) editor.set(original);
    save(id, null);
    status.replaceChildren();
    if (running !== original) await run();
    refresh();
  }

  refresh();
  return {
    id,
    element,
    run,
    revert,
    source: () => editor.get(),
    edited: () => editor.get() !== original,
    pending: () => editor.get() !== running,
    destroy: () => editor.destroy()
  };
}
