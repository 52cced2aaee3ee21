// Accessibility touches for markup that libraries generate, applied site-wide as it appears:
// - Observable Inputs labels a range's number box but not the range itself: give the range
//   the same accessible name.
// - Plot names each mark's <g> (and a frame's <rect>) with aria-label; ARIA allows a name
//   there only with a role, so a named <g> gets role="group" (the mapping SVG-AAM gives a
//   named group) and a named shape role="graphics-symbol".
// - The sidebar toggle is a checkbox presented as a toggle button (scripts/postbuild.js):
//   its aria-pressed follows whether it is checked.
function touch(root) {
  for (const range of root.querySelectorAll?.("input[type=range]:not([aria-label])") ?? []) {
    const label = range.closest("form")?.querySelector("label")?.textContent?.trim();
    if (label) range.setAttribute("aria-label", label);
  }
  for (const node of root.querySelectorAll?.("svg [aria-label]:not([role])") ?? []) {
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
new MutationObserver((records) => {
  for (const {addedNodes} of records)
    for (const node of addedNodes) if (node.nodeType === 1) touch(node.parentNode ?? node);
}).observe(document.documentElement, {childList: true, subtree: true});
