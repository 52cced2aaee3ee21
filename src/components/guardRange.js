// A slider whose typed values are checked: Inputs.range clamps a typed number silently;
// this says what was refused and why, and keeps the last good value.
import {html} from "npm:htl";
import {formatNumber} from "./format.js";

/**
 * Makes an Inputs.range's number box say so when a typed value is refused (out of range,
 * off the step, or not a number) and put the kept value back when the reader leaves the
 * box, so a bad value never reaches the page. Returns the same input, for `view(…)`.
 */
export function guardRange(input) {
  const number = input.querySelector("input[type=number]");
  const range = input.querySelector("input[type=range]");
  if (!number) return input;
  const message = html`<p class="range-message" role="status" aria-live="polite"></p>`;
  input.append(message);
  const label = input.querySelector("label")?.textContent?.trim() || "the value";
  const explain = () => {
    const step = number.step && number.step !== "any" ? ` in steps of ${formatNumber(+number.step)}` : "";
    return `Type a number from ${formatNumber(+number.min)} to ${formatNumber(+number.max)}${step}; ${label} stays ${formatNumber(input.value)}.`;
  };
  number.addEventListener("input", () => {
    if (number.checkValidity()) message.textContent = "";
    else {
      message.textContent = explain();
      if (range) range.valueAsNumber = input.value; // Inputs moved the thumb to the clamped value
    }
  });
  number.addEventListener("change", () => {
    if (!number.checkValidity()) {
      message.textContent = explain();
      input.value = input.value; // the setter writes the kept value back into the box
    }
  });
  range?.addEventListener("input", () => (message.textContent = ""));
  return input;
}
