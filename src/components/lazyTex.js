// Typesets TeX known only in the browser (the formula a reader types on /your-own): from
// the build-time table when it is there, else with KaTeX's JavaScript imported on first need,
// not with the page. Kept apart from formulas.js so other pages never reference KaTeX.
import {texHtml} from "./formulas.js";

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
