// The five function pages: the marked point follows the x slider to lib's values, the live
// numbers match lib, the log view, Leaky ReLU's α, the linear stack, guarded number boxes
// and the quizzes.
import type {Page} from "playwright-core";
import {describe, expect, inject, test} from "vitest";
import {activations, collapseLinear, forward, makeLeakyRelu} from "../../lib/index.js";
import type {Activation} from "../../lib/index.js";
import {formatNumber} from "../../src/components/format.js";
import {useBrowser} from "./chromium.js";
import {liveText, numberBox, press, slider} from "./controls.js";
import {expectNoProblem, openPage, withPage, waitForCells} from "./page.js";

interface PageCase {
  path: string;
  /** The activation drawn, given the page's parameter (α on /leaky-relu). */
  activation: Activation;
  hasLogView: boolean;
  /** The first numeric quiz on the page: its right answer (from lib) and a wrong one. */
  quiz: {answer: number; wrong: string};
}

const cases: PageCase[] = [
  {
    path: "/sigmoid",
    activation: activations.sigmoid,
    hasLogView: true,
    quiz: {answer: activations.sigmoid.df(2), wrong: "0.25"}
  },
  {
    path: "/tanh",
    activation: activations.tanh,
    hasLogView: true,
    quiz: {answer: activations.tanh.df(0.5), wrong: "0.5"}
  },
  {
    path: "/relu",
    activation: activations.relu,
    hasLogView: true,
    quiz: {answer: 0.4 * activations.relu.df(2.5), wrong: "1"}
  },
  {
    path: "/leaky-relu",
    activation: makeLeakyRelu(0.01),
    hasLogView: true,
    quiz: {answer: activations.leakyRelu.f(-50), wrong: "0"}
  },
  {
    path: "/linear",
    activation: activations.linear,
    hasLogView: false,
    quiz: {
      answer: collapseLinear([
        {weights: [[2]], biases: [1], activation: "linear"},
        {weights: [[3]], biases: [-1], activation: "linear"}
      ]).W[0][0],
      wrong: "5"
    }
  }
];

const FIGURE = "#observablehq-main .function-figure";
/** The Plot chart inside the figure (the legend has small svgs too). */
const CHART = `${FIGURE} svg[class^=plot]`;

const parseTick = (text: string): number => {
  const t = text.trim().replace(/−/g, "-");
  const power = /^10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(t);
  if (power) {
    const digits = [...power[1]].map((c) =>
      "⁻⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c) === 0 ? "-" : String("⁻⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c) - 1)
    );
    return 10 ** Number(digits.join(""));
  }
  return Number(t);
};

