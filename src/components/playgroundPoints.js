// The reader's own data on the playground: the class (or value) of the next point, adding by a
// click on the map or by typing its coordinates, erasing, clearing, pasting CSV (with a
// message for each line that cannot be used) and downloading it. Reading, checking and
// writing points is ../lib/customPoints.js and ../lib/pointsCsv.js; this is its form.
import {html} from "npm:htl";
import {COORDINATE_LIMIT, pointsShareNote, withoutPointsNear, withPoint} from "../lib/customPoints.js";
import {parsePointsCsv, pointsToCsv} from "../lib/pointsCsv.js";
import {announce} from "./liveSlot.js";
import {editOnChart} from "./playgroundMapEdit.js";
import {addPointsStyle} from "./playgroundPointsStyle.js";

/** The charts whose pointer editing (./playgroundMapEdit.js) this module has attached. */
const editable = new WeakSet();

/** A drag or an Alt-click erases the points within this distance of the pointer (data units). */
export const ERASE_RADIUS = 0.12;

let editors = 0;

/**
 * The editor of a reader's points: `value` (CustomPoint[] of ../lib/customPoints.js) for the
 * problem `regression` names. Each problem keeps its own points; `setProblem(regression)`
 * switches. `edit({x1, x2, erase})` adds a point of the chosen class or value there, or erases
 * those near it (the data chart's "pg-point" events); `attach(chart)` lets that chart's
 * pointer edit (chart.setEditing) while this editor is shown. Fires "input" on every change
 * of the points, for Generators.input.
 */
