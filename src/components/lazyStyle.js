// Styles that load with the code that needs them (the notebook's panels, the playground's
// network diagram), so that a page's first load carries none of them: a module holds its CSS
// as a string and adds it to the document when it first runs.

/** Adds `css` to `document` in a <style> with this id, once (a second call does nothing). */
export function addLazyStyle(document, id, css) {
  if (document.getElementById(id)) return;
  const style = document.createElement("style");
  style.id = id;
  style.textContent = css;
  document.head.append(style);
}
