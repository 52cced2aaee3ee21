// lib/registry.ts: an id names a record only as the registry's own key; an unknown id throws
// an error that names it (as JSON) and lists the ids there are.
import {describe, expect, test} from "vitest";
import {entryOf, hasEntry} from "../../lib/registry.js";

const registry = {alpha: {n: 1}, beta: {n: 2}, "": {n: 0}};
const ids = ["alpha", "beta"];

describe("hasEntry", () => {
  test("true for an own key, the empty string included when it is one", () => {
    expect(hasEntry(registry, "alpha")).toBe(true);
    expect(hasEntry(registry, "")).toBe(true);
    expect(hasEntry({alpha: 1}, "")).toBe(false);
  });

  test("false for inherited keys, other spellings and anything not a string", () => {
    for (const key of ["constructor", "toString", "__proto__", "hasOwnProperty", "Alpha", " alpha", "gamma"])
      expect(hasEntry(registry, key)).toBe(false);
    for (const key of [undefined, null, 0, -0, NaN, Infinity, 1, true, {}, ["alpha"], Symbol("alpha")])
      expect(hasEntry(registry, key)).toBe(false);
  });

  test("a registry without a prototype, or frozen, reads the same", () => {
    const bare = Object.assign(Object.create(null), {alpha: 1});
    expect(hasEntry(bare, "alpha")).toBe(true);
    expect(hasEntry(bare, "toString")).toBe(false);
    expect(hasEntry(Object.freeze({alpha: 1}), "alpha")).toBe(true);
  });
});

describe("entryOf", () => {
  test("gives the record itself", () => {
    expect(entryOf(registry, "beta", "unknown thing", ids)).toBe(registry.beta);
  });

  test("an unknown key throws, naming it as JSON and listing the ids", () => {
    expect(() => entryOf(registry, "gamma", "unknown thing", ids)).toThrow(
      new Error('unknown thing "gamma"; expected one of alpha, beta')
    );
    expect(() => entryOf(registry, "constructor", "no record for", ids)).toThrow(/^no record for "constructor";/);
    expect(() => entryOf(registry, 'say "hi"\n', "unknown thing", ids)).toThrow('unknown thing "say \\"hi\\"\\n";');
  });
});
