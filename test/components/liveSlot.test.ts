// @vitest-environment jsdom
// liveSlot.js: one call fills every slot of a name, whatever its kind (text in prose, a
// number inside a formula typeset at build time, a matrix of entry boxes); far off screen,
// the writing waits; an announcing region is busy while writes come quickly.
import {afterEach, beforeAll, beforeEach, describe, expect, test, vi} from "vitest";
import {renderTex} from "../../scripts/markdown-tex.js";
import {formatNumber} from "../../src/components/format.js";

/** jsdom has no IntersectionObserver: this one lets a test say what is in view. */
const observed = new Map<Element, (entries: object[]) => void>();
class FakeIntersectionObserver {
  constructor(private callback: (entries: object[]) => void) {}
  observe(target: Element) {
    observed.set(target, this.callback);
  }
}
function scroll(target: Element, isIntersecting: boolean) {
  observed.get(target)!([{target, isIntersecting}]);
}

// the modules under test read these globals when they first run
let slots: typeof import("../../src/components/liveSlot.js");
let offscreen: typeof import("../../src/components/offscreen.js");
let liveTex: typeof import("../../src/components/liveTex.js");
beforeAll(async () => {
  vi.stubGlobal("IntersectionObserver", FakeIntersectionObserver);
  vi.stubGlobal("CSS", {escape: (name: string) => name.replace(/["\\]/g, "\\$&")});
  slots = await import("../../src/components/liveSlot.js");
  offscreen = await import("../../src/components/offscreen.js");
  liveTex = await import("../../src/components/liveTex.js");
  // the TeX renderer is loaded on demand, by the first write into a TeX slot
  document.body.innerHTML = renderTex("t = \\live{t}{0}");
  slots.setSlots({t: 1});
  slots.setSlots({t: 2});
  beforeLoad = {shown: document.body.textContent!, pending: offscreen.pendingOffscreen()};
  await vi.waitFor(() => expect(offscreen.pendingOffscreen()).toBe(0));
  afterLoad = document.body.textContent!;
});
let beforeLoad: {shown: string; pending: number};
let afterLoad: string;

describe("the TeX renderer", () => {
  test("arrives on demand; a slot written before it arrives gets its last value, and tests wait for it", () => {
    expect(beforeLoad).toEqual({shown: "t=0", pending: 1});
    expect(afterLoad).toBe("t=2");
  });
});

beforeEach(() => {
  observed.clear();
  document.body.innerHTML = `
<p>The loss is <span class="live" data-live="loss">0</span>, the weight <span class="live" data-live="w"></span>.</p>
<div class="math-block" data-live="forward">${renderTex("z = \\live{w}{0.5}\\cdot x \\live{b}{+ 0} = \\live{loss}{0.5}", {displayMode: true})}</div>
<p>$W =$ <span class="live-matrix" data-live="m" aria-label="W" style="--rows: 2; --cols: 2"></span>
<span class="live-matrix" data-live="v" aria-label="b" style="--rows: 2; --cols: 1"></span></p>`;
});

afterEach(() => {
  offscreen.flushOffscreen();
  vi.useRealTimers();
});

const all = (name: string) => [...document.querySelectorAll(`[data-live="${name}"]`)];

describe("slot kinds", () => {
  test("are told from where the Markdown put the slot", () => {
    const kinds = (name: string) => all(name).map((element) => slots.slotKind(element));
    expect(kinds("loss")).toEqual(["text", "tex"]);
    expect(kinds("b")).toEqual(["tex"]);
    expect(kinds("m")).toEqual(["matrix"]);
  });
});

describe("setSlots", () => {
  test("writes one value into a text slot and a TeX slot of the same name, each in its form", () => {
    const textNode = all("loss")[0].firstChild;
    slots.setSlots({loss: -0.041723});
    const [text, tex] = all("loss");
    expect(text.textContent).toBe("−0.04172");
    expect(text.firstChild).toBe(textNode); // the text node is changed, not replaced
    expect((text as HTMLElement).dataset.value).toBe("-0.041723");
    // inside the formula: the HTML KaTeX gives the same number (liveTex.test.ts checks that)
    expect(tex.innerHTML).toContain(liveTex.liveNumberHtml(-0.041723, {display: true}));
    expect(tex.textContent).toBe("−0.04172");
  });

  test("a factor or a signed term is set as such in TeX, as a plain number in prose", () => {
    slots.setSlots({w: slots.liveFactor(-2), b: slots.liveSigned(-0.25)});
    const [text, tex] = all("w");
    expect(text.textContent).toBe(formatNumber(-2));
    expect(tex.textContent).toBe("(−2)");
    expect(all("b")[0].textContent).toBe("−0.25");
    expect(all("b")[0].querySelector(".mbin")?.textContent).toBe("−");
  });

  test("liveNumber rounds to its digits, or shows its text, and keeps the number", () => {
    slots.setSlots({loss: slots.liveNumber(2 / 3, {digits: 2})});
    expect(all("loss")[0].textContent).toBe("0.67");
    slots.setSlots({loss: slots.liveNumber(0.75, {text: "75%"})});
    expect(all("loss")[0].textContent).toBe("75%");
    expect((all("loss")[0] as HTMLElement).dataset.value).toBe("0.75");
  });

  test("a string is written as it is; values that are not finite read as words", () => {
    slots.setSlots({w: "two layers"});
    expect(all("w")[0].textContent).toBe("two layers");
    slots.setSlots({loss: Number.NaN});
    expect(all("loss").map((e) => e.textContent)).toEqual(["undefined", "undefined"]);
    slots.setSlots({loss: -Infinity});
    expect(all("loss").map((e) => e.textContent)).toEqual(["−∞", "−∞"]);
  });

  test("fills a matrix slot with an ARIA table of entry boxes, then rewrites only their text", () => {
    slots.setSlots({
      m: [
        [1, -0.5],
        [0.1 * 3, 1e-17]
      ],
      v: [2, -0]
    });
    const m = all("m")[0];
    expect(m.getAttribute("role")).toBe("table");
    expect(m.getAttribute("aria-label")).toBe("W");
    const rows = [...m.querySelectorAll('[role="row"]')].map((row) =>
      [...row.querySelectorAll('[role="cell"]')].map((cell) => cell.textContent)
    );
    expect(rows).toEqual([
      ["1", "−0.5"],
      ["0.3", "0"]
    ]);
    expect(all("v")[0].textContent).toBe("20");
    const box = m.querySelector('[role="cell"] > span')!;
    slots.setSlots({
      m: [
        [1.23456, 0],
        [0, 0]
      ]
    });
    expect(m.querySelector('[role="cell"] > span')).toBe(box);
    expect(box.textContent).toBe("1.2346");
  });

  test("a matrix of the wrong size is an error, not stale entries", () => {
    expect(() =>
      slots.setSlots({
        m: [
          [1, 2, 3],
          [4, 5, 6]
        ]
      })
    ).toThrow(/expected 2 entries in row 1/);
    expect(() => slots.setSlots({v: [1]})).toThrow(/expected 2 rows/);
  });

  test("a value a slot cannot show is an error where it is set, even when the slot's writing waits", () => {
    slots.setSlots({
      loss: 1,
      m: [
        [1, 2],
        [3, 4]
      ]
    });
    for (const element of [...all("loss"), ...all("m")]) scroll(element, false);
    expect(() => slots.setSlots({loss: undefined})).toThrow(/a slot takes a string or a number/);
    expect(() => slots.setSlots({b: slots.liveSigned(undefined as unknown as number)})).toThrow(
      /takes a string or a number/
    );
    expect(() =>
      slots.setSlots({
        m: [
          [1, "2"],
          [3, 4]
        ]
      })
    ).toThrow(/row 1 holds something that is not a number/);
    expect(() => slots.setSlots({m: 5})).toThrow(/expected 2 rows/);
    offscreen.flushOffscreen();
    expect(all("loss")[0].textContent).toBe("1");
  });

  test("a name with no slot is an error, so a typo shows", () => {
    expect(() => slots.setSlots({los: 1})).toThrow(/no slot data-live="los"/);
  });

  test("spoken(text) names a slot around a formula for screen readers, leaving the formula", () => {
    const block = all("forward")[0];
    const before = block.textContent;
    slots.setSlots({forward: slots.spoken("z = 0.5")});
    expect(block.getAttribute("role")).toBe("img");
    expect(block.getAttribute("aria-label")).toBe("z = 0.5");
    expect(block.textContent).toBe(before);
  });

  test("a typeset formula written into a text slot replaces it once, not at every step", () => {
    const formula = () => {
      const span = document.createElement("span");
      span.className = "katex";
      span.textContent = "(−∞, ∞)";
      return span;
    };
    slots.setSlot("w", formula());
    const written = all("w")[0].firstChild;
    slots.setSlot("w", formula());
    expect(all("w")[0].firstChild).toBe(written);
    expect(all("w")[0].textContent).toBe("(−∞, ∞)");
  });
});

describe("in-view deferral", () => {
  test("a slot far off screen is written once the input pauses, with the last value", () => {
    vi.useFakeTimers({toFake: ["setTimeout", "clearTimeout", "performance"]});
    slots.setSlots({loss: 1});
    const [text, tex] = all("loss");
    scroll(text, false);
    scroll(tex, true);
    slots.setSlots({loss: 2});
    slots.setSlots({loss: 3});
    expect(text.textContent).toBe("1");
    expect(tex.textContent).toBe("3");
    expect(offscreen.pendingOffscreen()).toBe(1);
    vi.advanceTimersByTime(offscreen.SETTLE_MS + 1);
    expect(text.textContent).toBe("3");
    expect(offscreen.pendingOffscreen()).toBe(0);
  });

  test("…or as soon as it comes near", () => {
    slots.setSlots({loss: 1});
    const [text] = all("loss");
    scroll(text, false);
    slots.setSlots({loss: 4});
    expect(text.textContent).toBe("1");
    scroll(text, true);
    expect(text.textContent).toBe("4");
  });

  test("a figure takes its value through update(value), deferred the same way", () => {
    const figure = Object.assign(document.createElement("div"), {update: vi.fn()});
    document.body.append(figure);
    slots.setSlot(figure, 1);
    expect(figure.update).toHaveBeenLastCalledWith(1);
    scroll(figure, false);
    slots.setSlot(figure, 2);
    expect(figure.update).toHaveBeenCalledTimes(1);
    offscreen.flushOffscreen();
    expect(figure.update).toHaveBeenLastCalledWith(2);
    expect(() => slots.setSlot(document.body, 1)).toThrow(/update\(value\)/);
  });
});

describe("announce", () => {
  test("makes a polite status region, busy while writes come quickly and read once they settle", async () => {
    vi.useFakeTimers({toFake: ["setTimeout", "clearTimeout", "performance"]});
    const region = slots.announce(document.createElement("p"));
    document.body.append(region);
    expect(region.getAttribute("role")).toBe("status");
    expect(region.getAttribute("aria-live")).toBe("polite");
    region.textContent = "After 1 step";
    await Promise.resolve(); // mutation records are delivered as a microtask
    expect(region.getAttribute("aria-busy")).toBe("true");
    vi.advanceTimersByTime(offscreen.SETTLE_MS / 2);
    region.textContent = "After 2 steps";
    await Promise.resolve();
    vi.advanceTimersByTime(offscreen.SETTLE_MS / 2 + 1);
    expect(region.getAttribute("aria-busy")).toBe("true");
    vi.advanceTimersByTime(offscreen.SETTLE_MS);
    expect(region.hasAttribute("aria-busy")).toBe(false);
    expect(slots.announce(region)).toBe(region);
  });
});
