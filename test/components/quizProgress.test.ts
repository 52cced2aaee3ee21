import {describe, expect, test} from "vitest";
import {createProgressStore, pageKey, PROGRESS_PREFIX} from "../../src/components/quizProgress.js";
import {progressMark} from "../../src/components/progressList.js";

/** A Storage-like object over a Map; `full` makes every write throw, as a full quota does. */
function memoryStorage({full = false} = {}) {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => (map.has(k) ? map.get(k)! : null),
    setItem(k: string, v: string) {
      if (full) throw new DOMException("quota", "QuotaExceededError");
      map.set(k, String(v));
    },
    removeItem: (k: string) => void map.delete(k)
  };
}

describe("pageKey", () => {
  test("names a page by the last part of its path", () => {
    expect(pageKey("/sigmoid")).toBe("sigmoid");
    expect(pageKey("/course/sigmoid.html")).toBe("sigmoid");
    expect(pageKey("/leaky-relu/")).toBe("leaky-relu");
    expect(pageKey("/")).toBe("index");
    expect(pageKey("")).toBe("index");
  });
});

describe("createProgressStore", () => {
  test("a page is passed once every question it asks has been answered correctly", () => {
    const store = createProgressStore(memoryStorage());
    expect(store.available).toBe(true);
    expect(store.status("sigmoid")).toEqual({total: 0, passed: 0, done: false});
    store.register("sigmoid", "slope-at-2");
    store.register("sigmoid", "predict-tail");
    store.register("sigmoid", "slope-at-2"); // asked again on the next visit: still one question
    expect(store.status("sigmoid")).toEqual({total: 2, passed: 0, done: false});
    store.pass("sigmoid", "predict-tail");
    store.pass("sigmoid", "predict-tail");
    expect(store.status("sigmoid")).toEqual({total: 2, passed: 1, done: false});
    store.pass("sigmoid", "slope-at-2");
    expect(store.status("sigmoid")).toEqual({total: 2, passed: 2, done: true});
    expect(store.status("tanh")).toEqual({total: 0, passed: 0, done: false});
  });

  test("keeps one key per page, and survives a new store over the same storage (a new visit)", () => {
    const storage = memoryStorage();
    const first = createProgressStore(storage);
    first.register("relu", "q1");
    first.pass("relu", "q1");
    first.register("tanh", "q1");
    expect([...storage.map.keys()].sort()).toEqual([PROGRESS_PREFIX + "relu", PROGRESS_PREFIX + "tanh"]);
    expect(createProgressStore(storage).status("relu")).toEqual({total: 1, passed: 1, done: true});
  });

  test("reset forgets every page's progress and nothing else", () => {
    const storage = memoryStorage();
    storage.setItem("someone-else", "keep");
    const store = createProgressStore(storage);
    for (const page of ["a", "b", "c"]) {
      store.register(page, "q");
      store.pass(page, "q");
    }
    store.reset();
    for (const page of ["a", "b", "c"]) expect(store.status(page)).toEqual({total: 0, passed: 0, done: false});
    expect([...storage.map.keys()]).toEqual(["someone-else"]);
  });

  test("a corrupt record reads as no progress instead of throwing", () => {
    const storage = memoryStorage();
    storage.setItem(PROGRESS_PREFIX + "relu", "{not json");
    storage.setItem(PROGRESS_PREFIX + "tanh", JSON.stringify({questions: "q", passed: [1, "q"]}));
    const store = createProgressStore(storage);
    expect(store.status("relu")).toEqual({total: 0, passed: 0, done: false});
    expect(store.status("tanh")).toEqual({total: 0, passed: 0, done: false});
    store.pass("relu", "q");
    expect(store.status("relu")).toEqual({total: 1, passed: 1, done: true});
  });

  test("without storage, or with storage that refuses writes, it keeps nothing and never throws", () => {
    for (const storage of [null, memoryStorage({full: true})]) {
      const store = createProgressStore(storage);
      expect(store.available).toBe(false);
      expect(() => {
        store.register("relu", "q");
        store.pass("relu", "q");
        store.reset();
      }).not.toThrow();
      expect(store.status("relu")).toEqual({total: 0, passed: 0, done: false});
    }
  });

  test("storage that fills up later turns the store unavailable instead of throwing", () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    storage.setItem = () => {
      throw new DOMException("quota", "QuotaExceededError");
    };
    expect(() => store.register("relu", "q")).not.toThrow();
    expect(store.available).toBe(false);
  });
});

describe("progressMark", () => {
  test("says passed, how many checks, or not started", () => {
    expect(progressMark({total: 3, passed: 3, done: true})).toBe("✓ passed");
    expect(progressMark({total: 3, passed: 1, done: false})).toBe("1 of 3 checks passed");
    expect(progressMark({total: 3, passed: 0, done: false})).toBe("0 of 3 checks passed");
    expect(progressMark({total: 0, passed: 0, done: false})).toBe("not started");
  });
});
