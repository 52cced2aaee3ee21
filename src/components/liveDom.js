// Writing changed text into the page without replacing its nodes. A slider rewrites many
// numbers per update; replacing a text node (textContent = …, innerHTML = …) removes and
// re-adds layout objects, while changing a text node's data only relays out its line.
// The slot helper (liveSlot.js) writes text slots with these; charts use them for labels.

/** Sets an element's text, reusing its one text node; does nothing when the text is the same. */
export function setText(element, text) {
  const node = element.firstChild;
  if (node !== null && node === element.lastChild && node.nodeType === 3) {
    if (node.data !== text) node.data = text;
  } else if (element.textContent !== text) element.textContent = text;
}

const unescapeHtml = (text) =>
  text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, name) => ({amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'"})[name]
  );

/**
 * An HTML string's text runs in document order, and its markup with the text left out
 * (`shape` is undefined when the text holds an entity this does not decode).
 */
export function htmlShape(html) {
  const texts = [];
  let decodable = true;
  const shape = `>${html}<`.replace(/>([^<]+)</g, (_, text) => {
    if (/&(?!(amp|lt|gt|quot|#39);)/.test(text)) decodable = false;
    texts.push(unescapeHtml(text));
    return "><";
  });
  return {shape: decodable ? shape : undefined, texts};
}

function textNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

/** What setHtml last wrote into each element. */
const written = new WeakMap();

/**
 * Sets an element's content to `html` (markup the caller built and escaped), between the
 * fixed nodes `before` and `after`. When only the text differs from the last call (the
 * usual slider move: new digits, same markup) it rewrites the text nodes and keeps every
 * element; otherwise it replaces the content. Attribute values must not contain `>`.
 */
export function setHtml(element, html, {before = [], after = []} = {}) {
  const last = written.get(element);
  if (last?.html === html) return;
  const {shape, texts} = htmlShape(html);
  if (shape !== undefined && last?.shape === shape && last.texts.length === texts.length) {
    texts.forEach((text, i) => {
      if (last.texts[i].data !== text) last.texts[i].data = text;
    });
    last.html = html;
    return;
  }
  const template = document.createElement("template");
  template.innerHTML = html;
  const nodes = textNodes(template.content);
  // a shape is reusable only if the parser kept one text node per run
  written.set(element, {html, shape: nodes.length === texts.length ? shape : undefined, texts: nodes});
  element.replaceChildren(...before, template.content, ...after);
}

/** Forgets what setHtml wrote, for a caller that replaced the content itself. */
export function forgetHtml(element) {
  written.delete(element);
}
