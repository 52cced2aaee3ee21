// @vitest-environment jsdom
// The playground's network diagram: its layout and keyboard moves (networkLayout.js), the
// weight editor's parsing (weightEditor.js), the diagram's SVG (snapshot; updated in place
// as drawn afresh), editing a weight by mouse and keyboard, the focused unit's chart, and the
// dead units it marks. jsdom draws no canvas: a small 2D context (./canvas.ts) keeps each map's pixels
// and where the diagram's one canvas of maps drew each.
import {beforeAll, describe, expect, test} from "vitest";
import {getActivation} from "../../lib/activations.js";
import {heatColor, heatGrid} from "../../lib/heatmap.js";
import {createMlp, deadUnits, trainEpoch} from "../../lib/mlp.js";
import {unitValues} from "../../lib/mlpUnits.js";
import {networkSizes, playgroundData} from "../../lib/playground.js";
import {
  diagramLayout,
  linkTitle,
  linkWidth,
  moveFocus,
  nodeName
} from "../../src/components/networkLayout.js";
import {DEAD_MAP_OPACITY, MAP_SIDE} from "../../src/components/networkMaps.js";
import {MAX_WEIGHT, parseWeight} from "../../src/components/weightEditor.js";
import {installCanvas, painted} from "./canvas.js";
import {expectSameDrawing, expectSnapshot, type Loose} from "./snapshot.js";

let networkDiagram: Loose<typeof import("../../src/components/networkDiagram.js")>["networkDiagram"];
let createTrainer: Loose<typeof import("../../src/components/playgroundTrainer.js")>["createTrainer"];
beforeAll(async () => {
  installCanvas();
  const colors = {"--pg-negative": "#c45200", "--pg-positive": "#0072b2", "--theme-background": "#ffffff"};
  for (const [name, value] of Object.entries(colors)) document.documentElement.style.setProperty(name, value);
  ({networkDiagram} = await import("../../src/components/networkDiagram.js"));
  ({createTrainer} = await import("../../src/components/playgroundTrainer.js"));
});

const data = playgroundData({dataset: "circle", noise: 0.1, split: 0.5, seed: 1});
const trainerFor = (activation = "tanh", layers = 2, units = 3) =>
  createTrainer({
    ...data,
    hidden: Array.from({length: layers}, () => units),
    activation: getActivation(activation),
    seed: 1,
    learningRate: 0.03,
    batchSize: 10
  });

