// @vitest-environment jsdom
// offscreen.js's nearScreen: code a page needs only when the reader nears what it draws (the
// playground's questions and sources) loads when its element comes near the viewport, at
// once when it is printed or when there is nothing to watch, and counts as pending only
// while it loads. Every element is watched by one observer, the one whenInView uses.
import {afterEach, beforeEach, describe, expect, test, vi} from "vitest";

type Offscreen = typeof import("../../src/components/offscreen.js");

/** An IntersectionObserver whose entries the test sends by hand. */
class FakeObserver {
  static made: FakeObserver[] = [];
  watched: Element[] = [];
  constructor(
    public callback: (entries: {isIntersecting: boolean; target: Element}[]) => void,
    public options: {rootMargin?: string} = {}
  ) {
    FakeObserver.made.push(this);
  }
  observe(element: Element) {
    if (!this.watched.includes(element)) this.watched.push(element);
  }
  unobserve(element: Element) {
    this.watched = this.watched.filter((e) => e !== element);
  }
  disconnect() {
    this.watched = [];
  }
  /** An entry for each of `targets` (by default every element watched). */
  send(isIntersecting: boolean, targets: Element[] = this.watched) {
    this.callback(
      targets.filter((t) => this.watched.includes(t)).map((target) => ({isIntersecting, target}))
    );
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const real = globalThis.IntersectionObserver;
let offscreen: Offscreen;
beforeEach(async () => {
  // a fresh module, so that its one observer is made from this test's IntersectionObserver
  vi.resetModules();
  globalThis.IntersectionObserver = FakeObserver as never;
  offscreen = await import("../../src/components/offscreen.js");
});
afterEach(() => {
  globalThis.IntersectionObserver = real;
  FakeObserver.made = [];
});

describe("nearScreen", () => {
  test("loads once the element comes near the viewport, not before, and only once", async () => {
    let loads = 0;
    const element = document.createElement("h2");
    const loaded = offscreen.nearScreen(element, async () => ++loads);
    const [observer] = FakeObserver.made;
    expect(observer.watched).toEqual([element]);
    observer.send(false);
    await tick();
    expect(loads).toBe(0);
    expect(offscreen.pendingOffscreen()).toBe(0); // waiting for the reader is not pending
    observer.send(true, [element]);
    observer.send(true, [element]);
    await expect(loaded).resolves.toBe(1);
    expect(loads).toBe(1);
    expect(observer.watched).toEqual([]); // no longer watched
  });

  test("elements share one observer, and each loads when it comes near", async () => {
    const [first, second] = [document.createElement("h2"), document.createElement("h2")];
    const loads: string[] = [];
    const loaded = [
      offscreen.nearScreen(first, async () => loads.push("first")),
      offscreen.nearScreen(second, async () => loads.push("second")),
      offscreen.nearScreen(second, async () => loads.push("second again"))
    ];
    expect(FakeObserver.made).toHaveLength(1);
    const [observer] = FakeObserver.made;
    expect(observer.options.rootMargin).toBe("20% 0px");
    expect(observer.watched).toEqual([first, second]);
    observer.send(true, [second]);
    await Promise.all(loaded.slice(1));
    expect(loads).toEqual(["second", "second again"]);
    expect(observer.watched).toEqual([first]);
    observer.send(true, [first]);
    await loaded[0];
    expect(loads).toEqual(["second", "second again", "first"]);
    expect(observer.watched).toEqual([]);
  });

  test("whenInView's elements are watched by the same observer, and stay watched", async () => {
    const element = document.createElement("div");
    const updates: number[] = [];
    offscreen.whenInView(element, () => updates.push(0)); // not measured yet: runs at once
    let loads = 0;
    const loaded = offscreen.nearScreen(element, async () => ++loads);
    expect(FakeObserver.made).toHaveLength(1);
    const [observer] = FakeObserver.made;
    observer.send(false);
    offscreen.whenInView(element, () => updates.push(1)); // off screen: waits
    await tick();
    expect([loads, updates]).toEqual([0, [0]]);
    observer.send(true);
    await expect(loaded).resolves.toBe(1);
    expect(updates).toEqual([0, 1]);
    expect(observer.watched).toEqual([element]); // whenInView still needs it
    // near already: a later nearScreen loads at once
    await expect(offscreen.nearScreen(element, async () => "at once")).resolves.toBe("at once");
  });

  test("an element watched for nearScreen is measured afresh when whenInView asks for it", async () => {
    const element = document.createElement("div");
    const loaded = offscreen.nearScreen(element, async () => "loaded");
    const [observer] = FakeObserver.made;
    const unobserve = vi.spyOn(observer, "unobserve");
    const observe = vi.spyOn(observer, "observe");
    offscreen.whenInView(element, () => {});
    expect(unobserve).toHaveBeenCalledWith(element);
    expect(observe).toHaveBeenCalledWith(element);
    observer.send(true);
    await expect(loaded).resolves.toBe("loaded");
    expect(observer.watched).toEqual([element]);
  });

  test("printing loads at once", async () => {
    const loaded = offscreen.nearScreen(document.createElement("div"), async () => "printed");
    globalThis.dispatchEvent(new Event("beforeprint"));
    await expect(loaded).resolves.toBe("printed");
    expect(FakeObserver.made[0].watched).toEqual([]);
  });

  test("with no element (or no IntersectionObserver) it loads at once; a failed load rejects", async () => {
    await expect(offscreen.nearScreen(null as never, async () => "now")).resolves.toBe("now");
    globalThis.IntersectionObserver = undefined as never;
    await expect(offscreen.nearScreen(document.createElement("div"), async () => "also now")).resolves.toBe(
      "also now"
    );
    await expect(
      offscreen.nearScreen(null as never, async () => {
        throw new Error("offline");
      })
    ).rejects.toThrow("offline");
    expect(offscreen.pendingOffscreen()).toBe(0);
  });
});
