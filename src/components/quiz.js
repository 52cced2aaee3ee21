// The course's questions: a number to type (numberQuiz), a choice to pick (choiceQuiz), and a
// prediction to commit to before a control reveals the outcome (predictQuiz). Every question
// has a "Show solution" button, gives each wrong choice its own explanation, and records a
// correct answer in the reader's progress (quizProgress.js). The judging is in quizCheck.js.
import {checkChoice, checkNumber, solutionLines, validateChoices} from "./quizCheck.js";
import {browserProgress, pageKey} from "./quizProgress.js";
import {formatNumber} from "./format.js";
import {announce} from "./liveSlot.js";

let quizCount = 0;

function element(tag, props = {}, children = []) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Records question `id` as asked on this page, and returns a function that marks it passed. */
function track(id) {
  if (typeof id !== "string" || id === "") throw new Error("A question needs a stable id (a string).");
  const page = pageKey(location.pathname);
  const progress = browserProgress();
  progress.register(page, id);
  return () => progress.pass(page, id);
}

/**
 * The parts every question shares: the form, its buttons row (the main button, then "Show
 * solution"), the feedback line (announced to screen readers) and the hidden solution, whose
 * steps `setSolution` writes.
 */
function frame(id, mainLabel) {
  const form = element("form", {className: "quiz"});
  form.dataset.quiz = id;
  const main = element("button", {type: "submit", textContent: mainLabel});
  const show = element("button", {type: "button", className: "quiz-show", textContent: "Show solution"});
  const buttons = element("div", {className: "quiz-buttons"}, [main, show]);
  const feedback = announce(element("p", {className: "quiz-feedback"}));
  const list = element("ol");
  const solution = element("div", {className: "quiz-solution", hidden: true}, [
    element("p", {className: "quiz-solution-title", textContent: "Solution"}),
    list
  ]);
  const say = (state, text) => {
    if (state) feedback.dataset.state = state;
    else delete feedback.dataset.state;
    feedback.textContent = text;
  };
  const setSolution = (steps) => {
    list.replaceChildren(...solutionLines(steps).map((line) => element("li", {textContent: line})));
  };
  show.addEventListener("click", () => {
    solution.hidden = false;
    show.setAttribute("aria-expanded", "true");
  });
  show.setAttribute("aria-expanded", "false");
  return {form, main, buttons, feedback, solution, say, setSolution, hideSolution: () => {
    solution.hidden = true;
    show.setAttribute("aria-expanded", "false");
  }};
}

/**
 * A question with a numeric answer (computed by lib/ on the page). The reader types a number
 * and presses Check (or Enter). A wrong answer is not told "larger" or "smaller": it is
 * offered the worked solution, `solution`, a list of steps (sentences, or [text, value] with
 * the value from lib/). `form.update({…})` asks about something new in place (e.g. when a
 * slider changes the network it is about): the typed text stays, the feedback and the open
 * solution of the old question are cleared.
 */
export function numberQuiz(options) {
  const inputId = `quiz-${++quizCount}`;
  const passed = track(options.id);
  const q = frame(options.id, "Check");
  const label = element("label", {htmlFor: inputId});
  const input = element("input", {id: inputId, type: "text", inputMode: "decimal", autocomplete: "off", spellcheck: false});
  q.form.append(label, element("div", {className: "quiz-row"}, [input, q.buttons]), q.feedback, q.solution);
  let current = null;
  q.form.update = ({question, answer, tolerance = 0.01, explanation = "", solution = []}) => {
    const asked = current === null || question !== current.question || answer !== current.answer;
    current = {question, answer, tolerance, explanation};
    q.setSolution([...solution, `Answer: ${formatNumber(answer)}.`]);
    if (asked) {
      label.textContent = question;
      q.say(null, "");
      q.hideSolution();
    }
    return q.form;
  };
  q.form.update(options);
  q.form.addEventListener("submit", (event) => {
    event.preventDefault();
    const {answer, tolerance, explanation} = current;
    const result = checkNumber(input.value, answer, tolerance);
    if (result.state === "unanswerable") q.say("invalid", "This question has no numeric answer for these settings; change them and try again.");
    else if (result.state === "invalid") q.say("invalid", "Type a number, such as 0.42, −1 or 1/4.");
    else if (result.state === "correct") {
      q.say("correct", `Correct: ${formatNumber(answer)}. ${explanation}`.trim());
      passed();
    } else q.say("wrong", `Not quite: you answered ${formatNumber(result.value)}. Try again, or press Show solution to work through it step by step.`);
  });
  return q.form;
}

