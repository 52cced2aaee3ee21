import {describe, expect, it} from "vitest";
import {editsKey, loadEdits, saveEdits} from "../../src/components/notebookStore.js";

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => (map.has(k) ? map.get(k)! : null),
    setItem: (k: string, v: string) => void map.set(k, String(v)),
    removeItem: (k: string) => void map.delete(k),
    map
  };
}
const refusing = {
  getItem: () => {
    throw new Error("SecurityError");
  },
  setItem: () => {
    throw new Error("QuotaExceededError");
  },
  removeItem: () => {
    throw new Error("SecurityError");
  }
};

describe("notebook edits", () => {
  it("keeps each page's edits apart, by path, subpath included", () => {
    const storage = memoryStorage();
    expect(saveEdits(storage, "/course/sigmoid", {a: "1", b: "2"})).toBe(true);
    saveEdits(storage, "/course/tanh", {a: "3"});
    expect(loadEdits(storage, "/course/sigmoid", ["a", "b"])).toEqual({a: "1", b: "2"});
    expect(loadEdits(storage, "/course/sigmoid.html", ["a"])).toEqual({a: "1"});
    expect(loadEdits(storage, "/course/tanh", ["a", "b"])).toEqual({a: "3"});
    expect(loadEdits(storage, "/sigmoid", ["a"])).toEqual({});
    expect(editsKey("/course/index")).toBe(editsKey("/course/"));
  });

  it("removes the entry when no edit is left", () => {
    const storage = memoryStorage();
    saveEdits(storage, "/p", {a: "1"});
    saveEdits(storage, "/p", {});
    expect(storage.map.size).toBe(0);
  });

  it("ignores cells the page does not have, values that are not text, and malformed entries", () => {
    const storage = memoryStorage();
    storage.setItem(editsKey("/p"), JSON.stringify({a: "ok", b: 3, c: "other", __proto__: "x"}));
    expect(loadEdits(storage, "/p", ["a", "b", "toString"])).toEqual({a: "ok"});
    for (const bad of ["not json", "[1,2]", "null", '"text"']) {
      storage.setItem(editsKey("/p"), bad);
      expect(loadEdits(storage, "/p", ["a"])).toEqual({});
    }
  });

  it("survives a storage that is missing or refuses access", () => {
    expect(loadEdits(undefined, "/p", ["a"])).toEqual({});
    expect(loadEdits(refusing, "/p", ["a"])).toEqual({});
    expect(saveEdits(refusing, "/p", {a: "1"})).toBe(false);
  });
});
