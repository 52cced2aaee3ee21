// Accessibility touches for markup that libraries generate, applied site-wide as it appears:
// - Observable Inputs labels a range's number box but not the range itself: give the range
//   the same accessible name.
// - Plot names each mark's <g> (and a frame's <rect>) with aria-label; ARIA allows a name
//   there only with a role, so a named <g> gets role="group" (the mapping SVG-AAM gives a
//   named group) and a named shape role="graphics-symbol".
// - The sidebar toggle is a checkbox presented as a toggle button (scripts/postbuild.js):
//   its aria-pressed follows whether it is checked.
const RANGE = "input[type=range]:not([aria-label])";
const NAMED = "svg [aria-label]:not([role])";

/** The elements under root, root included, that match selector. */
function within(root, selector) {
  const found = [...(root.querySelectorAll?.(selector) ?? [])];
  if (root.matches?.(selector)) found.push(root);
  return found;
}

function touch(root) {
  for (const range of within(root, RANGE)) {
    const label = range.closest("form")?.querySelector("label")?.textContent?.trim();
    if (label) range.setAttribute("aria-label", label);
  }
  for (const node of within(root, NAMED)) {
    node.setAttribute("role", node.tagName === "g" ? "group" : "graphics-symbol");
  }
}

touch(document);

const sidebarToggle = document.getElementById("observablehq-sidebar-toggle");
if (sidebarToggle?.getAttribute("role") === "button") {
  const sync = () => sidebarToggle.setAttribute("aria-pressed", String(sidebarToggle.checked));
  sync();
  sidebarToggle.addEventListener("change", sync);
}
// Each added element is touched once (itself and what it contains), however many records
// name it: a slider moving a chart adds nodes often, and searching their whole parent each
// time cost more than the chart update.
new MutationObserver((records) => {
  const added = new Set();
  for (const {addedNodes} of records) for (const node of addedNodes) if (node.nodeType === 1) added.add(node);
  for (const node of added) if (node.isConnected) touch(node);
}).observe(document.documentElement, {childList: true, subtree: true});
