// The whole course as one printable document (the /print page). Each course page is loaded
// in turn in a hidden iframe of this same site; once its cells have settled, its main
// content is copied here: canvases become images, controls become the values they hold, and
// ids are made unique so the copies never clash. A page that cannot be loaded gets a note in
// its place. Nothing is requested from any origin but this one.
import {announce} from "./liveSlot.js";

/** How long one page may take to load and settle before it is reported as failed. */
const PAGE_TIMEOUT_MS = 30_000;
/** The width the pages are drawn at: about an A4 page's printable width. */
const FRAME_WIDTH = 760;

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** True once the page's cells have run and no off-screen update waits (src/components/offscreen.js). */
function settled(win) {
  const doc = win.document;
  return (
    doc.readyState === "complete" &&
    doc.querySelector("#observablehq-main") !== null &&
    !doc.querySelector(".observablehq--pending, .observablehq--loading") &&
    !(win.__pendingOffscreen?.() ?? 0)
  );
}

async function waitUntilSettled(win, deadline) {
  // twice, two frames apart: a cell that runs in between may hold back an update of its own
  for (let pass = 0; pass < 2; pass++) {
    while (!settled(win)) {
      if (Date.now() > deadline) throw new Error("it did not finish drawing in time");
      await sleep(50);
    }
    await frame();
    await frame();
  }
}

/** Loads `path` in a hidden iframe and resolves with its window once settled. */
async function loadPage(path, host) {
  const response = await fetch(path, {cache: "no-store"});
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  const iframe = document.createElement("iframe");
  iframe.title = `Loading ${path}`;
  iframe.setAttribute("aria-hidden", "true");
  iframe.tabIndex = -1;
  Object.assign(iframe.style, {
    position: "fixed",
    left: "-10000px",
    top: "0",
    width: `${FRAME_WIDTH}px`,
    height: "900px",
    border: "0"
  });
  const loaded = new Promise((resolve, reject) => {
    iframe.addEventListener("load", resolve, {once: true});
    iframe.addEventListener("error", () => reject(new Error("it failed to load")), {once: true});
  });
  iframe.src = path;
  host.append(iframe);
  await loaded;
  await waitUntilSettled(iframe.contentWindow, Date.now() + PAGE_TIMEOUT_MS);
  return iframe;
}

/** The text a control stands for, or a blank to fill in when it holds nothing. */
function controlText(control) {
  if (control instanceof HTMLSelectElement) return [...control.selectedOptions].map((o) => o.text).join(", ");
  if (control.type === "checkbox") return control.checked ? "☑" : "☐";
  if (control.type === "radio") return control.checked ? "◉" : "○";
  return control.value === "" ? "________" : control.value;
}

/**
 * Replaces the copied controls by the values the originals hold (slider tracks and buttons
 * are dropped; a slider's number box says its number), canvases by images of what they show,
 * and prefixes every id (and the references to it) so that copies of several pages coexist.
 */