/** A fieldset of radio buttons, one per choice; returns it and a function giving the picked index. */
function choiceList(question, choices) {
  const name = `quiz-${++quizCount}`;
  const fieldset = element("fieldset", {}, [element("legend", {textContent: question})]);
  choices.forEach((choice, i) => {
    const radio = element("input", {type: "radio", name, value: String(i)});
    fieldset.append(element("label", {}, [radio, ` ${choice.text}`]));
  });
  const picked = () => {
    const radio = fieldset.querySelector("input:checked");
    return radio ? Number(radio.value) : null;
  };
  return {fieldset, picked};
}

/** The solution of a choice question: the right choice, why it is right, then any further steps. */
function choiceSolution(choices, steps = []) {
  const right = choices.find((c) => c.correct);
  return [`The answer is “${right.text}”: ${right.why}`, ...steps];
}

/**
 * A multiple-choice question: `choices` is [{text, correct, why}], exactly one correct, each
 * with its own explanation `why`, shown when it is picked (so a distractor built on a
 * misconception says what the misconception gets wrong).
 */
export function choiceQuiz({id, question, choices, solution = []}) {
  validateChoices(choices);
  const passed = track(id);
  const q = frame(id, "Check");
  const {fieldset, picked} = choiceList(question, choices);
  q.setSolution(choiceSolution(choices, solution));
  q.form.append(fieldset, q.buttons, q.feedback, q.solution);
  q.form.addEventListener("submit", (event) => {
    event.preventDefault();
    const result = checkChoice(choices, picked());
    if (result.state === "invalid") q.say("invalid", "Pick an answer first.");
    else if (result.state === "correct") {
      q.say("correct", `Correct. ${result.why}`.trim());
      passed();
    } else q.say("wrong", `Not this one. ${result.why}`.trim());
  });
  return q.form;
}

/**
 * Predict, then check: the reader picks what they expect (the curve, the loss or the gradient
 * to do), then presses the reveal button, which runs `reveal.run()` (it moves the page's
 * slider or runs the step, and returns a sentence saying what happened, with numbers from
 * lib/). The feedback says whether the prediction held, with the picked choice's own `why`.
 * Nothing is revealed before a prediction is picked; after the reveal, Check judges a new pick.
 */
export function predictQuiz({id, question, choices, reveal, solution = []}) {
  validateChoices(choices);
  const passed = track(id);
  const q = frame(id, reveal.label);
  q.main.classList.add("quiz-reveal");
  const {fieldset, picked} = choiceList(question, choices);
  const outcome = element("p", {className: "quiz-outcome"});
  q.setSolution(choiceSolution(choices, solution));
  q.form.append(fieldset, q.buttons, outcome, q.feedback, q.solution);
  let revealed = false;
  const run = () => {
    if (revealed) return;
    try {
      outcome.textContent = reveal.run();
    } catch (error) {
      outcome.textContent = `The outcome could not be shown: ${error.message}`;
    }
    revealed = true;
    q.main.textContent = "Check";
  };
  q.form.querySelector(".quiz-show").addEventListener("click", run);
  q.form.addEventListener("submit", (event) => {
    event.preventDefault();
    const result = checkChoice(choices, picked());
    if (result.state === "invalid") {
      q.say("invalid", revealed ? "Pick an answer first." : "Pick a prediction first: the outcome shows once you have committed to one.");
      return;
    }
    run();
    if (result.state === "correct") {
      q.say("correct", `Your prediction held. ${result.why}`.trim());
      passed();
    } else q.say("wrong", `Your prediction did not hold. ${result.why}`.trim());
  });
  return q.form;
}

/**
 * Sets a page's control made by Observable Inputs (a slider, radio buttons, a toggle), found
 * by its label's exact text (e.g. "x" or "Task"), to `value`, as if the reader had moved it
 * (the page's charts follow; the reader is not scrolled away from the question). Returns the value it took, or throws a clear error when the page
 * has no such control.
 */
export function setControl(labelText, value) {
  const label = [...document.querySelectorAll("form > label")].find((l) => l.textContent.trim() === labelText && !l.closest(".quiz"));
  const input = label?.closest("form");
  if (!input) throw new Error(`there is no “${labelText}” control on this page`);
  input.value = value;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  return input.value;
}
