// @vitest-environment jsdom
// The widgets' status lines are announced the one way the course has (liveSlot's announce):
// a polite status region, busy while writes come and read once they settle. A question's
// feedback, the home page's progress note and the print page's status line, each checked
// after the widget writes into it.
import {afterEach, beforeEach, describe, expect, test, vi} from "vitest";
import {SETTLE_MS} from "../../src/components/offscreen.js";
import {printCourse} from "../../src/components/print.js";
import {progressList} from "../../src/components/progressList.js";
import {choiceQuiz} from "../../src/components/quiz.js";
import {createProgressStore} from "../../src/components/quizProgress.js";

/** A Storage that refuses every write, as private browsing or a full quota does. */
const refusingStorage = {
  length: 0,
  key: () => null,
  getItem: () => null,
  setItem() {
    throw new DOMException("quota", "QuotaExceededError");
  },
  removeItem() {}
};

/** Checks that `region` is announced: a polite status, busy just after a write, at rest once writes settle. */
async function expectAnnounced(region: Element | null, text: RegExp) {
  expect(region).not.toBeNull();
  expect(region!.getAttribute("role")).toBe("status");
  expect(region!.getAttribute("aria-live")).toBe("polite");
  expect(region!.textContent).toMatch(text);
  await Promise.resolve(); // mutation records are delivered as a microtask
  expect(region!.getAttribute("aria-busy")).toBe("true");
  vi.advanceTimersByTime(SETTLE_MS + 1);
  expect(region!.hasAttribute("aria-busy")).toBe(false);
}

beforeEach(() => {
  vi.useFakeTimers({toFake: ["setTimeout", "clearTimeout", "performance"]});
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe("announced status lines", () => {
  test("a question's feedback", async () => {
    const form = choiceQuiz({
      id: "announced-test",
      question: "Which is right?",
      choices: [
        {text: "this", correct: true, why: "it is."},
        {text: "that", correct: false, why: "it is not."}
      ]
    });
    document.body.append(form);
    form.dispatchEvent(new Event("submit", {cancelable: true}));
    await expectAnnounced(form.querySelector(".quiz-feedback"), /^Pick an answer first\.$/);
  });

  test("the progress note, when the browser keeps nothing", async () => {
    const list = progressList([{key: "sigmoid", title: "Sigmoid"}], {store: createProgressStore(refusingStorage)});
    document.body.append(list);
    await expectAnnounced(list.querySelector(".progress-note"), /keeping anything/);
  });

  test("the print page's status line", async () => {
    const root = printCourse([{path: "/sigmoid", name: "Sigmoid"}]);
    document.body.append(root);
    await expectAnnounced(root.querySelector(".print-course-status"), /^1 pages to gather\.$/);
  });
});