function freeze(original, copy, prefix) {
  const sourceCanvases = original.querySelectorAll("canvas");
  copy.querySelectorAll("canvas").forEach((canvas, i) => {
    const image = document.createElement("img");
    image.src = sourceCanvases[i].toDataURL("image/png");
    image.alt = canvas.getAttribute("aria-label") ?? "";
    image.style.cssText = canvas.style.cssText;
    image.width = sourceCanvases[i].clientWidth || canvas.width;
    canvas.replaceWith(image);
  });
  const selector = "input, select, textarea";
  const sourceControls = original.querySelectorAll(selector);
  copy.querySelectorAll(selector).forEach((control, i) => {
    if (control.type === "range" || control.type === "hidden") return control.remove();
    const value = document.createElement("span");
    value.className = "print-value";
    value.textContent = controlText(sourceControls[i]);
    control.replaceWith(value);
  });
  copy.querySelectorAll("button, .observablehq-pre-copy").forEach((element) => element.remove());
  const ids = new Map();
  for (const element of copy.querySelectorAll("[id]")) {
    ids.set(element.id, `${prefix}-${element.id}`);
    element.id = ids.get(element.id);
  }
  for (const element of copy.querySelectorAll("*")) {
    for (const attribute of [...element.attributes]) {
      const rewritten = attribute.value.replace(/url\(#([^)]+)\)/g, (match, id) =>
        ids.has(id) ? `url(#${ids.get(id)})` : match
      );
      if (rewritten !== attribute.value) element.setAttribute(attribute.name, rewritten);
      else if (/^(for|aria-labelledby|aria-describedby|aria-controls)$/.test(attribute.name))
        element.setAttribute(attribute.name, attribute.value.split(/\s+/).map((id) => ids.get(id) ?? id).join(" "));
      else if (/(^|:)href$/.test(attribute.name) && attribute.value.startsWith("#") && ids.has(attribute.value.slice(1)))
        element.setAttribute(attribute.name, `#${ids.get(attribute.value.slice(1))}`);
    }
  }
}

/** Stylesheets of the loaded page that this page lacks (KaTeX's, a page's own), same origin only. */
function adoptStylesheets(doc) {
  const have = new Set([...document.querySelectorAll("link[rel~=stylesheet]")].map((link) => link.href));
  for (const link of doc.querySelectorAll("link[rel~=stylesheet]")) {
    if (have.has(link.href) || new URL(link.href).origin !== location.origin) continue;
    have.add(link.href);
    document.head.append(link.cloneNode());
  }
}

function failureNote(page, error) {
  const note = document.createElement("p");
  note.className = "print-course-failed";
  const link = document.createElement("a");
  link.href = page.path;
  link.textContent = page.name;
  note.append(`“`, link, `” could not be gathered here (${error.message}); open it and print it on its own.`);
  return note;
}

/**
 * Gathers `pages` ({name, path}[], in course order) into `target`, one section each, calling
 * `progress(done, total)` after each. Resolves with the names of the pages that failed.
 */
export async function gatherCourse(pages, target, progress = () => {}) {
  if (!Array.isArray(pages) || pages.length === 0) throw new Error("no course pages to gather");
  const failed = [];
  target.replaceChildren();
  for (const [index, page] of pages.entries()) {
    const section = document.createElement("section");
    section.className = "print-course-page";
    section.dataset.path = page.path;
    let iframe;
    try {
      iframe = await loadPage(page.path, document.body);
      const main = iframe.contentDocument.querySelector("#observablehq-main");
      const copy = main.cloneNode(true);
      freeze(main, copy, `p${index}`);
      adoptStylesheets(iframe.contentDocument);
      section.append(...copy.childNodes);
    } catch (error) {
      failed.push(page.name);
      section.append(failureNote(page, error));
    } finally {
      iframe?.remove();
    }
    target.append(section);
    progress(index + 1, pages.length);
  }
  return failed;
}

/**
 * The controls of the print page: a button that gathers the course below it, a status line,
 * and a Print button, enabled once everything is gathered.
 */
export function printCourse(pages) {
  const root = document.createElement("div");
  root.className = "print-course";
  const controls = document.createElement("div");
  controls.className = "screen-only print-course-controls";
  const gather = document.createElement("button");
  gather.type = "button";
  gather.textContent = "Gather the course";
  const print = document.createElement("button");
  print.type = "button";
  print.textContent = "Print";
  print.disabled = true;
  print.addEventListener("click", () => window.print());
  const status = announce(document.createElement("p"));
  status.className = "print-course-status";
  status.textContent = `${pages.length} pages to gather.`;
  controls.append(gather, " ", print, status);
  const document_ = document.createElement("div");
  document_.className = "print-course-document";
  root.append(controls, document_);
  gather.addEventListener("click", async () => {
    gather.disabled = true;
    print.disabled = true;
    const failed = await gatherCourse(pages, document_, (done, total) => {
      status.textContent = `Gathered ${done} of ${total} pages…`;
    }).catch((error) => {
      status.textContent = `The course could not be gathered: ${error.message}.`;
      return null;
    });
    gather.disabled = false;
    if (failed === null) return;
    print.disabled = false;
    status.textContent =
      failed.length === 0
        ? `All ${pages.length} pages gathered: ready to print.`
        : `Gathered, except ${failed.join(", ")} (see the notes in their place): ready to print.`;
    root.dataset.gathered = "true";
  });
  return root;
}