export function pointsEditor({value = [], regression = false} = {}) {
  addPointsStyle(document);
  const id = `pg-points-${++editors}`;
  const lists = {classification: [], regression: []};
  let problem = regression ? "regression" : "classification";
  lists[problem] = value.slice();
  let mode = "add";
  let chart = null;

  const classInputs = html`<span class="pg-points-class" role="radiogroup" aria-labelledby=${`${id}-new`}>
    <span id=${`${id}-new`}>New points:</span>
    <label><input type="radio" name=${`${id}-class`} value="1" checked />class +1</label>
    <label><input type="radio" name=${`${id}-class`} value="-1" />class −1</label>
  </span>`;
  const valueInput = html`<label class="pg-points-value"
    >New points' value
    <input type="number" min="-1" max="1" step="0.1" value="0.5" aria-describedby=${`${id}-value-help`}
  /></label>`;
  const valueHelp = html`<span id=${`${id}-value-help`} class="pg-points-help">from −1 to 1</span>`;
  const modeInputs = html`<span class="pg-points-mode" role="radiogroup" aria-labelledby=${`${id}-click`}>
    <span id=${`${id}-click`}>A click on the map:</span>
    <label><input type="radio" name=${`${id}-mode`} value="add" checked />adds</label>
    <label><input type="radio" name=${`${id}-mode`} value="erase" />erases</label>
  </span>`;
  const clear = html`<button type="button">Clear</button>`;
  const download = html`<button type="button">Download CSV</button>`;
  const coordinate = () =>
    html`<input type="number" min=${-COORDINATE_LIMIT} max=${COORDINATE_LIMIT} step="0.01" value="0" />`;
  const x1 = coordinate();
  const x2 = coordinate();
  const typed = html`<form class="pg-points-typed" novalidate>
    <label>x₁ ${x1}</label><label>x₂ ${x2}</label><button type="submit">Add point</button>
  </form>`;
  const csv = html`<textarea
    rows="4"
    spellcheck="false"
    placeholder="x1,x2,label&#10;0.5,-0.25,1"
  ></textarea>`;
  const load = html`<button type="button">Load CSV</button>`;
  const messages = html`<ul class="pg-points-messages"></ul>`;
  const status = announce(html`<p class="pg-points-status"></p>`);
  const root = html`<div class="pg-points" role="group" aria-labelledby=${`${id}-title`}>
    <p id=${`${id}-title`} class="pg-points-title"><strong>Your own points</strong></p>
    <p class="pg-points-intro">
      Click on the map to add a point; drag across it, or Alt-click, to erase. Without a mouse, type a point's
      coordinates or paste CSV lines <code>x₁, x₂, label</code>.
    </p>
    <div class="pg-points-row">${classInputs}${valueInput}${valueHelp}${modeInputs}${clear}${download}</div>
    ${typed}
    <details class="pg-points-csv">
      <summary>Paste CSV</summary>
      <label class="pg-points-csv-label"
        >CSV, one point a line: x₁, x₂ from −${COORDINATE_LIMIT} to ${COORDINATE_LIMIT}, then
        <span class="pg-points-label-rule"></span>${csv}</label
      >
      ${load}${messages}
    </details>
    ${status}
  </div>`;

  const points = () => lists[problem];
  const label = () =>
    problem === "regression"
      ? valueInput.querySelector("input").valueAsNumber
      : Number(classInputs.querySelector("input:checked").value);

  function say(text) {
    status.textContent = text;
  }
  function describe() {
    const list = points();
    const count =
      problem === "regression"
        ? `${list.length} ${list.length === 1 ? "point" : "points"}`
        : `${list.length} ${list.length === 1 ? "point" : "points"} (${list.filter((p) => p.label > 0).length} of class +1, ${list.filter((p) => p.label < 0).length} of class −1)`;
    const empty = list.length < 2 ? " Add at least two: one to learn from, one to test." : "";
    return `${count}.${empty} ${pointsShareNote(list) ?? ""}`.trim();
  }
  function set(next, message) {
    if (next !== points()) {
      lists[problem] = next.slice();
      root.dispatchEvent(new Event("input", {bubbles: true}));
    }
    say(message ? `${message}. ${describe()}` : describe());
  }
  function showProblem() {
    const isRegression = problem === "regression";
    classInputs.hidden = isRegression;
    valueInput.hidden = valueHelp.hidden = !isRegression;
    root.querySelector(".pg-points-label-rule").textContent = isRegression
      ? "the target, a number from −1 to 1."
      : "the class, 1 or −1 (0 also means −1).";
    root.dataset.problem = problem;
    say(describe());
  }

  root.edit = ({x1: a, x2: b, erase}) => {
    if (root.hidden) return;
    if (erase) {
      const next = withoutPointsNear(points(), a, b, ERASE_RADIUS);
      set(next, next === points() ? "No point there to erase" : `Erased ${points().length - next.length}`);
    } else {
      const {points: next, message} = withPoint(points(), a, b, label(), problem);
      set(next, message ? `Not added: ${message}` : null);
    }
  };
  root.attach = (next) => {
    if (chart && chart !== next) chart.setEditing(false);
    // the data chart's pointer editing comes with this editor (./playgroundDataChart.js)
    if (next && !editable.has(next)) {
      editOnChart(next, next.editScales);
      editable.add(next);
    }
    chart = next;
    chart?.setEditing(mode);
  };
  root.setProblem = (isRegression) => {
    const next = isRegression ? "regression" : "classification";
    if (next === problem) return;
    problem = next;
    showProblem();
    root.dispatchEvent(new Event("input", {bubbles: true}));
  };
  Object.defineProperty(root, "value", {get: () => points().slice()});

  modeInputs.addEventListener("change", () => {
    mode = modeInputs.querySelector("input:checked").value;
    chart?.setEditing(mode);
  });
  clear.onclick = () => set([], "Cleared");
  download.onclick = () => {
    const url = URL.createObjectURL(new Blob([pointsToCsv(points())], {type: "text/csv"}));
    const link = html`<a href=${url} download="playground-points.csv" hidden></a>`;
    root.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  typed.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!x1.checkValidity() || !x2.checkValidity() || x1.value === "" || x2.value === "") {
      return say(
        `Not added: type x₁ and x₂ as numbers from −${COORDINATE_LIMIT} to ${COORDINATE_LIMIT}. ${describe()}`
      );
    }
    const {points: next, message} = withPoint(points(), x1.valueAsNumber, x2.valueAsNumber, label(), problem);
    set(next, message ? `Not added: ${message}` : `Added (${x1.value}, ${x2.value})`);
  });
  load.onclick = () => {
    const {points: read, messages: notes} = parsePointsCsv(csv.value, problem);
    messages.replaceChildren(...notes.map((note) => html`<li>${note}</li>`));
    if (read.length === 0) return say(`No point loaded. ${describe()}`);
    const unused = notes.length ? "; the lines listed were left out" : "";
    set(read, `Loaded ${read.length} ${read.length === 1 ? "point" : "points"}${unused}`);
  };

  showProblem();
  return root;
}
