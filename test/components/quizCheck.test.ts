import {describe, expect, test} from "vitest";
import {
  checkChoice,
  checkNumber,
  isCloseEnough,
  parseReaderNumber,
  solutionLines,
  validateChoices
} from "../../src/components/quizCheck.js";
import {activations} from "../../lib/activations.js";

describe("parseReaderNumber", () => {
  test("reads the ways a reader types a number", () => {
    expect(parseReaderNumber("0.25")).toBe(0.25);
    expect(parseReaderNumber(" −0.5 ")).toBe(-0.5);
    expect(parseReaderNumber(".5")).toBe(0.5);
    expect(parseReaderNumber("1e-3")).toBe(0.001);
    expect(parseReaderNumber("0,25")).toBe(0.25);
    expect(parseReaderNumber("1/4")).toBe(0.25);
    expect(parseReaderNumber("-1")).toBe(-1);
  });
  test("gives NaN for anything else", () => {
    for (const text of ["", "abc", "1..2", "1/", "--1", "NaN", "Infinity"]) expect(parseReaderNumber(text)).toBeNaN();
  });
});

describe("isCloseEnough", () => {
  test("is absolute near 0 and relative for large answers", () => {
    expect(isCloseEnough(0.105, 0.10499, 0.002)).toBe(true);
    expect(isCloseEnough(0.11, 0.105, 0.002)).toBe(false);
    expect(isCloseEnough(1005, 1000, 0.01)).toBe(true);
    expect(isCloseEnough(1020, 1000, 0.01)).toBe(false);
  });
});

describe("checkNumber", () => {
  const answer = activations.sigmoid.df(2);
  test("says correct, wrong (with the number read) or invalid", () => {
    expect(checkNumber("0.105", answer, 0.002).state).toBe("correct");
    expect(checkNumber("0.25", answer, 0.002)).toEqual({state: "wrong", value: 0.25});
    expect(checkNumber("a lot", answer).state).toBe("invalid");
    expect(checkNumber("", answer).state).toBe("invalid");
  });
  test("a question whose answer is not finite cannot be answered, whatever is typed", () => {
    expect(checkNumber("1", NaN).state).toBe("unanswerable");
    expect(checkNumber("1", Infinity).state).toBe("unanswerable");
  });
});

describe("checkChoice", () => {
  const choices = [
    {text: "0.5", why: "That is σ(0), the value, not the slope."},
    {text: "0.25", correct: true, why: "σ′(0) = σ(0)(1 − σ(0)) = 0.25."}
  ];
  test("gives the picked choice's own explanation", () => {
    expect(checkChoice(choices, 0)).toEqual({state: "wrong", why: choices[0].why});
    expect(checkChoice(choices, 1)).toEqual({state: "correct", why: choices[1].why});
  });
  test("nothing picked, or a pick out of range, is invalid", () => {
    expect(checkChoice(choices, null).state).toBe("invalid");
    expect(checkChoice(choices, 2).state).toBe("invalid");
    expect(checkChoice(choices, -1).state).toBe("invalid");
  });
});

describe("validateChoices", () => {
  test("accepts one correct choice with every choice explained", () => {
    const choices = [
      {text: "a", correct: true, why: "because"},
      {text: "b", why: "no"}
    ];
    expect(validateChoices(choices)).toBe(choices);
  });
  test("refuses no correct choice, two, a bare choice, or fewer than two", () => {
    expect(() => validateChoices([{text: "a", why: "x"}, {text: "b", why: "y"}])).toThrow(/exactly one correct/);
    expect(() => validateChoices([{text: "a", correct: true, why: "x"}, {text: "b", correct: true, why: "y"}])).toThrow(/exactly one correct/);
    expect(() => validateChoices([{text: "a", correct: true, why: "x"}, {text: "b"}])).toThrow(/"b" needs its own explanation/);
    expect(() => validateChoices([{text: "a", correct: true, why: "x"}])).toThrow(/at least two/);
    expect(() => validateChoices(undefined)).toThrow(/at least two/);
  });
});

describe("solutionLines", () => {
  test("writes a value from lib after its step, with = when exact and ≈ when rounded", () => {
    const s = activations.sigmoid;
    expect(solutionLines([["σ′(0)", s.df(0)], ["σ(2)", s.f(2)], "Multiply them."])).toEqual([
      "σ′(0) = 0.25",
      `σ(2) ≈ 0.8808`,
      "Multiply them."
    ]);
  });
  test("writes negative, tiny and non-finite values the course's way, and drops empty steps", () => {
    expect(solutionLines([["a", -0.5], ["b", 1e-9], ["c", NaN], ["d", -Infinity], "  "])).toEqual([
      "a = −0.5",
      "b = 1×10⁻⁹",
      "c = undefined",
      "d = −∞"
    ]);
    expect(solutionLines([["e", 1 / 3]])).toEqual(["e ≈ 0.3333"]);
    expect(solutionLines()).toEqual([]);
  });
});
