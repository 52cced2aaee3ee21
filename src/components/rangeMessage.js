import {formatNumber} from "./format.js";

/**
 * Wraps an Inputs.range (or Inputs.number) with a visible message for when the reader types
 * a value it refuses (out of range, not a number): Inputs keeps the previous value, the
 * message says so, and on commit the number box and slider go back to that value. The wrapper behaves as the input: it has the same `value` (get and set)
 * and its input events bubble, so `view(withRangeMessage(Inputs.range(...)))` works.
 */
export function withRangeMessage(form) {
  const wrapper = document.createElement("div");
  wrapper.className = "range-with-message";
  const message = document.createElement("p");
  message.className = "input-message";
  message.setAttribute("role", "status");
  message.setAttribute("aria-live", "polite");
  wrapper.append(form, message);
  Object.defineProperty(wrapper, "value", {
    get: () => form.value,
    set: (v) => {
      form.value = v;
    }
  });
  const number = form.querySelector("input[type=number]");
  if (!number) return wrapper;
  const name = form.querySelector("label")?.textContent?.trim() || "This value";
  const bounds = () => {
    const {min, max} = number;
    return min !== "" && max !== "" ? ` from ${formatNumber(+min)} to ${formatNumber(+max)}` : "";
  };
  const check = () => {
    message.textContent = number.checkValidity()
      ? ""
      : `${name}: type a number${bounds()}; it stays at ${formatNumber(form.value)}.`;
  };
  // While typing, say what is wrong; when the reader commits a refused value (Enter, Tab),
  // put the number box and the slider back to the value in use, and say so.
  number.addEventListener("input", check);
  number.addEventListener("change", () => {
    if (number.checkValidity()) return check();
    const typed = number.value;
    form.value = form.value;
    message.textContent = `${name}: ${typed === "" ? "that is not a number" : `${typed} is out of range`}; type a number${bounds()}. It stays at ${formatNumber(form.value)}.`;
  });
  // a value set by the slider or by code is always valid: clear any message
  wrapper.addEventListener("input", () => queueMicrotask(check));
  return wrapper;
}
