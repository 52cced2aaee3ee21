// The small box in which a reader types a new value for one weight of the network diagram
// (./networkDiagram.js): Enter sets it, Escape (or leaving the box) cancels, and a value that
// is not a number in range gets a message and changes nothing.
import {html} from "npm:htl";
import {formatNumber} from "./format.js";
import {setText} from "./liveDom.js";

/** The largest |weight| a reader may type: far beyond any that leaves a unit unsaturated. */
export const MAX_WEIGHT = 100;

/**
 * The weight a reader typed: {value} for a plain decimal number (a true minus sign "−"
 * accepted, as the course writes them; spaces around it ignored) within ±MAX_WEIGHT, else
 * {error} saying what is wrong.
 */
export function parseWeight(text) {
  const trimmed = String(text ?? "")
    .trim()
    .replace(/^−/, "-");
  if (trimmed === "") return {error: "Type a number, e.g. 0.5 or −1.2."};
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) {
    return {error: `“${text.trim().slice(0, 20)}” is not a number: type one like 0.5 or −1.2.`};
  }
  const value = Number(trimmed);
  if (!(Math.abs(value) <= MAX_WEIGHT)) {
    return {
      error: `${formatNumber(value)} is too large: a weight must lie between −${MAX_WEIGHT} and ${MAX_WEIGHT}.`
    };
  }
  return {value: value === 0 ? 0 : value}; // −0 as 0
}

/**
 * The editor, hidden until `open({label, value, x, y, onCommit, onClose})` shows it at
 * (x, y) px in its positioned parent with the current value selected. `onCommit(value)`
 * runs for a valid value (then it closes), `onClose()` whenever it closes.
 */
export function weightEditor() {
  const label = html`<label class="nd-editor-label" for="nd-weight-input"></label>`;
  const input = html`<input
    id="nd-weight-input"
    class="nd-editor-input"
    type="text"
    inputmode="decimal"
    autocomplete="off"
    spellcheck="false"
    aria-describedby="nd-weight-message"
  />`;
  const message = html`<p class="nd-editor-message" id="nd-weight-message" role="alert"></p>`;
  const form = html`<form class="nd-editor" hidden>${label}${input}${message}</form>`;
  let current = null;

  function close() {
    if (current === null) return;
    const {onClose} = current;
    current = null;
    form.hidden = true;
    input.removeAttribute("aria-invalid");
    setText(message, "");
    onClose();
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (current === null) return;
    const parsed = parseWeight(input.value);
    if (parsed.error) {
      input.setAttribute("aria-invalid", "true");
      setText(message, parsed.error);
      return;
    }
    const {onCommit} = current;
    close();
    onCommit(parsed.value);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    close();
  });
  form.addEventListener("focusout", (event) => {
    if (!form.contains(event.relatedTarget)) close();
  });

  form.open = ({label: text, value, x, y, onCommit, onClose = () => {}}) => {
    close();
    current = {onCommit, onClose};
    setText(label, `New ${text}`);
    input.value = String(Number(value.toPrecision(6))); // plain digits the reader can edit
    input.removeAttribute("aria-invalid");
    setText(message, "");
    form.style.left = `${Math.round(x)}px`;
    form.style.top = `${Math.round(y)}px`;
    form.hidden = false;
    input.focus();
    input.select();
  };
  form.close = close;
  form.input = input;
  return form;
}
