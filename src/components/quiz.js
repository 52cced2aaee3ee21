import {formatNumber} from "./format.js";

let quizCount = 0;

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

function feedbackArea() {
  const feedback = document.createElement("p");
  feedback.className = "quiz-feedback";
  feedback.setAttribute("role", "status");
  feedback.setAttribute("aria-live", "polite");
  return feedback;
}

/**
 * A check-your-understanding question with a numeric answer (computed by lib/ on the page).
 * The reader types a number and presses Check (or Enter); the feedback says whether it is
 * right, or how far off, and explains. `form.update({question, answer, …})` asks about
 * something new in place (e.g. when a slider changes the network it is about): the typed
 * text stays, and feedback on the old question is cleared.
 */
export function numberQuiz(options) {
  const id = `quiz-${++quizCount}`;
  const form = document.createElement("form");
  form.className = "quiz";
  form.innerHTML = `<label for="${id}"></label>
<div class="quiz-row"><input id="${id}" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"><button type="submit">Check</button></div>`;
  const label = form.querySelector("label");
  const input = form.querySelector("input");
  const feedback = feedbackArea();
  form.append(feedback);
  let current = null;
  form.update = ({question, answer, tolerance = 0.01, explanation = ""}) => {
    const asked = current === null || question !== current.question || answer !== current.answer;
    current = {question, answer, tolerance, explanation};
    if (asked) {
      label.textContent = question;
      feedback.textContent = "";
      delete feedback.dataset.state;
    }
    return form;
  };
  form.update(options);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const {answer, tolerance, explanation} = current;
    const value = parseReaderNumber(input.value);
    if (!Number.isFinite(value)) {
      feedback.dataset.state = "invalid";
      feedback.textContent = "Type a number, such as 0.42, −1 or 1/4.";
    } else if (isCloseEnough(value, answer, tolerance)) {
      feedback.dataset.state = "correct";
      feedback.textContent = `Correct: ${formatNumber(answer)}. ${explanation}`.trim();
    } else {
      feedback.dataset.state = "wrong";
      feedback.textContent = `Not quite: you answered ${formatNumber(value)}; try again${value > answer ? " with something smaller" : " with something larger"}.`;
    }
  });
  return form;
}

/**
 * A multiple-choice question: radio buttons and a Check button; `correct` is the index of
 * the right choice (which the page may compute with lib/).
 */
export function choiceQuiz({question, choices, correct, explanation = ""}) {
  const name = `quiz-${++quizCount}`;
  const form = document.createElement("form");
  form.className = "quiz";
  const fieldset = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = question;
  fieldset.append(legend);
  choices.forEach((choice, i) => {
    const label = document.createElement("label");
    const radio = Object.assign(document.createElement("input"), {type: "radio", name, value: String(i)});
    label.append(radio, ` ${choice}`);
    fieldset.append(label);
  });
  const button = Object.assign(document.createElement("button"), {type: "submit", textContent: "Check"});
  const feedback = feedbackArea();
  form.append(fieldset, button, feedback);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const picked = form.querySelector("input:checked");
    if (!picked) {
      feedback.dataset.state = "invalid";
      feedback.textContent = "Pick an answer first.";
    } else if (Number(picked.value) === correct) {
      feedback.dataset.state = "correct";
      feedback.textContent = `Correct. ${explanation}`.trim();
    } else {
      feedback.dataset.state = "wrong";
      feedback.textContent = "Not this one; look at the chart again and try another.";
    }
  });
  return form;
}