describe("networkLayout", () => {
  test("columns share the width, nodes centred on the tallest column; narrow widths scroll", () => {
    const layout = diagramLayout([2, 4, 1], 600);
    expect(layout.columns.map((c: {ys: number[]}) => c.ys.length)).toEqual([2, 4, 1]);
    expect(layout.width).toBeLessThanOrEqual(600);
    const middle = (ys: number[]) => (ys[0] + ys[ys.length - 1]) / 2;
    expect(middle(layout.columns[0].ys)).toBe(middle(layout.columns[1].ys));
    expect(middle(layout.columns[2].ys)).toBe(middle(layout.columns[1].ys));
    expect(layout.columns.map((c: {title: string}) => c.title)).toEqual(["inputs", "layer 1", "output"]);
    expect(diagramLayout(networkSizes(6, 8), 390).width).toBeGreaterThan(390);
  });
  test("a link is thicker for a larger |w|, the same for ±w, thin for a non-number", () => {
    expect(linkWidth(0)).toBe(0.5);
    expect(linkWidth(-1)).toBe(linkWidth(1));
    expect(linkWidth(0.5)).toBeLessThan(linkWidth(1));
    expect(linkWidth(2)).toBe(5);
    expect(linkWidth(1e9)).toBe(5);
    expect(linkWidth(NaN)).toBe(0.5);
    expect(linkWidth(-Infinity)).toBe(0.5);
  });
  test("names say which input or unit", () => {
    const sizes = [2, 3, 1];
    expect(nodeName(sizes, ["x₁", "x₂"], 0, 1)).toBe("input x₂");
    expect(nodeName(sizes, [], 0, 0)).toBe("input x₁");
    expect(nodeName(sizes, [], 1, 2)).toBe("unit 3 of layer 1");
    expect(nodeName(sizes, [], 2, 0)).toBe("the output");
    expect(linkTitle(sizes, ["x₁", "x₁²"], 0, 0, 1)).toBe("weight from x₁² to unit 1 of layer 1");
    expect(linkTitle(sizes, [], 1, 0, 2)).toBe("weight from unit 3 of layer 1 to the output");
  });
  test("the arrows move within a column and along the links", () => {
    // two inputs, two units: links into the units in weight order (to 0 from 0, to 0 from 1, ...)
    const node = (c: number, k: number) => ({dataset: {column: String(c), node: String(k)}});
    const link = (j: number, i: number) => ({dataset: {layer: "0", to: String(j), from: String(i)}});
    const inputs = [node(0, 0), node(0, 1)];
    const links = [link(0, 0), link(0, 1), link(1, 0), link(1, 1)];
    const units = [node(1, 0), node(1, 1)];
    const groups = [inputs, links, units];
    expect(moveFocus(groups, inputs[0], "ArrowDown")).toBe(inputs[1]);
    expect(moveFocus(groups, inputs[1], "ArrowDown")).toBe(inputs[1]);
    expect(moveFocus(groups, inputs[1], "ArrowRight")).toBe(links[1]); // x₂ → unit 1
    expect(moveFocus(groups, links[3], "ArrowRight")).toBe(units[1]); // reaches unit 2
    expect(moveFocus(groups, links[2], "ArrowLeft")).toBe(inputs[0]); // leaves x₁
    expect(moveFocus(groups, units[1], "ArrowLeft")).toBe(links[2]); // first link into unit 2
    expect(moveFocus(groups, units[1], "ArrowRight")).toBe(units[1]);
    expect(moveFocus(groups, links[2], "Home")).toBe(links[0]);
    expect(moveFocus(groups, links[0], "End")).toBe(links[3]);
    expect(moveFocus(groups, links[0], "a")).toBeNull();
    expect(moveFocus(groups, node(5, 5), "ArrowUp")).toBeNull();
  });
});

describe("parseWeight", () => {
  test("reads plain numbers, a true minus sign and spaces; −0 as 0", () => {
    expect(parseWeight("0.42")).toEqual({value: 0.42});
    expect(parseWeight(" −1.5 ")).toEqual({value: -1.5});
    expect(parseWeight("-2e-3")).toEqual({value: -0.002});
    expect(parseWeight("+.5")).toEqual({value: 0.5});
    expect(Object.is(parseWeight("-0").value, 0)).toBe(true);
    expect(parseWeight(String(MAX_WEIGHT))).toEqual({value: MAX_WEIGHT});
  });
  test("anything else gets a message saying what is wrong", () => {
    expect(parseWeight("").error).toMatch(/Type a number/);
    expect(parseWeight("abc").error).toMatch(/“abc” is not a number/);
    expect(parseWeight("1,5").error).toMatch(/not a number/);
    expect(parseWeight("0x10").error).toMatch(/not a number/);
    expect(parseWeight("Infinity").error).toMatch(/not a number/);
    expect(parseWeight("1e400").error).toMatch(/too large/);
    expect(parseWeight("-101").error).toMatch(/between −100 and 100/);
  });
});

