// The pure logic of the course's questions: reading a typed number, judging an answer, and
// writing a worked solution's steps. The widgets that show them live in quiz.js.
import {formatNumber} from "./format.js";

/**
 * Parses a number the way a reader types it: "0.25", "-1", "−0.5", ".5", "1e-3", "0,25", "1/4".
 * Returns NaN for anything else.
 */
export function parseReaderNumber(text) {
  const t = String(text).trim().replace(/−/g, "-").replace(/\s+/g, "");
  const fraction = /^([+-]?\d*\.?\d+)\/(\d*\.?\d+)$/.exec(t);
  if (fraction) return Number(fraction[1]) / Number(fraction[2]);
  if (!/^[+-]?(\d+[.,]?\d*|[.,]\d+)(e[+-]?\d+)?$/i.test(t)) return NaN;
  return Number(t.replace(",", "."));
}

/** Whether `value` is within `tolerance` of `answer` (absolute, or relative to |answer| when larger). */
export function isCloseEnough(value, answer, tolerance = 0.01) {
  return Math.abs(value - answer) <= tolerance * Math.max(1, Math.abs(answer));
}

/**
 * Judges a typed answer to a numeric question: {state: "invalid"} when it is not a number,
 * {state: "correct"} when close enough, else {state: "wrong", value} (the number read). A
 * question whose own answer is not finite cannot be answered: {state: "unanswerable"}.
 */
export function checkNumber(text, answer, tolerance = 0.01) {
  if (!Number.isFinite(answer)) return {state: "unanswerable"};
  const value = parseReaderNumber(text);
  if (!Number.isFinite(value)) return {state: "invalid"};
  return isCloseEnough(value, answer, tolerance) ? {state: "correct", value} : {state: "wrong", value};
}

/**
 * Judges a pick among choices [{text, correct, why}]: {state: "invalid"} when nothing (or
 * something out of range) is picked, else "correct" or "wrong" with the picked choice's own
 * explanation, `why`.
 */
export function checkChoice(choices, picked) {
  const choice = Number.isInteger(picked) ? choices[picked] : undefined;
  if (!choice) return {state: "invalid"};
  return {state: choice.correct ? "correct" : "wrong", why: choice.why ?? ""};
}

/**
 * Checks that a multiple-choice question is well made: at least two choices, exactly one
 * marked correct, and every choice with its own explanation. Throws a clear error otherwise,
 * so a page cannot ship a question a reader could never get right.
 */
export function validateChoices(choices) {
  if (!Array.isArray(choices) || choices.length < 2) throw new Error("A question needs at least two choices.");
  const right = choices.filter((c) => c.correct).length;
  if (right !== 1) throw new Error(`A question needs exactly one correct choice, not ${right}.`);
  const bare = choices.find((c) => typeof c.why !== "string" || c.why.trim() === "");
  if (bare) throw new Error(`The choice "${bare.text}" needs its own explanation (why).`);
  return choices;
}

/**
 * The lines of a worked solution. A step is a sentence, or [text, value]: the value (from
 * lib/) is written after the text as "= 0.25" when the rounding shows it exactly, else
 * "≈ 0.105", so a reader sees where each number comes from.
 */
export function solutionLines(steps = []) {
  return steps
    .map((step) => {
      if (!Array.isArray(step)) return String(step).trim();
      const [text, value] = step;
      const shown = formatNumber(value);
      const exact = Number.isFinite(value) && Number(value.toPrecision(4)) === value; // formatNumber shows 4 digits
      return `${String(text).trim()} ${exact || !Number.isFinite(value) ? "=" : "≈"} ${shown}`;
    })
    .filter((line) => line !== "");
}
