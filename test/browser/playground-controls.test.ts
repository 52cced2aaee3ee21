// The playground's controls beyond the first ones: input features, units per layer,
// regularisation, loss, initialisation, residual connections, the regression datasets and the
// reader's own points, each kept in the address.
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import type {Page} from "playwright-core";
import {describe, expect, inject, test} from "vitest";
import {featureInputs} from "../../lib/features.js";
import {createMlp, meanLoss, trainEpoch} from "../../lib/mlp.js";
import {initialisationFor} from "../../lib/initialisation.js";
import {defaultState, parseState, playgroundData} from "../../lib/playground.js";
import {useBrowser} from "./chromium.js";
import {expectNoProblem, openPage, scrollNear, waitForCells} from "./page.js";

const browser = useBrowser();

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations on the page (every rule, and WCAG 2.2's target size), one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({content: axeSource});
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, {
      resultTypes: ["violations"],
      rules: {"target-size": {enabled: true}}
    });
    return result.violations.map(
      (v: {id: string; nodes: {target: string[]}[]}) =>
        `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
    );
  });
}

async function open(query = "", options: Parameters<typeof openPage>[2] = {}) {
  return openPage(browser(), `${inject("baseUrl")}/playground${query}`, options);
}

function formWith(page: Page, label: string) {
  return page.locator("#observablehq-main form").filter({has: page.locator("label", {hasText: label})});
}

async function panel(page: Page) {
  return page.locator(".pg-panel").evaluate((el: HTMLElement) => ({
    epoch: Number(el.dataset.epoch),
    inputs: Number(el.dataset.inputs),
    trainLoss: Number(el.dataset.trainLoss),
    testLoss: Number(el.dataset.testLoss)
  }));
}

/** Waits (briefly) until the address satisfies `check`, then returns its parameters. */
async function addressWhen(page: Page, check: (params: URLSearchParams) => boolean) {
  await page
    .waitForFunction(
      (source) => new Function("params", `return (${source})(params)`)(new URLSearchParams(location.search)),
      check.toString(),
      {timeout: 5000}
    )
    .catch(() => {});
  return new URL(page.url()).searchParams;
}

/** Chooses the Dataset menu's entry `label` in the group `group`. */
async function chooseDataset(page: Page, group: string, label: string) {
  const select = formWith(page, "Dataset").locator("select");
  const value = await select.evaluate(
    (el: HTMLSelectElement, [g, l]) =>
      [...el.querySelectorAll(`optgroup[label="${g}"] option`)]
        .find((o) => o.textContent === l)!
        .getAttribute("value")!,
    [group, label]
  );
  await select.selectOption(value);
  await waitForCells(page);
}

/** Clicks the data chart at the point (x₁, x₂) of its plane. */
async function clickMap(page: Page, x1: number, x2: number, {alt = false} = {}) {
  await page.locator("canvas.pg-heatmap").scrollIntoViewIfNeeded();
  const at = await page.locator("svg.pg-data-chart").evaluate(
    (svg: SVGSVGElement, [a, b]) => {
      // the frame: x from −1.6 to 1.6 left to right, x₂ bottom to top (the map's canvas holder)
      const holder = svg.querySelector("canvas.pg-heatmap")!.closest("svg")!.getBoundingClientRect();
      return {
        x: holder.left + ((a + 1.6) / 3.2) * holder.width,
        y: holder.top + ((1.6 - b) / 3.2) * holder.height
      };
    },
    [x1, x2]
  );
  if (alt) await page.keyboard.down("Alt");
  await page.mouse.click(at.x, at.y);
  if (alt) await page.keyboard.up("Alt");
  await waitForCells(page);
}

describe("playground controls", () => {
  test("ticking a feature changes the network's input size, its address and the sentence about it", async () => {
    const {page} = await open();
    try {
      expect((await panel(page)).inputs).toBe(2);
      await page.getByRole("checkbox", {name: "x₁²"}).check();
      await waitForCells(page);
      await expect.poll(async () => (await panel(page)).inputs).toBe(3);
      const params = await addressWhen(page, (p) => p.get("features") === "x1,x2,x1Squared");
      expect(params.get("features")).toBe("x1,x2,x1Squared");
      await expect(page.locator('[data-live="sizes"]').textContent()).resolves.toBe("3 → 4 → 4 → 1");
      await expect(page.locator('[data-live="inputs"]').textContent()).resolves.toBe(
        "3 inputs, x₁, x₂ and x₁²"
      );
      // the same network built by lib on the same features has the page's loss
      const {train} = playgroundData(defaultState);
      const ids = ["x1", "x2", "x1Squared"] as const;
      const mlp = createMlp({
        sizes: [3, 4, 4, 1],
        activation: "tanh",
        seed: 1,
        init: initialisationFor("tanh").id
      });
      expect((await panel(page)).trainLoss).toBeCloseTo(
        meanLoss(mlp, featureInputs(train.inputs, ids), train.targets),
        12
      );
      // the last ticked feature cannot be unticked
      await page.getByRole("checkbox", {name: "x₁²"}).uncheck();
      await page.getByRole("checkbox", {name: "x₂", exact: true}).uncheck();
      await waitForCells(page);
      await page.getByRole("checkbox", {name: "x₁", exact: true}).click();
      await waitForCells(page);
      await expect(page.getByRole("checkbox", {name: "x₁", exact: true}).isChecked()).resolves.toBe(true);
      await expect(page.locator(".pg-checks .range-message").textContent()).resolves.toContain(
        "at least one"
      );
      expect((await panel(page)).inputs).toBe(1);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("a unit added to one layer changes that layer alone, and the state survives a reload", async () => {
    const {page} = await open();
    try {
      await page.getByRole("button", {name: "Add a unit to layer 2"}).click();
      await page.getByRole("button", {name: "Add a unit to layer 2"}).click();
      await formWith(page, "Regularisation").locator("select").selectOption({label: "L2"});
      const rate = formWith(page, "Regularisation rate").locator("input[type=range]");
      await rate.focus();
      await rate.press("ArrowRight");
      await rate.press("ArrowRight");
      await formWith(page, "Loss").locator("select").selectOption({label: "Cross-entropy (sigmoid output)"});
      await formWith(page, "Initialisation").locator("select").selectOption({label: "He (Kaiming)"});
      await page.getByRole("checkbox", {name: "Residual connections"}).check();
      await page.getByRole("checkbox", {name: "Show test data"}).click();
      await page.getByRole("checkbox", {name: "Discretise output"}).click();
      await waitForCells(page);
      await expect(page.locator('[data-live="sizes"]').textContent()).resolves.toBe("2 → 4 → 6 → 1");
      // the penalty and its rate apply to the running network: the loss chart names them
      await scrollNear(page, ".pg-loss", ".pg-loss .pg-loss-train");
      await expect(page.locator(".pg-loss h3").textContent()).resolves.toContain("L2 0.003");
      const params = await addressWhen(page, (p) => p.get("units") === "4,6" && p.has("discretise"));
      expect(params.get("units")).toBe("4,6");
      const before = page.url();
      const parsed = parseState(new URL(before).search);
      expect(parsed.notes).toEqual([]);
      expect(parsed.state).toMatchObject({
        units: [4, 6],
        reg: "L2",
        regRate: 0.003,
        loss: "crossEntropy",
        init: "he",
        residual: true,
        showTest: !defaultState.showTest,
        discretise: !defaultState.discretise
      });
      await page.reload();
      await waitForCells(page);
      expect(await page.locator(".pg-notes").count()).toBe(0);
      await expect(page.locator(".pg-layers-input").getAttribute("data-units")).resolves.toBe("4,6");
      await expect(
        formWith(page, "Regularisation")
          .locator("select")
          .evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent)
      ).resolves.toBe("L2");
      await expect(formWith(page, "Regularisation rate").locator("output").textContent()).resolves.toBe(
        "0.003"
      );
      await expect(page.getByRole("checkbox", {name: "Residual connections"}).isChecked()).resolves.toBe(
        true
      );
      await expect(page.locator("svg.pg-data-chart").getAttribute("data-discretise")).resolves.toBe(
        String(!defaultState.discretise)
      );
      await expect(page.locator("svg.pg-data-chart").getAttribute("data-show-test")).resolves.toBe(
        String(!defaultState.showTest)
      );
      // the page wrote the same address again
      await page.waitForTimeout(400);
      expect(new URL(page.url()).search).toBe(new URL(before).search);
      // cross-entropy: the loss chart names it; the training loss is lib's for that network
      const {train} = playgroundData(defaultState);
      const mlp = createMlp({
        sizes: [2, 4, 6, 1],
        activation: "tanh",
        seed: 1,
        init: "he",
        residual: true,
        loss: "binaryCrossEntropy",
        outputActivation: "sigmoid"
      });
      const targets = train.targets.map((t) => (t > 0 ? 1 : 0));
      expect((await panel(page)).trainLoss).toBeCloseTo(meanLoss(mlp, train.inputs, targets), 12);
      await scrollNear(page, ".pg-loss", ".pg-loss .pg-loss-train");
      await expect(page.locator(".pg-loss").textContent()).resolves.toContain("−t ln y − (1 − t) ln(1 − y)");
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("a regression dataset trains on the squared error and shows its loss, with no accuracy", async () => {
    const {page} = await open();
    try {
      await chooseDataset(page, "Regression", "Plane");
      const params = await addressWhen(page, (p) => p.get("problem") === "regression");
      expect(params.get("problem")).toBe("regression");
      await expect(page.locator(".pg-accuracy").textContent()).resolves.toContain("none");
      await expect(page.locator(".pg-data-legend").getAttribute("data-problem")).resolves.toBe("regression");
      await page.getByRole("button", {name: "Step one epoch"}).click();
      await page.waitForFunction(
        () => (document.querySelector(".pg-panel") as HTMLElement).dataset.epoch === "1"
      );
      const {trainLoss} = await panel(page);
      const state = parseState(new URL(page.url()).search).state;
      const {train} = playgroundData(state);
      const mlp = createMlp({
        sizes: [2, 4, 4, 1],
        activation: "tanh",
        seed: state.seed,
        init: initialisationFor("tanh").id
      });
      trainEpoch(mlp, train.inputs, train.targets, {learningRate: state.lr, batchSize: state.batch});
      expect(trainLoss).toBeCloseTo(meanLoss(mlp, train.inputs, train.targets), 12);
      await expect(page.locator(".pg-train-loss").textContent()).resolves.not.toBe("");
      // the points are coloured by their value, not drawn as classes
      expect(
        await page
          .locator("path.pg-points-value.pg-points-train")
          .evaluateAll((paths) =>
            paths.reduce((n, p) => n + (p.getAttribute("d")!.match(/M/g)?.length ?? 0), 0)
          )
      ).toBe(train.targets.length);
      await expect(page.locator("path.pg-points-train.pg-points-positive").getAttribute("d")).resolves.toBe(
        ""
      );
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("your own points: a click on the map adds one, Alt-click or a drag erases, typed and CSV points load with messages", async () => {
    const {page} = await open("", {width: 1200});
    try {
      await chooseDataset(page, "Classification", "Your own points");
      const status = page.locator(".pg-points-status");
      await expect(status.textContent()).resolves.toContain("0 points");
      await expect(page.locator(".pg-state").textContent()).resolves.toContain("No training points");
      await clickMap(page, 0.5, 0.5);
      await expect(status.textContent()).resolves.toContain("1 point (1 of class +1");
      await page.getByRole("radio", {name: "class −1"}).check();
      await clickMap(page, -0.5, -0.5);
      await expect(status.textContent()).resolves.toContain("2 points (1 of class +1, 1 of class −1)");
      let params = await addressWhen(page, (p) => (p.get("points") ?? "").split("_").length === 2);
      const points = parseState(new URL(page.url()).search).state.points!;
      expect(points).toHaveLength(2);
      expect(points[0].label).toBe(1);
      expect(Math.abs(points[0].x1 - 0.5)).toBeLessThan(0.03);
      expect(Math.abs(points[0].x2 - 0.5)).toBeLessThan(0.03);
      expect(points[1].label).toBe(-1);
      // two points: one to train on, one to test; training runs
      await page.getByRole("button", {name: "Step one epoch"}).click();
      await page.waitForFunction(
        () => (document.querySelector(".pg-panel") as HTMLElement).dataset.epoch === "1"
      );
      // Alt-click erases the point under the pointer
      await clickMap(page, -0.5, -0.5, {alt: true});
      await expect(status.textContent()).resolves.toContain("1 point");
      // typed by keyboard
      const typed = page.locator(".pg-points-typed");
      await typed.getByLabel("x₁").fill("0.25");
      await typed.getByLabel("x₂").fill("-1");
      await typed.getByLabel("x₂").press("Enter");
      await expect(status.textContent()).resolves.toContain("2 points");
      await typed.getByLabel("x₁").fill("9");
      await typed.getByRole("button", {name: "Add point"}).click();
      await expect(status.textContent()).resolves.toContain("Not added");
      // pasted CSV: good lines load, a bad one gets a message naming its line
      await page.locator(".pg-points-csv summary").click();
      await page.locator(".pg-points-csv textarea").fill("x1,x2,label\n0.1,0.2,1\n0.3,oops,1\n-0.4,0.5,-1\n");
      await page.getByRole("button", {name: "Load CSV", exact: true}).click();
      await waitForCells(page);
      await expect(status.textContent()).resolves.toContain("Loaded 2 points");
      await expect(page.locator(".pg-points-messages").textContent()).resolves.toContain("line 3");
      params = await addressWhen(page, (p) => p.get("points") === ".1,.2,1_-.4,.5,-1");
      expect(params.get("points")).toBe(".1,.2,1_-.4,.5,-1");
      // what the chart shows: the two points, one in each set
      const shown = await page
        .locator("svg.pg-data-chart path.pg-points-train, svg.pg-data-chart path.pg-points-test")
        .evaluateAll((paths) =>
          paths.reduce((n, p) => n + (p.getAttribute("d")?.match(/M/g)?.length ?? 0), 0)
        );
      expect(shown).toBe(2);
      // a drag across the map erases the points it passes over
      await page.locator("canvas.pg-heatmap").scrollIntoViewIfNeeded();
      const frame = (await page.locator("canvas.pg-heatmap").evaluate((c) => {
        const r = c.closest("svg")!.getBoundingClientRect();
        return {left: r.left, top: r.top, width: r.width, height: r.height};
      }))!;
      const toPixel = (x1: number, x2: number) => [
        frame.left + ((x1 + 1.6) / 3.2) * frame.width,
        frame.top + ((1.6 - x2) / 3.2) * frame.height
      ];
      await page.mouse.move(...(toPixel(-0.7, 0.5) as [number, number]));
      await page.mouse.down();
      for (let k = 1; k <= 10; k++)
        await page.mouse.move(...(toPixel(-0.7 + 0.06 * k, 0.5) as [number, number]));
      await page.mouse.up();
      await waitForCells(page);
      await expect(status.textContent()).resolves.toContain("1 point (1 of class +1, 0 of class −1)");
      // Clear empties them
      await page.getByRole("button", {name: "Clear"}).click();
      await waitForCells(page);
      await expect(status.textContent()).resolves.toContain("0 points");
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("too many points for the address: the page says so, and the address leaves them out", async () => {
    const {page} = await open();
    try {
      await chooseDataset(page, "Classification", "Your own points");
      const csv = Array.from(
        {length: 200},
        (_, k) =>
          `${((k % 20) / 10 - 1).toFixed(2)},${(Math.floor(k / 20) / 10 - 0.5).toFixed(2)},${k % 2 ? 1 : -1}`
      ).join("\n");
      await page.locator(".pg-points-csv summary").click();
      await page.locator(".pg-points-csv textarea").fill(csv);
      await page.getByRole("button", {name: "Load CSV", exact: true}).click();
      await waitForCells(page);
      await expect(page.locator(".pg-points-status").textContent()).resolves.toContain(
        "200 points are too many to share in the address"
      );
      await page.waitForTimeout(400);
      expect(new URL(page.url()).searchParams.has("points")).toBe(false);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test.each(["light", "dark"] as const)(
    "the points editor and a regression key pass axe-core (%s), and fit a 390 px phone",
    async (colorScheme) => {
      const {page} = await open("?problem=regression&points=.5,.5,.8_-.5,-.25,-.3&showTest=on", {
        colorScheme
      });
      try {
        await page.locator(".pg-points").waitFor({state: "visible"});
        await expect(page.locator(".pg-data-legend").getAttribute("data-problem")).resolves.toBe(
          "regression"
        );
        await page.locator(".pg-points-csv summary").click();
        expect(await axeViolations(page)).toEqual([]);
        await page.setViewportSize({width: 390, height: 844});
        await waitForCells(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await expectNoProblem(page);
      } finally {
        await page.context().close();
      }
    }
  );

  test("bad parameters in the address get a note each, and the page uses the defaults", async () => {
    const {page} = await open("?features=x1,nope&units=4,99&reg=L3&loss=hinge&init=magic");
    try {
      const notes = page.locator(".pg-notes");
      await notes.waitFor({state: "visible"});
      const text = (await notes.textContent()) ?? "";
      for (const key of ["features=", "units=", "reg=", "loss=", "init="]) expect(text).toContain(key);
      const expected = parseState("?features=x1,nope&units=4,99&reg=L3&loss=hinge&init=magic");
      for (const note of expected.notes) expect(text).toContain(note);
      await expect.poll(async () => (await panel(page)).inputs).toBe(expected.state.features.length);
      await expect(page.locator(".pg-layers-input").getAttribute("data-units")).resolves.toBe(
        expected.state.units.join(",")
      );
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });
});
