import {describe, expect, it} from "vitest";
import {fileName, importExpression, transpileCell} from "../../src/components/notebookTranspile.js";

/** Evaluates a transpiled body as the client would, with the given inputs by name. */
async function run(cell: {inputs: string[]; body: string}, values: Record<string, unknown>) {
  const body = (0, eval)(`(${cell.body})`);
  return body(...cell.inputs.map((name) => values[name]));
}

const imports = {
  "./components/a.js": {url: "http://site/_import/pages/page.X.js", member: "m0"},
  "npm:d3": {url: "http://site/_npm/d3.js"}
};

describe("transpileCell", () => {
  it("finds a program's inputs and outputs, and returns its declarations", async () => {
    const cell = transpileCell("const y = x * 2;\nfunction twice(v) { return 2 * v; }");
    expect(cell.inputs).toEqual(["x"]);
    expect(cell.outputs).toEqual(["y", "twice"]);
    const result = await run(cell, {x: 3});
    expect(result.y).toBe(6);
    expect(result.twice(4)).toBe(8);
  });

  it("displays an expression, as Framework does, and awaits it", async () => {
    const cell = transpileCell("x + 1");
    expect(cell.inputs).toEqual(["x", "display"]);
    expect(cell.outputs).toEqual([]);
    expect(cell.body.startsWith("async")).toBe(true);
    const shown: unknown[] = [];
    await run(cell, {x: 41, display: (v: unknown) => shown.push(v)});
    expect(shown).toEqual([42]);
  });

  it("leaves display alone when the cell calls display or view itself", () => {
    expect(transpileCell("display(x)").inputs).toEqual(["display", "x"]);
    expect(transpileCell("view(Inputs.range())").inputs).toEqual(["view", "Inputs"]);
  });

  it("does not count globals, locals or parameters as inputs", () => {
    const cell = transpileCell(
      "const f = (a) => Math.max(a, b);\nfor (let i = 0; i < 2; i++) console.log(i);"
    );
    expect(cell.inputs).toEqual(["b"]);
    expect(cell.outputs).toEqual(["f"]);
  });

  it("loads an import from the page's own module, and the named member of a bundle", async () => {
    const cell = transpileCell(
      'import {f, g as h} from "./components/a.js";\nimport * as d3 from "npm:d3";\nconst y = f(h);',
      {imports}
    );
    expect(cell.outputs).toEqual(["f", "h", "d3", "y"]);
    expect(cell.body).toContain(
      'const [{f, g: h}, d3] = await Promise.all([import("http://site/_import/pages/page.X.js").then((module) => module.m0), import("http://site/_npm/d3.js")]);'
    );
    expect(cell.body.startsWith("async")).toBe(true);
    const one = transpileCell('import def from "./components/a.js";\ndef', {imports});
    expect(one.body).toContain(
      'const {default: def} = await import("http://site/_import/pages/page.X.js").then((module) => module.m0);'
    );
  });

  it("rewrites a dynamic import in place", () => {
    const cell = transpileCell('const m = await import("npm:d3");', {imports});
    expect(cell.body).toContain('const m = await import("http://site/_npm/d3.js");');
  });

  it("refuses an import the page does not make, naming those it can", () => {
    expect(() => transpileCell('import {x} from "./lib/other.js";', {imports})).toThrow(
      /cannot import "\.\/lib\/other\.js".*"\.\/components\/a\.js", "npm:d3"/
    );
    expect(() => transpileCell('const m = import("https://example.com/x.js");', {imports})).toThrow(
      SyntaxError
    );
    expect(() => importExpression("toString", {})).toThrow(/cannot import/);
  });

  it("resolves FileAttachment names against the page, as the page registered them", () => {
    const cell = transpileCell('const data = FileAttachment("data/formulas.json").json();');
    expect(cell.body).toContain('FileAttachment("./data/formulas.json")');
    expect(fileName("./a.json")).toBe("./a.json");
    expect(fileName("/data/a.json")).toBe("./data/a.json");
    expect(fileName("../a.json")).toBe("../a.json");
  });

  it("answers bad input with a SyntaxError that says where", () => {
    expect(() => transpileCell("const = 1")).toThrow(/\(1:6\)/);
    expect(() => transpileCell("const y = ;\n")).toThrow(SyntaxError);
    expect(() => transpileCell("export const y = 1;")).toThrow(/export/);
    expect(() => transpileCell("x = 2;")).toThrow(/Assignment to external variable 'x'/);
    expect(() => transpileCell(undefined as unknown as string)).toThrow(SyntaxError);
  });

  it("transpiles an empty cell to a cell that does nothing", async () => {
    const cell = transpileCell("");
    expect(cell).toMatchObject({inputs: [], outputs: []});
    expect(await run(cell, {})).toBeUndefined();
  });
});
