import {describe, expect, it} from "vitest";
import {countInWords, joinWithAnd} from "../../lib/wording.js";

describe("countInWords", () => {
  it("writes small counts in words and larger ones in digits", () => {
    expect(countInWords(0)).toBe("zero");
    expect(countInWords(6)).toBe("six");
    expect(countInWords(7)).toBe("seven");
    expect(countInWords(20)).toBe("twenty");
    expect(countInWords(21)).toBe("21");
  });

  it("rejects what is not a count, naming it", () => {
    for (const bad of [-1, 1.5, NaN, Infinity, -0.5]) expect(() => countInWords(bad)).toThrow(/whole number/);
  });
});

describe("joinWithAnd", () => {
  it("joins with commas and a final 'and'", () => {
    expect(joinWithAnd([]).join("")).toBe("");
    expect(joinWithAnd(["a"]).join("")).toBe("a");
    expect(joinWithAnd(["a", "b"]).join("")).toBe("a and b");
    expect(joinWithAnd(["a", "b", "c"]).join("")).toBe("a, b and c");
  });

  it("keeps the items themselves, for nodes", () => {
    const items = [{n: 1}, {n: 2}, {n: 3}];
    const joined = joinWithAnd(items);
    expect(joined).toEqual([items[0], ", ", items[1], " and ", items[2]]);
    expect(joined[0]).toBe(items[0]);
  });
});
