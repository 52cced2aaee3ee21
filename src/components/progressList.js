// The reader's progress on the home page: each page with its mark (passed, how many of its
// checks are answered, or not started) and a Reset button. Reads the store of quizProgress.js.
import {announce} from "./liveSlot.js";
import {browserProgress} from "./quizProgress.js";

/** The words for one page's status {total, passed, done}. */
export function progressMark({total, passed, done}) {
  if (done) return "✓ passed";
  if (total === 0) return "not started";
  return `${passed} of ${total} checks passed`;
}

/**
 * A list of `pages` ([{key, title}], key as pageKey gives it, e.g. "sigmoid") with their marks
 * and a Reset button that clears every mark. Where the browser keeps nothing (private mode,
 * storage full or blocked), says so instead of showing marks that would be lost.
 */
export function progressList(pages, {store = browserProgress()} = {}) {
  const root = document.createElement("div");
  root.className = "progress";
  const list = document.createElement("ul");
  list.className = "progress-list";
  const note = announce(document.createElement("p"));
  note.className = "progress-note";
  const reset = Object.assign(document.createElement("button"), {type: "button", textContent: "Reset progress"});
  const render = () => {
    list.replaceChildren(
      ...pages.map(({key, title}) => {
        const status = store.status(key);
        const item = document.createElement("li");
        item.dataset.page = key;
        item.dataset.state = status.done ? "passed" : status.passed > 0 ? "partial" : "none";
        const link = Object.assign(document.createElement("a"), {href: `./${key}`, textContent: title});
        const mark = Object.assign(document.createElement("span"), {className: "progress-mark", textContent: progressMark(status)});
        item.append(link, " ", mark);
        return item;
      })
    );
    reset.disabled = !store.available;
    if (!store.available)
      note.textContent = "This browser is not keeping anything for this site (private browsing, storage full or blocked), so your answers are checked but no marks are kept.";
  };
  reset.addEventListener("click", () => {
    store.reset();
    render();
    note.textContent = store.available ? "Progress cleared: every page is back to not started." : note.textContent;
  });
  addEventListener("pageshow", render); // coming back to the home page shows the newest marks
  render();
  root.append(list, reset, note);
  return root;
}
