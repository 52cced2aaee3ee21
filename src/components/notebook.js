// Notebook mode, the "Show code" switch: every page loads this (observablehq.config.ts),
// and it is all a page loads until the reader turns the switch on. The choice is remembered
// for the whole course. Turned on, it fetches the page's cells (written at build time by
// scripts/notebook-sources.js) and the editor, both from the site itself, once.
import {loadShown, saveShown} from "./notebookStore.js";

const button = document.querySelector(".notebook-switch");
const source = document.querySelector('meta[name="course-notebook"]')?.content;
let storage;
try {
  storage = window.localStorage;
} catch {
  storage = undefined; // storage refused (a sandbox, a privacy setting): the switch still works
}
let opened;

async function open() {
  const url = new URL(source, document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
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
    (notebook) => ((status.textContent = ""), notebook),
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
    saveShown(storage, shown);
    show(shown);
  });
  if (loadShown(storage)) show(true);
}