/** The chart's axis ticks: value and pixel position, read from Plot's tick labels. */
async function readTicks(page: Page): Promise<{x: [number, number][]; y: [number, number][]}> {
  const raw = await page.locator(CHART).evaluate((svg) => {
    const read = (axis: string) =>
      [...svg.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`)].map((text) => {
        const [, tx, ty] =
          /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(text.getAttribute("transform") ?? "") ?? [];
        return {text: text.textContent ?? "", px: axis === "x" ? Number(tx) : Number(ty)};
      });
    return {x: read("x"), y: read("y")};
  });
  return {
    x: raw.x.map(({text, px}) => [parseTick(text), px]),
    y: raw.y.map(({text, px}) => [parseTick(text), px])
  };
}

/** Maps a value to pixels by the straight line through two ticks (log10 first for a log axis). */
function scaleFromTicks(ticks: [number, number][], log = false): (v: number) => number {
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  const t = log ? (v: number) => Math.log10(v) : (v: number) => v;
  const [[v1, p1], [v2, p2]] = [ticks[0], ticks[ticks.length - 1]];
  return (v) => p1 + ((t(v) - t(v1)) * (p2 - p1)) / (t(v2) - t(v1));
}

interface Marker {
  x: number;
  f: number;
  df: number;
  fDot: {cx: number; cy: number} | null;
  dfDot: {cx: number; cy: number; hidden: boolean};
}

async function readMarker(page: Page): Promise<Marker> {
  return page.locator(`${FIGURE} .chart-marker`).evaluate((g: Element) => {
    const dot = (selector: string) => {
      const c = g.querySelector(selector);
      return c
        ? {
            cx: Number(c.getAttribute("cx")),
            cy: Number(c.getAttribute("cy")),
            hidden: (c as SVGElement).style.display === "none"
          }
        : null;
    };
    const data = (g as SVGGElement).dataset;
    return {
      x: Number(data.x),
      f: Number(data.f),
      df: Number(data.df),
      fDot: dot("circle.chart-f"),
      dfDot: dot("circle.chart-df")!
    };
  });
}

const browser = useBrowser();

describe.each(cases)("page $path", ({path, activation, hasLogView, quiz}) => {
  test("the x slider moves the marked point to lib's f(x) and f′(x), and the prose follows", async () => {
    await withPage(browser(), path, async (page) => {
      const x = slider(page, "x");
      for (const [key, times] of [
        ["ArrowRight", 3],
        ["ArrowLeft", 25]
      ] as const) {
        await press(x, key, times);
        const value = await x.evaluate((input: HTMLInputElement) => input.valueAsNumber);
        const marker = await readMarker(page);
        expect(marker.x).toBe(value);
        // the browser's Math.exp may differ from Node's in the last bit
        expect(marker.f).toBeCloseTo(activation.f(value), 14);
        expect(marker.df).toBeCloseTo(activation.df(value), 14);
        const ticks = await readTicks(page);
        const sx = scaleFromTicks(ticks.x);
        const sy = scaleFromTicks(ticks.y);
        expect(marker.fDot!.cx).toBeCloseTo(sx(value), 0);
        expect(marker.fDot!.cy).toBeCloseTo(sy(activation.f(value)), 0);
        expect(marker.dfDot.cx).toBeCloseTo(sx(value), 0);
        expect(marker.dfDot.cy).toBeCloseTo(sy(activation.df(value)), 0);
        expect(await liveText(page, "x")).toBe(formatNumber(value));
        expect(await liveText(page, "f")).toBe(formatNumber(activation.f(value)));
        expect(await liveText(page, "df")).toBe(formatNumber(activation.df(value)));
      }
    });
  });

  // /linear has no log view (f′ = 1 everywhere); its test asserts the toggle is absent instead.
  test(
    hasLogView
      ? "the log toggle shows |f′| on a log axis, marker still at x"
      : "has no log toggle (f′ is constant)",
    async () => {
      if (!hasLogView) {
        const {page} = await openPage(browser(), inject("baseUrl") + path);
        try {
          expect(await page.getByRole("checkbox", {name: /Log scale/}).count()).toBe(0);
        } finally {
          await page.context().close();
        }
        return;
      }
      await withPage(browser(), path, async (page) => {
        const before = await page.locator(CHART).evaluate((svg) => svg.outerHTML);
        await page.getByRole("checkbox", {name: /Log scale/}).check();
        await waitForCells(page);
        const chart = page.locator(CHART);
        expect(await chart.getAttribute("data-view")).toBe("log");
        expect(await chart.evaluate((svg) => svg.outerHTML)).not.toBe(before);
        expect(await chart.evaluate((svg) => svg.textContent)).toContain("log scale");
        const value = await slider(page, "x").evaluate((input: HTMLInputElement) => input.valueAsNumber);
        const marker = await readMarker(page);
        expect(marker.df).toBeCloseTo(activation.df(value), 14);
        const size = Math.abs(activation.df(value));
        if (size > 0) {
          const ticks = await readTicks(page);
          expect(marker.dfDot.cy).toBeCloseTo(scaleFromTicks(ticks.y, true)(size), 0);
          expect(marker.dfDot.cx).toBeCloseTo(scaleFromTicks(ticks.x)(value), 0);
        }
        // Moving x in the log view moves only the marker
        const curve = await chart.locator("g.chart-df path").getAttribute("d");
        await press(slider(page, "x"), "ArrowRight", 4);
        expect(await chart.locator("g.chart-df path").getAttribute("d")).toBe(curve);
        expect((await readMarker(page)).x).toBe(
          await slider(page, "x").evaluate((input: HTMLInputElement) => input.valueAsNumber)
        );
        await page.getByRole("checkbox", {name: /Log scale/}).uncheck();
        await waitForCells(page);
        expect(await page.locator(CHART).getAttribute("data-view")).toBe("linear");
      });
    }
  );

  test("a typed out-of-range or off-step value is refused with a message, never NaN", async () => {
    await withPage(browser(), path, async (page) => {
      const before = await readMarker(page);
      const box = numberBox(page, "x");
      for (const typed of ["1000", "-1000", "0.123", ""]) {
        await box.fill(typed);
        await waitForCells(page);
        const message = page
          .locator("#observablehq-main form")
          .filter({has: slider(page, "x")})
          .locator(".range-message");
        // names the control and what was wrong with the typed value, then what it accepts
        const reason = typed === "0.123" ? "is not a step of" : "is out of range";
        if (typed !== "")
          await expect
            .poll(() => message.textContent())
            .toMatch(new RegExp(`^x: ${typed} ${reason}.*; type a number from −?\\d+ to \\d+`));
        await box.press("Tab");
        await waitForCells(page);
        expect(await page.locator("#observablehq-main").innerText()).not.toMatch(/NaN/);
        const marker = await readMarker(page);
        expect(marker.x).toBe(before.x);
        expect(Number.isFinite(marker.f)).toBe(true);
        // the kept value is back in the box
        expect(Number(await box.inputValue())).toBe(before.x);
      }
      // a valid typed value is taken
      await box.fill("2");
      await waitForCells(page);
      expect((await readMarker(page)).x).toBe(2);
      expect(await liveText(page, "f")).toBe(formatNumber(activation.f(2)));
      expect(await page.locator("#observablehq-main").innerText()).not.toMatch(/NaN/);
    });
  });

  test("the quiz answers right, wrong and garbage", async () => {
    const {page} = await openPage(browser(), inject("baseUrl") + path);
    try {
      const form = page
        .locator("#observablehq-main form.quiz")
        .filter({has: page.locator("input[type=text]")})
        .first();
      const input = form.locator("input[type=text]");
      const feedback = form.locator(".quiz-feedback");
      for (const [typed, expected] of [
        [String(Number(quiz.answer.toFixed(4))), /^Correct/],
        [quiz.wrong, /^Not quite/],
        ["banana", /^Type a number/]
      ] as const) {
        await input.fill(typed);
        await form.getByRole("button", {name: "Check"}).click();
        await expect.poll(() => feedback.textContent()).toMatch(expected);
      }
    } finally {
      await page.context().close();
    }
  });
});

describe("page /leaky-relu", () => {
  test("the α slider reshapes f′ for x < 0 and the x slider only moves the marker", async () => {
    const {page} = await openPage(browser(), inject("baseUrl") + "/leaky-relu");
    try {
      const chart = page.locator(CHART);
      const dfPath = () => chart.locator("g.chart-df path").getAttribute("d");
      const firstPoint = async () => {
        const [, px, py] = /^M([-\d.]+),([-\d.]+)/.exec((await dfPath()) ?? "") ?? [];
        return {px: Number(px), py: Number(py)};
      };
      const alphaSlider = slider(page, "α (slope for x < 0)");
      const readAlpha = () => alphaSlider.evaluate((input: HTMLInputElement) => input.valueAsNumber);
      expect(await readAlpha()).toBe(activations.leakyRelu.parameter!.value);
      expect(Number(await alphaSlider.getAttribute("min"))).toBe(activations.leakyRelu.parameter!.min);
      expect(Number(await alphaSlider.getAttribute("max"))).toBe(activations.leakyRelu.parameter!.max);

      const before = await dfPath();
      await press(alphaSlider, "ArrowRight", 20);
      const alpha = await readAlpha();
      expect(alpha).toBeCloseTo(0.21, 10);
      expect(await dfPath()).not.toBe(before);
      // the left end of the f′ curve (x = −6) now sits at height α
      const ticks = await readTicks(page);
      const {px, py} = await firstPoint();
      expect(scaleFromTicks(ticks.x)(-6)).toBeCloseTo(px, 0);
      expect(scaleFromTicks(ticks.y)(makeLeakyRelu(alpha).df(-6))).toBeCloseTo(py, 0);
      // the marker (x = −2 by default) reads α too
      const marker = await readMarker(page);
      expect(marker.x).toBeLessThan(0);
      expect(marker.df).toBe(makeLeakyRelu(alpha).df(marker.x));
      expect(marker.f).toBe(makeLeakyRelu(alpha).f(marker.x));
      expect(await liveText(page, "df")).toBe(formatNumber(alpha));

      // x moves the marker, not the curves
      const curves = await dfPath();
      await press(slider(page, "x"), "ArrowRight", 5);
      expect(await dfPath()).toBe(curves);
      expect((await readMarker(page)).df).toBe(makeLeakyRelu(alpha).df((await readMarker(page)).x));

      // α = 0 brings ReLU's dead zone back; a typed α out of bounds is refused
      await press(alphaSlider, "Home", 1);
      expect(await readAlpha()).toBe(0);
      expect(await chart.locator("g.chart-dead").count()).toBeGreaterThan(0);
      await numberBox(page, "α (slope for x < 0)").fill("5");
      await numberBox(page, "α (slope for x < 0)").press("Tab");
      await waitForCells(page);
      expect(await readAlpha()).toBe(0);
      expect(await page.locator("#observablehq-main").innerText()).not.toMatch(/NaN/);
    } finally {
      await page.context().close();
    }
  });

  test("states the range from the record: all reals for α > 0", async () => {
    const {page} = await openPage(browser(), inject("baseUrl") + "/leaky-relu");
    try {
      expect(await liveText(page, "f-at-minus-1000")).toBe(formatNumber(activations.leakyRelu.f(-1000)));
      expect(await page.locator("#observablehq-main").innerText()).toContain("[~0, ∞)");
    } finally {
      await page.context().close();
    }
  });
});

describe("page /relu and /sigmoid facts", () => {
  test("ReLU′(0) shows the record's convention and the dead zone is shaded", async () => {
    const {page} = await openPage(browser(), inject("baseUrl") + "/relu");
    try {
      expect(await liveText(page, "df-at-zero")).toBe(formatNumber(activations.relu.df(0)));
      expect(await page.locator("#observablehq-main").innerText()).toContain(
        activations.relu.derivativeAtZeroConvention!
      );
      expect(await page.locator(`${CHART} g.chart-dead`).count()).toBeGreaterThan(0);
    } finally {
      await page.context().close();
    }
  });

  test.each([
    ["/sigmoid", activations.sigmoid],
    ["/tanh", activations.tanh]
  ] as const)("%s shows the computed maximum slope and a vanishing zone", async (path, activation) => {
    const {page} = await openPage(browser(), inject("baseUrl") + path);
    try {
      expect(await liveText(page, "max-slope")).toBe(formatNumber(activation.df(activation.maxSlope.x!)));
      const edge = Number((await liveText(page, "vanishing-edge")).replace(/−/g, "-"));
      expect(Math.abs(activation.df(edge))).toBeCloseTo(0.01, 3);
      expect(await page.locator(`${CHART} g.chart-zone`).count()).toBeGreaterThan(0);
    } finally {
      await page.context().close();
    }
  });
});

describe("page /linear", () => {
  /** The points of a line in the stack chart, in pixels. */
  async function linePoints(page: Page, className: string): Promise<number[]> {
    const d = (await page.locator(`#observablehq-main svg g.${className} path`).getAttribute("d")) ?? "";
    return (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  }

  test("two stacked linear layers coincide with one layer; ReLU between them bends", async () => {
    await withPage(browser(), "/linear", async (page) => {
      for (const [name, key, times] of [
        ["w₁", "ArrowLeft", 7],
        ["b₂", "ArrowRight", 12],
        ["w₂", "ArrowLeft", 20]
      ] as const) {
        await press(slider(page, name), key, times);
        const read = (n: string) =>
          slider(page, n).evaluate((input: HTMLInputElement) => input.valueAsNumber);
        const [w1, b1, w2, b2] = [await read("w₁"), await read("b₁"), await read("w₂"), await read("b₂")];
        const net = [
          {weights: [[w1]], biases: [b1], activation: "linear" as const},
          {weights: [[w2]], biases: [b2], activation: "linear" as const}
        ];
        const stacked = await linePoints(page, "stack-linear");
        const single = await linePoints(page, "stack-single");
        const relu = await linePoints(page, "stack-relu");
        // both lines are straight (one segment through all 161 points), and the same one
        expect(stacked).toHaveLength(4);
        expect(single).toHaveLength(4);
        single.forEach((v, i) => expect(Math.abs(v - stacked[i])).toBeLessThan(0.01));
        // ReLU between the layers: the same line on one side of the bend, another on the other
        expect(relu.length).toBeGreaterThanOrEqual(6);
        expect(relu).not.toEqual(stacked);
        expect(await liveText(page, "weight")).toBe(formatNumber(w2 * w1));
        expect(await liveText(page, "bias")).toBe(formatNumber(w2 * b1 + b2));
        const x = await slider(page, "x").evaluate((input: HTMLInputElement) => input.valueAsNumber);
        expect(await liveText(page, "stacked-output")).toBe(formatNumber(forward(net, [x]).a[1][0]));
        expect(await liveText(page, "single-output")).toBe(formatNumber(w2 * w1 * x + (w2 * b1 + b2)));
        if (w1 !== 0) expect(await liveText(page, "kink")).toBe(formatNumber(-b1 / w1));
      }
      expect(await page.locator("#observablehq-main .katex").filter({hasText: "w2"}).count()).toBeGreaterThan(
        0
      );
    });
  });
});
