import {describe, expect, it} from "vitest";
import {absoluteImports} from "../../src/components/notebookRuntime.js";

describe("absoluteImports", () => {
  it("resolves the page's import map against the page, keeping each bundle member", () => {
    const base = "https://example.org/course/sigmoid";
    expect(
      absoluteImports(
        {
          "./lib/a.js": {url: "./_import/pages/page.X.js", member: "m0"},
          "npm:d3": {url: "./_npm/d3@7.9.2/d3.js"}
        },
        base
      )
    ).toEqual({
      "./lib/a.js": {url: "https://example.org/course/_import/pages/page.X.js", member: "m0"},
      "npm:d3": {url: "https://example.org/course/_npm/d3@7.9.2/d3.js"}
    });
  });

  it("takes a page that imports nothing", () => {
    expect(absoluteImports(undefined, "https://example.org/")).toEqual({});
    expect(absoluteImports({}, "https://example.org/")).toEqual({});
  });
});
