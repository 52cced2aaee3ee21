// A slider whose typed values are checked: Inputs.range clamps a typed number silently;
// this says what was refused and why, and keeps the last good value.
import {html} from "npm:htl";
import {formatNumber} from "./format.js";
import {announce} from "./liveSlot.js";

/**
 * Makes an Inputs.range's (or Inputs.number's) number box refuse a value it cannot take (out
 * of range, off the step, or not a number) with a visible message, and put the kept value
 * back when the reader commits it (Enter, Tab), so a bad value never reaches the page.
 * Returns the same input, for `view(…)` and `Generators.input(…)`.
 */
export function guardRange(input) {
  const number = input.querySelector("input[type=number]");
  if (!number) return input;
  const range = input.querySelector("input[type=range]");
  const message = announce(html`<p class="range-message"></p>`);
  input.append(message);
  const name = input.querySelector("label")?.textContent?.trim() || "This value";
  const refusal = (typed) => {
    const {min, max, step, validity} = number;
    const bounds = min !== "" && max !== "" ? ` from ${formatNumber(+min)} to ${formatNumber(+max)}` : "";
    const offStep = validity.stepMismatch && step && step !== "any";
    const reason =
      typed.trim() === "" || validity.badInput
        ? "that is not a number"
        : offStep
          ? `${typed} is not a step of ${formatNumber(+step)}`
          : `${typed} is out of range`;
    const steps = offStep ? ` in steps of ${formatNumber(+step)}` : "";
    return `${name}: ${reason}; type a number${bounds}${steps}. It stays at ${formatNumber(input.value)}.`;
  };
  // While typing, say what is wrong (and keep the thumb where the value in use puts it).
  number.addEventListener("input", () => {
    if (number.checkValidity()) message.textContent = "";
    else {
      message.textContent = refusal(number.value);
      if (range) range.valueAsNumber = input.value; // Inputs moved the thumb to the clamped value
    }
  });
  // On commit, put the value in use back into the box, and say so.
  number.addEventListener("change", () => {
    if (number.checkValidity()) return;
    message.textContent = refusal(number.value);
    input.value = input.value; // the setter writes the kept value back into the box
  });
  // a value from the slider or from code is always valid: clear any message
  input.addEventListener("input", (event) => {
    if (event.target !== number) message.textContent = "";
  });
  return input;
}