describe("networkDiagram", () => {
  const svgOf = (figure: Element) => figure.querySelector("svg.nd-svg")!;
  /** The pixels of the diagram's one canvas of maps (RGBA). */
  const maps = (figure: Element): number[] => [...painted.get(figure.querySelector(".nd-maps canvas")!)!];
  /** The map of node k of column c: its MAP_SIDE² pixels (RGBA) at its place (its group's translate), 2 px a cell. */
  const mapAt = (figure: Element, c: number, k: number): number[] => {
    const canvas = figure.querySelector(".nd-maps canvas") as HTMLCanvasElement;
    const node = figure.querySelector(`.nd-node[data-column="${c}"][data-node="${k}"]`)!;
    const [x, y] = /translate\(([^,]+),([^)]+)\)/.exec(node.getAttribute("transform")!)!.slice(1).map(Number);
    expect([x % 2, y % 2]).toEqual([0, 0]); // on a cell of the canvas
    const all = painted.get(canvas)!;
    const out: number[] = [];
    for (let row = 0; row < MAP_SIDE; row++) {
      const at = 4 * ((y / 2 + row) * canvas.width + x / 2);
      out.push(...all.slice(at, at + 4 * MAP_SIDE));
    }
    return out;
  };
  const alphas = (pixels: number[]) => new Set(pixels.filter((_, i) => i % 4 === 3));
  const linkAt = (figure: Element, l: number, j: number, i: number) =>
    figure.querySelector(`.nd-link[data-layer="${l}"][data-to="${j}"][data-from="${i}"]`) as SVGGElement;

  test("snapshot: 2-3-3-1 tanh after 20 epochs", () => {
    const trainer = trainerFor();
    for (let e = 0; e < 20; e++) trainer.step();
    const figure = networkDiagram({width: 640, onEdit: () => {}}).show(trainer);
    expectSnapshot("networkDiagram", svgOf(figure));
    expect(figure.querySelectorAll(".nd-link").length).toBe(2 * 3 + 3 * 3 + 3);
    expect(figure.querySelectorAll(".nd-node").length).toBe(2 + 3 + 3 + 1);
    expect(figure.querySelectorAll("[tabindex='0']").length).toBe(1);
  });

  test("updated in place as training goes on, it draws as the diagram drawn afresh, maps included", () => {
    const trainer = trainerFor();
    const figure = networkDiagram({width: 640, onEdit: () => {}}).show(trainer);
    const svg = svgOf(figure);
    for (let e = 0; e < 30; e++) trainer.step();
    figure.update({live: false});
    expect(svgOf(figure)).toBe(svg);
    const fresh = networkDiagram({width: 640, onEdit: () => {}}).show(trainer);
    expectSameDrawing(svgOf(figure), svgOf(fresh));
    expect(maps(figure)).toEqual(maps(fresh));
    expect(figure.querySelectorAll("canvas").length).toBe(2); // the maps' one canvas and the focused unit's
    // every node's map painted (opaque) at its place; nothing else on the canvas
    let opaque = 0;
    for (let c = 0; c < 4; c++)
      for (let k = 0; k < (c === 0 ? 2 : c === 3 ? 1 : 3); k++) {
        expect(alphas(mapAt(figure, c, k))).toEqual(new Set([255]));
        opaque += MAP_SIDE ** 2;
      }
    expect(maps(figure).filter((v, i) => i % 4 === 3 && v > 0).length).toBe(opaque);
  });

  test("a link's weight shows on focus; Enter opens the editor; bad input changes nothing; a number sets it", () => {
    const trainer = trainerFor();
    const edits: number[][] = [];
    const figure = networkDiagram({
      width: 640,
      onEdit: (l: number, j: number, i: number, value: number) => {
        edits.push([l, j, i, value]);
        trainer.setWeight(l, j, i, value);
      }
    }).show(trainer);
    document.body.replaceChildren(figure);
    const link = linkAt(figure, 1, 2, 0);
    const w = trainer.mlp.weights[1][2 * 3 + 0];
    link.focus();
    expect(link.getAttribute("aria-label")).toMatch(/^weight from unit 1 of layer 1 to unit 3 of layer 2: /);
    expect(figure.querySelector(".nd-tip")!.getAttribute("visibility")).toBe("visible");
    link.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
    const form = figure.querySelector("form.nd-editor") as HTMLFormElement;
    const input = form.querySelector("input")!;
    expect(form.hidden).toBe(false);
    expect(document.activeElement).toBe(input);
    input.value = "big";
    form.requestSubmit();
    expect(form.hidden).toBe(false);
    expect(form.querySelector(".nd-editor-message")!.textContent).toMatch(/not a number/);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(edits).toEqual([]);
    expect(trainer.mlp.weights[1][6]).toBe(w);
    input.value = "−0.75";
    const loss = trainer.trainLoss;
    form.requestSubmit();
    expect(edits).toEqual([[1, 2, 0, -0.75]]);
    expect(form.hidden).toBe(true);
    expect(trainer.mlp.weights[1][6]).toBe(-0.75);
    expect(trainer.trainLoss).not.toBe(loss);
    figure.update();
    expect(link.getAttribute("aria-label")).toBe("weight from unit 1 of layer 1 to unit 3 of layer 2: −0.75");
    expect(document.activeElement).toBe(link);
  });

  test("Escape cancels an edit opened by a click", () => {
    const trainer = trainerFor();
    const edits: unknown[] = [];
    const figure = networkDiagram({width: 640, onEdit: (...args: unknown[]) => edits.push(args)}).show(
      trainer
    );
    document.body.replaceChildren(figure);
    const link = linkAt(figure, 0, 0, 1);
    link.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    const input = figure.querySelector("form.nd-editor input") as HTMLInputElement;
    input.value = "3";
    input.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape", bubbles: true}));
    expect((figure.querySelector("form.nd-editor") as HTMLFormElement).hidden).toBe(true);
    expect(edits).toEqual([]);
  });

  test("focusing a unit shows it large, with its z chart over f′ and its shares", () => {
    const trainer = trainerFor();
    const figure = networkDiagram({width: 640, onEdit: () => {}}).show(trainer);
    document.body.replaceChildren(figure);
    const big = figure.querySelector(".nd-big") as HTMLElement;
    expect(big.dataset.unit).toBe("Output");
    const unit = figure.querySelector('.nd-node[data-column="2"][data-node="1"]') as SVGGElement;
    unit.focus();
    expect(big.dataset.unit).toBe("Unit 2 of layer 2");
    expect(big.querySelector(".nd-big-chart svg")).not.toBeNull();
    expect(big.querySelector(".nd-big-chart .nd-hist")!.getAttribute("d")).toMatch(/^M/);
    expect(big.querySelector(".nd-big-summary")!.textContent).toMatch(
      /Over the \d+ training examples: f′\(z\) = 0 \(dead\) on/
    );
    const input = figure.querySelector('.nd-node[data-column="0"][data-node="0"]') as SVGGElement;
    input.focus();
    expect(big.dataset.unit).toBe("Input x₁");
    expect((big.querySelector(".nd-big-chart") as HTMLElement).hidden).toBe(true);
  });

  test("dead units are marked, the same ones lib's deadUnits counts", () => {
    const trainer = trainerFor("relu", 2, 4);
    const {mlp} = trainer;
    mlp.biases[0][1] = -50; // unit 2 of layer 1: z < 0 for every input
    mlp.biases[1][3] = -50; // unit 4 of layer 2
    const figure = networkDiagram({width: 640, onEdit: () => {}}).show(trainer);
    const marked = [...figure.querySelectorAll(".nd-node.nd-dead")].map((g) => g.getAttribute("aria-label"));
    const counts = deadUnits(mlp, data.train.inputs).slice(0, -1);
    expect(marked.length).toBe(counts[0] + counts[1]);
    expect(marked).toContain("unit 2 of layer 1: dead, f′(z) = 0 on every training example");
    expect(marked).toContain("unit 4 of layer 2: dead, f′(z) = 0 on every training example");
    // their maps faded, the others' not
    const faded = Math.round(255 * DEAD_MAP_OPACITY);
    expect(alphas(mapAt(figure, 1, 1))).toEqual(new Set([faded]));
    expect(alphas(mapAt(figure, 2, 3))).toEqual(new Set([faded]));
    expect(alphas(mapAt(figure, 1, 0))).toEqual(new Set([255]));
    expect(maps(figure).filter((v, i) => i % 4 === 3 && v === faded).length).toBe(marked.length * MAP_SIDE ** 2);
  });

  test("a network of features draws its inputs' maps from the trainer's inputsOf, and bad ones get a note", () => {
    const trainer = trainerFor();
    // as a trainer feeding the network x₁² and x₁x₂ (lib/features.ts on the controls' side)
    const squares = (points: Float64Array) =>
      Float64Array.from(points, (_, k) => (k % 2 === 0 ? points[k] ** 2 : points[k - 1] * points[k]));
    const featured = {...trainer, inputsOf: squares, trainSet: {inputs: squares(data.train.inputs)}};
    const figure = networkDiagram({width: 640, onEdit: () => {}});
    figure.show(featured, {inputLabels: ["x₁²", "x₁x₂"]});
    expect(figure.querySelector(".nd-note")!.textContent).toBe("");
    expect(figure.querySelector('.nd-node[data-column="0"][data-node="0"]')!.getAttribute("aria-label")).toBe(
      "input x₁²"
    );
    const x1Squared = mapAt(figure, 0, 0);
    const plain = networkDiagram({width: 640, onEdit: () => {}}).show(trainer);
    expect(x1Squared).not.toEqual(mapAt(plain, 0, 0));
    const broken = {...trainer, inputsOf: () => new Float64Array(3)};
    expect(() => figure.show(broken)).not.toThrow();
    expect(figure.querySelector(".nd-note")!.textContent).toMatch(
      /^The network cannot be drawn: inputs has 3 numbers/
    );
  });

  test("a sigmoid output's map is read against ½, as the data chart reads it", () => {
    const trainer = trainerFor();
    const outputCanvas = (figure: Element) => mapAt(figure, 3, 0);
    const figure = networkDiagram({width: 640, onEdit: () => {}}).show({...trainer, sigmoidOutput: true});
    const grid = heatGrid([-1.6, 1.6], 20);
    const y = unitValues(trainer.mlp, grid.inputs).a.at(-1)!;
    const colors = {low: [196, 82, 0], mid: [255, 255, 255], high: [0, 114, 178]} as const;
    // the image's top-left pixel is the grid's last row, first cell
    expect([...outputCanvas(figure).slice(0, 3)]).toEqual(heatColor((y[19 * 20] - 0.5) * 2, colors, 0.65));
    const plain = networkDiagram({width: 640, onEdit: () => {}}).show(trainer);
    expect([...outputCanvas(plain).slice(0, 3)]).toEqual(heatColor(y[19 * 20], colors, 0.65));
  });

  test("given the data chart's pass, it paints from every unit at the preview cells, recorded by the data chart's pass, run once per change of the network", async () => {
    const {gridPass, PREVIEW_BLOCK} = await import("../../src/components/playgroundPass.js");
    const trainer = trainerFor();
    const alone = maps(networkDiagram({width: 640, onEdit: () => {}}).show(trainer));
    for (const block of [1, PREVIEW_BLOCK]) {
      const pass = gridPass();
      const figure = networkDiagram({width: 640, onEdit: () => {}, pass});
      const chart = pass.over(trainer, block); // as the data chart draws first
      expect(chart.values === null).toBe(block === 1); // the full grid: its outputs alone
      // the full grid's pass recorded every unit at the preview cells; the preview's, at its own
      const recorded = pass.over(trainer, PREVIEW_BLOCK);
      figure.show(trainer);
      const units = pass.over(trainer, PREVIEW_BLOCK);
      expect(units.values).not.toBeNull();
      expect(units).toBe(recorded); // the diagram reads it, it does not run another
      if (block === PREVIEW_BLOCK) expect(units).toBe(chart); // the data chart's preview, shared
      expect(maps(figure)).toEqual(alone);
      figure.update({live: true});
      expect(pass.over(trainer, PREVIEW_BLOCK)).toBe(units); // read, not run again
      expect(pass.over(trainer, 1).values).toBeNull(); // and the full grid left to predict
    }
  });

  test("a reader's edit at epoch 0 survives into training (the compiled network starts from it)", () => {
    const trainer = trainerFor();
    trainer.setWeight(0, 1, 1, 1.25);
    const reference = createMlp({sizes: trainer.sizes, activation: "tanh", seed: 1});
    reference.weights[0][1 * 2 + 1] = 1.25;
    trainer.step();
    trainEpoch(reference, data.train.inputs, data.train.targets, {learningRate: 0.03, batchSize: 10});
    expect(Array.from(trainer.mlp.weights[0])).toEqual(Array.from(reference.weights[0]));
    expect(() => trainer.setWeight(0, 5, 0, 1)).toThrow(/no weight/);
    expect(() => trainer.setWeight(0, 0, 0, NaN)).toThrow(/finite/);
  });
});
