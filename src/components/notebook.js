// Notebook mode's "Show code" switch, which every page loads (observablehq.config.ts): all a
// page loads of the notebook until the reader turns it on. The choice holds for the whole
// course (local storage). Turned on, it fetches the page's cells (scripts/notebook-sources.js)
// and the editor (notebookEditor.js), once, from the site itself.
const KEY = "course-notebook:show";
const button = document.querySelector(".notebook-switch");
const source = document.querySelector('meta[name="course-notebook"]')?.content;
let storage, opened;
try {
  storage = window.localStorage;
} catch {
  // storage refused (a sandbox, a privacy setting): the switch works, unremembered
}

async function open() {
  const url = new URL(source, document.baseURI);
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`${response.status}: the code is served by the built site and by npm run dev`);
  const data = await response.json();
  const {openNotebook} = await import(new URL(data.editor, url).href);
  return openNotebook(data, {storage});
}

function show(shown) {
  button.setAttribute("aria-pressed", String(shown));
  document.documentElement.classList.toggle("notebook-shown", shown);
  if (!shown || opened) return;
  const status = button.parentNode.querySelector(".notebook-loading");
  status.textContent = "Loading the code…";
  opened = open().then(
    () => (status.textContent = ""),
    (error) => {
      opened = undefined;
      status.textContent = `The code could not be loaded (${error.message}). Turn the switch off and on to try again.`;
    }
  );
}

if (button && source) {
  button.disabled = false;
  button.addEventListener("click", () => {
    const shown = button.getAttribute("aria-pressed") !== "true";
    try {
      if (shown) storage?.setItem(KEY, "1");
      else storage?.removeItem(KEY);
    } catch {
      // not remembered, still shown
    }
    show(shown);
  });
  let remembered = false;
  try {
    remembered = storage?.getItem(KEY) === "1";
  } catch {
    // as if never turned on
  }
  if (remembered) show(true);
}
