// Notebook mode, "Download this page": the page's Markdown with the reader's edits written
// into their cells, ready to drop into src/ and build. Pure: no DOM.
//
// `fences` come from the build (scripts/notebook-sources.js): for each cell, the lines
// [start, end) of the Markdown that hold its code, and the indent of its fence.

/**
 * `markdown` with each edited cell's code replaced by `edits[id]` (cells without an edit keep
 * theirs). A fence whose new code holds a line that would close it early is lengthened.
 */
export function substituteEdits(markdown, fences, edits) {
  const lines = markdown.split("\n");
  const changes = fences
    .filter(({id}) => Object.hasOwn(edits, id) && typeof edits[id] === "string")
    .sort((a, b) => b.start - a.start); // from the end, so earlier line numbers stay true
  for (const {id, start, end, indent = 0} of changes) {
    const pad = " ".repeat(indent);
    const code = edits[id].replace(/\r\n?/g, "\n").replace(/\n+$/, "");
    const codeLines = code === "" ? [] : code.split("\n").map((line) => (line ? pad + line : line));
    const open = lines[start - 1];
    const fence = open.trim().match(/^(`{3,}|~{3,})/)?.[1];
    if (fence) {
      const longest = Math.max(
        0,
        ...codeLines.map((line) => line.trim().match(new RegExp(`^\\${fence[0]}+`))?.[0].length ?? 0)
      );
      if (longest >= fence.length) {
        const longer = fence[0].repeat(longest + 1);
        lines[start - 1] = open.replace(fence, longer);
        if (lines[end]?.trim().startsWith(fence)) lines[end] = lines[end].replace(fence, longer);
      }
    }
    lines.splice(start, end - start, ...codeLines);
  }
  return lines.join("\n");
}

/** The file name a downloaded page is saved under: its path's last part, "index" for the home page. */
export function downloadName(pathname) {
  const name = decodeURIComponent(String(pathname).replace(/\/$/, "/index").split("/").pop() || "index")
    .replace(/\.html$/, "")
    .replace(/[^\w.-]+/g, "-");
  return `${name || "index"}.md`;
}
