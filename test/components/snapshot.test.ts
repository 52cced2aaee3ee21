// @vitest-environment jsdom
// The snapshot harness itself (snapshot.ts): what its normaliser makes equal and what it
// keeps apart, and how it writes, compares and reports snapshots.
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, test} from "vitest";
import {expectSameDrawing, expectSnapshot, normalise} from "./snapshot.js";

const svgOf = (markup: string) => {
  const holder = document.createElement("div");
  holder.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg">${markup}</svg>`;
  return holder.firstElementChild!;
};

describe("normalise", () => {
  test("sorts attributes, rounds numbers to 2 decimals (−0 as 0) and folds whitespace", () => {
    expect(normalise(svgOf(`<circle r="3" cy="-0.001" cx="10.23456"></circle><text>  a \n  b </text>`))).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg">\n  <circle cx="10.23" cy="0" r="3"></circle>\n  <text>a b</text>\n</svg>\n`
    );
  });

  test("renumbers ids in document order and follows references to them", () => {
    const a = svgOf(
      `<clipPath id="clip-x81k"></clipPath><g clip-path="url(#clip-x81k)"><use href="#clip-x81k"></use></g>`
    );
    const b = svgOf(
      `<clipPath id="plot-clip-7"></clipPath><g clip-path="url(#plot-clip-7)"><use href="#plot-clip-7"></use></g>`
    );
    expect(normalise(a)).toBe(normalise(b));
    expect(normalise(a)).toContain(`clip-path="url(#id-1)"`);
    expect(normalise(a)).toContain(`href="#id-1"`);
  });

  test("makes Plot's generated class stable, in the class attribute and in its stylesheet", () => {
    const a = svgOf(`<style>.plot-d6a7b5 { color: red }</style><g class="plot-d6a7b5 chart-f"></g>`);
    expect(normalise(a)).toContain(`<style>.plot-class { color: red }</style>`);
    expect(normalise(a)).toContain(`class="plot-class chart-f"`);
  });

  test("reduces a polyline's straight runs to their ends, and keeps its bends and gaps", () => {
    const every = svgOf(`<path d="M0,0L1,1L2,2L3,3L4,2M10,10L11,11"></path>`);
    const ends = svgOf(`<path d="M0,0L3,3L4,2M10,10L11,11"></path>`);
    expect(normalise(every)).toBe(normalise(ends));
    expect(normalise(ends)).not.toBe(normalise(svgOf(`<path d="M0,0L3,3L4,2L10,10L11,11"></path>`)));
    expect(normalise(ends)).not.toBe(normalise(svgOf(`<path d="M0,0L3,3.2L4,2M10,10L11,11"></path>`)));
  });

  test("leaves out the geometry of what is not drawn, but not that it is hidden", () => {
    const stale = svgOf(
      `<g style="display: none"><circle cx="5" cy="6" r="4"></circle></g><line visibility="hidden" x1="3"></line>`
    );
    const fresh = svgOf(
      `<g style="display:none;"><circle r="4"></circle></g><line visibility="hidden"></line>`
    );
    expect(normalise(stale)).toBe(normalise(fresh));
    expect(normalise(stale)).not.toBe(
      normalise(svgOf(`<g><circle r="4"></circle></g><line visibility="hidden"></line>`))
    );
    // a drawn element keeps its geometry
    expect(normalise(svgOf(`<circle cx="5"></circle>`))).not.toBe(
      normalise(svgOf(`<circle cx="6"></circle>`))
    );
  });

  test("drops an empty style attribute (an element shown again with style.display = '')", () => {
    expect(normalise(svgOf(`<circle style="" r="1"></circle>`))).toBe(
      normalise(svgOf(`<circle r="1"></circle>`))
    );
  });
});

describe("expectSameDrawing", () => {
  test("fails naming the first line that differs", () => {
    expect(() =>
      expectSameDrawing(svgOf(`<circle r="1"></circle>`), svgOf(`<circle r="2"></circle>`))
    ).toThrow(
      /line 2:\n {2}expected "  <circle r=\\"2\\"><\/circle>"\n {2}actual {3}"  <circle r=\\"1\\"><\/circle>"/
    );
  });
});

describe("expectSnapshot", () => {
  let dir = "";
  afterEach(() => rmSync(dir, {recursive: true, force: true}));
  const fresh = () => (dir = mkdtempSync(join(tmpdir(), "snapshots-")));

  test("writes a missing snapshot, then passes against it", () => {
    fresh();
    expectSnapshot("dot", svgOf(`<circle r="1"></circle>`), {env: {}, dir});
    expect(readFileSync(join(dir, "dot.svg"), "utf8")).toContain(`<circle r="1"></circle>`);
    expect(() => expectSnapshot("dot", svgOf(`<circle r="1.001"></circle>`), {env: {}, dir})).not.toThrow();
  });

  test("under CI, a missing snapshot fails and is not written", () => {
    fresh();
    expect(() => expectSnapshot("dot", svgOf(`<circle r="1"></circle>`), {env: {CI: "true"}, dir})).toThrow(
      /missing/
    );
    expect(existsSync(join(dir, "dot.svg"))).toBe(false);
  });

  test("a mismatch writes <name>-actual and fails; a match again removes it; UPDATE_SNAPSHOTS rewrites", () => {
    fresh();
    writeFileSync(join(dir, "dot.svg"), normalise(svgOf(`<circle r="1"></circle>`)));
    expect(() => expectSnapshot("dot", svgOf(`<circle r="2"></circle>`), {env: {}, dir})).toThrow(
      /dot differs from its snapshot .*dot\.svg \(the drawing is in .*dot-actual\.svg/
    );
    expect(readFileSync(join(dir, "dot-actual.svg"), "utf8")).toContain(`r="2"`);
    expectSnapshot("dot", svgOf(`<circle r="1"></circle>`), {env: {}, dir});
    expect(existsSync(join(dir, "dot-actual.svg"))).toBe(false);
    expectSnapshot("dot", svgOf(`<circle r="2"></circle>`), {env: {UPDATE_SNAPSHOTS: "1", CI: "true"}, dir});
    expect(readFileSync(join(dir, "dot.svg"), "utf8")).toContain(`r="2"`);
  });

  test("an HTML element (a figure with a legend) is kept as .html", () => {
    fresh();
    const figure = document.createElement("figure");
    figure.append(svgOf(""));
    expectSnapshot("figure", figure, {env: {}, dir});
    expect(existsSync(join(dir, "figure.html"))).toBe(true);
  });
});

describe("normalise keeps what is not a number to round", () => {
  test("a colour and an address", () => {
    const kept = normalise(svgOf(`<g fill="#5e3c99"><a href="https://example.org/2.5.1"></a></g>`));
    expect(kept).toContain(`fill="#5e3c99"`);
    expect(kept).toContain(`href="https://example.org/2.5.1"`);
  });
});
