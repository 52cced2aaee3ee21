// @vitest-environment jsdom
// networkGraph.js: the graph shows the trace's numbers, writes new ones in place, and its
// weights and units are a radio group the mouse and the keyboard can select.
import {describe, expect, test} from "vitest";
import {networkGraph, nextIndex} from "../../src/components/networkGraph.js";
import {advanceWalk, classicParams, startWalk} from "../../src/components/walkState.js";
import {formatNumber} from "../../src/components/format.js";

const item = (figure: Element, name: string) => figure.querySelector(`[data-name="${name}"]`) as SVGGElement;
const texts = (figure: Element, name: string) => [...item(figure, name).querySelectorAll("text")].map((t) => t.textContent);

describe("nextIndex", () => {
  test("arrows wrap, Home and End jump, other keys move nothing", () => {
    expect(nextIndex(0, "ArrowRight", 12)).toBe(1);
    expect(nextIndex(11, "ArrowDown", 12)).toBe(0);
    expect(nextIndex(0, "ArrowLeft", 12)).toBe(11);
    expect(nextIndex(5, "ArrowUp", 12)).toBe(4);
    expect(nextIndex(5, "Home", 12)).toBe(0);
    expect(nextIndex(5, "End", 12)).toBe(11);
    expect(nextIndex(5, "a", 12)).toBe(-1);
  });
});

describe("networkGraph", () => {
  const state = startWalk(classicParams());

  test("shows the published example's numbers", () => {
    const figure = networkGraph(state.step, state.net);
    expect(texts(figure, "w5")).toEqual(["w5 = 0.4", `∂E/∂w5 = ${formatNumber(0.082167041)}`]);
    expect(texts(figure, "o1")).toContain(`out ${formatNumber(0.75136507)}`);
    expect(texts(figure, "h1")).toContain(`out ${formatNumber(0.593269992)}`);
    expect(figure.querySelector(".walk-loss")!.textContent).toContain(formatNumber(0.298371109));
    expect(figure.querySelectorAll("[role=radio]").length).toBe(12);
  });

  test("update writes new numbers into the same text nodes", () => {
    const figure = networkGraph(state.step, state.net);
    const node = item(figure, "w5").querySelector("text")!.firstChild;
    const later = advanceWalk(state, 1);
    figure.update(later.step, later.net);
    expect(item(figure, "w5").querySelector("text")!.firstChild).toBe(node);
    expect(texts(figure, "w5")[0]).toBe(`w5 = ${formatNumber(later.net[1].weights[0][0])}`);
  });

  test("one item is selected at a time, by click, arrows, Enter; one tab stop", () => {
    const chosen: string[] = [];
    const figure = networkGraph(state.step, state.net, {onSelect: (s: object) => chosen.push(JSON.stringify(s))});
    document.body.append(figure);
    expect(figure.selected).toBe("w5");
    const stops = () => [...figure.querySelectorAll("[tabindex='0']")].map((e) => (e as HTMLElement).dataset.name);
    expect(stops()).toEqual(["w5"]);
    item(figure, "h1").dispatchEvent(new MouseEvent("click", {bubbles: true}));
    expect(figure.selected).toBe("h1");
    expect(item(figure, "h1").getAttribute("aria-checked")).toBe("true");
    expect(item(figure, "w5").getAttribute("aria-checked")).toBe("false");
    item(figure, "h1").dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowRight", bubbles: true}));
    expect(figure.selected).toBe("h2");
    expect(document.activeElement).toBe(item(figure, "h2"));
    expect(stops()).toEqual(["h2"]);
    item(figure, "h2").dispatchEvent(new KeyboardEvent("keydown", {key: "End", bubbles: true}));
    expect(figure.selected).toBe("o2");
    expect(chosen[chosen.length - 1]).toBe(JSON.stringify({kind: "unit", layer: 1, j: 1}));
    expect(() => figure.select("w9")).toThrow(/w9/);
    figure.remove();
  });

  test("a dead hidden unit is marked and says so", () => {
    const dead = startWalk({...classicParams(), hidden: "relu", x1: -1, x2: -2});
    const figure = networkGraph(dead.step, dead.net);
    expect(item(figure, "h1").classList.contains("walk-dead")).toBe(true);
    expect(item(figure, "h1").getAttribute("aria-label")).toContain("passes nothing back");
  });
});
