import {describe, expect, it} from "vitest";
import {
  formatParam,
  listed,
  parseNumber,
  readChoice,
  readFeatures,
  readId,
  readLayers,
  readRange,
  readSwitch,
  readUnits,
  shown
} from "../../lib/playgroundParams.js";

describe("the small pieces of a note", () => {
  it("formatParam writes plain decimals without float dust", () => {
    expect(formatParam(0.1 + 0.2)).toBe("0.3");
    expect(formatParam(0.00001)).toBe("0.00001");
    expect(formatParam(4294967295)).toBe("4294967295");
    expect(formatParam(-0)).toBe("0");
  });

  it("parseNumber takes decimals only", () => {
    expect(parseNumber("1e-5")).toBe(0.00001);
    expect(parseNumber("-.5")).toBe(-0.5);
    expect(parseNumber("+2.")).toBe(2);
    for (const text of ["", " 1", "1 ", "0x10", "1e", "Infinity", "NaN", "1,5", "--1"])
      expect(parseNumber(text)).toBeNaN();
  });

  it("shown shortens long values to 40 characters", () => {
    expect(shown("x".repeat(40))).toBe("x".repeat(40));
    expect(shown("x".repeat(41))).toBe(`${"x".repeat(39)}…`);
  });

  it("listed names three problems, then counts the rest", () => {
    expect(listed([])).toBe("");
    expect(listed(["a", "b", "c"])).toBe("a; b; c");
    expect(listed(["a", "b", "c", "d", "e"])).toBe("a; b; c; and 2 more");
  });
});

describe("readers", () => {
  it("readRange snaps to the step or falls back, with a note", () => {
    const spec = {min: 0, max: 1, step: 0.25};
    expect(readRange("k", "0.5", spec, 0)).toEqual({value: 0.5});
    expect(readRange("k", "0.3", spec, 0)).toEqual({
      value: 0.25,
      note: "k=0.3 is between the slider's steps of 0.25; using 0.25"
    });
    expect(readRange("k", "2", spec, 0.75)).toEqual({value: 0.75, note: "k=2 is outside 0–1; using 0.75"});
    expect(readRange("k", "a", spec, 0)).toEqual({value: 0, note: "k=a is not a number; using 0"});
  });

  it("readChoice takes the nearest choice on a log scale", () => {
    expect(readChoice("k", "3", [1, 10, 100], 10)).toEqual({
      value: 1,
      note: "k=3 is not one of 1, 10, 100; using 1"
    });
    expect(readChoice("k", "4", [1, 10, 100], 10)).toEqual({
      value: 10,
      note: "k=4 is not one of 1, 10, 100; using 10"
    });
    expect(readChoice("k", "100", [1, 10, 100], 10)).toEqual({value: 100});
    expect(readChoice("k", "0", [1, 10, 100], 10)).toEqual({
      value: 10,
      note: "k=0 is outside 1–100; using 10"
    });
  });

  it("readId and readSwitch take exact names", () => {
    expect(readId("k", "b", ["a", "b"], "a")).toEqual({value: "b"});
    expect(readId("k", "B", ["a", "b"], "a")).toEqual({value: "a", note: "k=B is not one of a, b; using a"});
    expect(readSwitch("k", "on", false)).toEqual({value: true});
    expect(readSwitch("k", "off", true)).toEqual({value: false});
    expect(readSwitch("k", "ON", true)).toEqual({value: true, note: "k=ON is not on or off; using on"});
  });

  it("readFeatures and readUnits fall back to what they are given", () => {
    expect(readFeatures("x1x2,x2", ["x1"])).toEqual({value: ["x2", "x1x2"]});
    expect(readFeatures("nope", ["sinX1"]).value).toEqual(["sinX1"]);
    expect(readUnits("3,2", [1])).toEqual({value: [3, 2]});
    expect(readUnits("x", [7, 7])).toEqual({
      value: [7, 7],
      note: "units=x gives no layer's width (layer 1's \"x\" is not a number); using 7,7"
    });
  });

  it("readLayers reads either form, and nothing when neither is given", () => {
    const notes: string[] = [];
    expect(readLayers(null, null, [4, 4], notes)).toBeUndefined();
    expect(readLayers(null, "2,3", [4, 4], notes)).toEqual([2, 3]);
    expect(readLayers("3", null, [5, 5], notes)).toEqual([5, 5, 5]);
    expect(readLayers("1", "6", [5, 5], notes)).toEqual([6]);
    expect(readLayers(null, "", [5, 5], notes)).toEqual([]);
    expect(notes).toEqual([]);
    expect(readLayers("x", "6", [5, 5], notes)).toEqual([6, 6]);
    expect(notes).toEqual(["layers=x is not a number; using 2"]);
  });
});
