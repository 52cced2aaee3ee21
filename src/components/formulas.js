// TeX typeset for pages that build formulas in JavaScript. Formulas known when the site is
// built come from the table src/data/formulas.json.ts typesets, so those pages load no KaTeX.
// Pass the table in:
// const formulas = FileAttachment("data/formulas.json").json(); formulaHtml(formulas, "sigmoid.df")
// TeX known only in the browser (the formula a reader types on /your-own) is typeset by
// typesetTex, with KaTeX's JavaScript imported on first need, never with the page.

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
 * \live slot with setSlots (liveSlot.js). Use `display` for a slot in display math.
 */
export function formulaFragment(formulas, name, {display = false} = {}) {
  const fragment = document.createDocumentFragment();
  for (const base of formulaHtml(formulas, name, {display}).querySelectorAll(".katex-base"))
    for (const child of base.children)
      if (!child.classList.contains("katex-strut")) fragment.append(child.cloneNode(true));
  return fragment;
}

let katex = null;

/** KaTeX, imported on first use (and again after a failed attempt). */
function loadKatex() {
  katex ??= import("npm:katex").then(
    (module) => module.default,
    (error) => {
      katex = null;
      throw error;
    }
  );
  return katex;
}

/**
 * An element showing `tex` typeset, inline or with `display`: at once from `formulas` when
 * it was typeset at build time, else the plain TeX, replaced by KaTeX's rendering as soon
 * as KaTeX has loaded.
 */
export function typesetTex(tex, {formulas, display = false} = {}) {
  const ready = formulas ? texHtml(formulas, tex, {display}) : null;
  if (ready) return ready;
  const holder = document.createElement("span");
  holder.className = "tex-pending";
  holder.textContent = tex;
  loadKatex().then(
    (k) => {
      k.render(tex, holder, {displayMode: display, output: "html", throwOnError: false});
      holder.className = "tex-typeset";
    },
    () => (holder.title = "The formula could not be typeset (KaTeX did not load); this is its TeX.")
  );
  return holder;
}
