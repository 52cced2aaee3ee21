// Formulas typeset at build time (src/data/formulas.json.ts) for content pages build in
// JavaScript, so they load no KaTeX. Pass the table in:
// const formulas = FileAttachment("data/formulas.json").json(); formulaHtml(formulas, "sigmoid.df")

function parse(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.content;
}

/** The typeset formula named `name` ("sigmoid.df"); `display` for display style. Throws if unknown. */
export function formulaHtml(formulas, name, {display = false} = {}) {
  const entry = formulas[name];
  if (!entry) throw new Error(`formulaHtml: no formula named ${name} in formulas.json`);
  return parse(display ? entry.display : entry.html).firstElementChild;
}

const byTex = new WeakMap();

/** The typeset formula whose TeX is exactly `tex`, or null if none was typeset at build time. */
export function texHtml(formulas, tex, {display = false} = {}) {
  let index = byTex.get(formulas);
  if (!index)
    byTex.set(formulas, (index = new Map(Object.values(formulas).map((entry) => [entry.tex, entry]))));
  const entry = index.get(tex);
  return entry ? parse(display ? entry.display : entry.html).firstElementChild : null;
}

/**
 * The atoms of the formula named `name`, without KaTeX's wrappers and struts, to write into a
 * \live slot with setLiveTex (liveTex.js). Use `display` for a slot in display math.
 */
export function formulaFragment(formulas, name, {display = false} = {}) {
  const fragment = document.createDocumentFragment();
  for (const base of formulaHtml(formulas, name, {display}).querySelectorAll(".katex-base"))
    for (const child of base.children)
      if (!child.classList.contains("katex-strut")) fragment.append(child.cloneNode(true));
  return fragment;
}
