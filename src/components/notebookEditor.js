// Notebook mode, the editor: what src/components/notebook.js loads when the reader first
// turns "Show code" on (bundled with CodeMirror and the parser by scripts/notebook-bundle.js,
// served from the site itself). Puts each JavaScript cell's code under its output, and adds
// the page's tools to the switch's bar: run the saved edits, reset the page, download it.
//
// Saved edits are shown, never run on their own: code runs only when this reader presses
// Run (or Shift-Enter) in this browser. See "Notebook mode" in README.md.
import {cellPanel} from "./notebookCell.js";
import {downloadName, substituteEdits} from "./notebookMarkdown.js";
import {connectRuntime} from "./notebookRuntime.js";
import {loadEdits, saveEdits} from "./notebookStore.js";
import {addNotebookStyle} from "./notebookStyle.js";

/** Framework's cell roots, the comments `<!--:id:-->` its client displays each cell before. */
function findRoots(root) {
  const roots = new Map();
  const iterator = document.createNodeIterator(root, NodeFilter.SHOW_COMMENT);
  for (let node; (node = iterator.nextNode());)
    if (/^:[0-9a-f]{8}(?:-\d+)?:$/.test(node.data)) roots.set(node.data.slice(1, -1), node);
  return roots;
}

function button(text, onClick) {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = text;
  element.addEventListener("click", onClick);
  return element;
}

/**
 * Opens the notebook on this page. `data` is the page's notebook file (scripts/
 * notebook-sources.js); `storage` where edits are
 * kept (localStorage). Returns `{panels}`.
 */
export async function openNotebook(data, {storage, pathname = location.pathname}) {
  // (a page without cells, such as the glossary, has no runtime to connect to)
  const runtime = data.cells.length ? await connectRuntime(data) : null;
  addNotebookStyle(document);
  let note; // the tools' status line, made once the panels are in place
  let kept = true;
  const roots = findRoots(document.body);
  const edits = loadEdits(
    storage,
    pathname,
    data.cells.map((cell) => cell.id)
  );
  const save = (id, source) => {
    if (source === null) delete edits[id];
    else edits[id] = source;
    kept = saveEdits(storage, pathname, edits);
  };
  const panels = [];
  for (const {id, source} of data.cells) {
    const block = roots.get(id)?.parentNode;
    if (block?.nodeType !== 1) continue;
    const panel = cellPanel({
      id,
      index: panels.length + 1,
      original: source,
      saved: edits[id],
      runtime,
      save,
      onChange: () => update()
    });
    block.after(panel.element);
    panels.push(panel);
  }

  const tools = document.createElement("div");
  tools.className = "notebook-tools";
  note = document.createElement("p");
  note.className = "notebook-note";
  note.setAttribute("role", "status");
  const runEdits = button("Run my edits", async () => {
    for (const panel of panels) if (panel.pending()) await panel.run();
    update();
  });
  const reset = button("Reset page", async () => {
    for (const panel of panels) await panel.revert();
    update();
  });
  const download = button("Download this page", () => {
    const edited = Object.fromEntries(panels.filter((p) => p.edited()).map((p) => [p.id, p.source()]));
    const url = URL.createObjectURL(
      new Blob([substituteEdits(data.markdown, data.fences, edited)], {type: "text/markdown"})
    );
    const link = document.createElement("a");
    link.href = url;
    link.download = downloadName(pathname);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  download.title = "The page's Markdown with your edits, to put in the course's src/ folder and build";
  const recovery = document.createElement("p");
  recovery.className = "notebook-help";
  recovery.textContent =
    "Your edits are saved in this browser before each run. If a cell never finishes and the page stops answering, reload it: your edits come back shown but not run, so you can fix or revert them first.";
  tools.append(runEdits, reset, download, note, recovery);
  const main =
    document.getElementById("observablehq-main") ?? document.querySelector("main") ?? bar.parentNode;
  main.prepend(tools);

  function update() {
    if (!note) return; // (panels report their first state before the tools exist)
    const pending = panels.filter((p) => p.pending() && p.edited()).length;
    runEdits.hidden = pending === 0;
    if (panels.length === 0) note.textContent = "This page has no code cells.";
    else if (pending)
      note.textContent = `${pending} saved ${pending === 1 ? "edit is" : "edits are"} shown but not run: press Run in ${pending === 1 ? "its cell" : "a cell"}, or Run my edits.`;
    else note.textContent = "";
    if (!kept)
      note.textContent +=
        " This browser does not let the page keep your edits: they last until you leave the page.";
  }
  update();
  return {panels};
}
