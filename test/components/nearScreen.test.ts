// @vitest-environment jsdom
// offscreen.js's nearScreen: code a page needs only when the reader nears what it draws (the
// playground's questions and sources) loads when its element comes near the viewport, at
// once when it is printed or when there is nothing to watch, and counts as pending only
// while it loads.
import {afterEach, describe, expect, test} from "vitest";
import {nearScreen, pendingOffscreen} from "../../src/components/offscreen.js";

/** An IntersectionObserver whose entries the test sends by hand. */
class FakeObserver {
  static made: FakeObserver[] = [];
  watched: Element[] = [];
  disconnected = false;
  constructor(public callback: (entries: {isIntersecting: boolean; target: Element}[]) => void) {
    FakeObserver.made.push(this);
  }
  observe(element: Element) {
    this.watched.push(element);
  }
  disconnect() {
    this.disconnected = true;
  }
  send(isIntersecting: boolean) {
    this.callback(this.watched.map((target) => ({isIntersecting, target})));
  }
}

const real = globalThis.IntersectionObserver;
afterEach(() => {
  globalThis.IntersectionObserver = real;
  FakeObserver.made = [];
});

describe("nearScreen", () => {
  test("loads once the element comes near the viewport, not before, and only once", async () => {
    globalThis.IntersectionObserver = FakeObserver as never;
    let loads = 0;
    const element = document.createElement("h2");
    const loaded = nearScreen(element, async () => ++loads);
    const observer = FakeObserver.made[0];
    expect(observer.watched).toEqual([element]);
    observer.send(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads).toBe(0);
    expect(pendingOffscreen()).toBe(0); // waiting for the reader is not pending
    observer.send(true);
    observer.send(true);
    await expect(loaded).resolves.toBe(1);
    expect(loads).toBe(1);
    expect(observer.disconnected).toBe(true);
  });

  test("printing loads at once", async () => {
    globalThis.IntersectionObserver = FakeObserver as never;
    const loaded = nearScreen(document.createElement("div"), async () => "printed");
    globalThis.dispatchEvent(new Event("beforeprint"));
    await expect(loaded).resolves.toBe("printed");
  });

  test("with no element (or no IntersectionObserver) it loads at once; a failed load rejects", async () => {
    globalThis.IntersectionObserver = FakeObserver as never;
    await expect(nearScreen(null, async () => "now")).resolves.toBe("now");
    globalThis.IntersectionObserver = undefined as never;
    await expect(nearScreen(document.createElement("div"), async () => "also now")).resolves.toBe("also now");
    await expect(
      nearScreen(null, async () => {
        throw new Error("offline");
      })
    ).rejects.toThrow("offline");
    expect(pendingOffscreen()).toBe(0);
  });
});
