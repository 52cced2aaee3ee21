// scripts/notebook-dev.js: notebook mode under `npm run dev`. The dev client gets `undefine`
// exported (or the server says it cannot), a data request names a page and nothing else, and
// the page the preview renders yields the same notebook data as a built page. (The browser
// test "under npm run dev" in test/browser/notebook.test.ts runs a cell on the dev server.)
import {describe, expect, test} from "vitest";
// @ts-expect-error: Framework's internals have no types
import {getClientPath} from "@observablehq/framework/dist/files.js";
// @ts-expect-error: Framework's internals have no types
import {rollupClient} from "@observablehq/framework/dist/rollup.js";
import {exportDevUndefine, requestedPage} from "../../scripts/notebook-dev.js";
import {builtCells} from "../../scripts/notebook-sources.js";

describe("exportDevUndefine", () => {
  const client = `const cells = new Map();
function define(cell) { cells.set(cell.id, cell); }
function undefine(id) { cells.delete(id); }
function open() {}
export { define, open };
`;

  test("adds undefine to the dev client's exports, once", async () => {
    const patched = exportDevUndefine(client);
    expect(patched).toMatch(/export \{ define, open, undefine \};\n$/);
    expect(exportDevUndefine(patched)).toBe(patched);
    const url = `data:text/javascript,${encodeURIComponent(patched)}`;
    const {define, undefine} = await import(/* @vite-ignore */ url);
    expect(typeof define).toBe("function");
    expect(typeof undefine).toBe("function");
  });

  test("refuses a client without the shape it expects", () => {
    expect(() => exportDevUndefine(client.replace("function undefine(id)", "function forget(id)"))).toThrow(
      /shape/
    );
    expect(() => exportDevUndefine(client.replace("export { define, open };", ""))).toThrow(/shape/);
    expect(() => exportDevUndefine(client.replace("export { define, open }", "export { open }"))).toThrow(
      /shape/
    );
  });

  test("recognises the dev client this Framework version serves", async () => {
    const code = await rollupClient(getClientPath("preview.js"), "src", "/_observablehq/client.js");
    expect(code).not.toMatch(/export \{[^}]*\bundefine\b/);
    expect(exportDevUndefine(code)).toMatch(/export \{ [^}]*\bdefine\b[^}]*, undefine \};\n$/);
  });
});

describe("requestedPage", () => {
  test("names the page of a data request", () => {
    expect(requestedPage("/_notebook/pages/sigmoid.json")).toBe("sigmoid");
    expect(requestedPage("/_notebook/pages/a/b.json")).toBe("a/b");
  });

  test("names nothing outside the pages", () => {
    for (const path of [
      "/_notebook/pages/.json",
      "/_notebook/pages/../package.json",
      "/_notebook/pages/a/../../b.json",
      "/_notebook/pages//etc.json",
      "/_notebook/pages/_observablehq/client.json",
      "/_notebook/pages/sigmoid.md",
      "/_notebook/editor.js",
      "/sigmoid.json"
    ])
      expect(requestedPage(path), path).toBeUndefined();
  });
});

test("builtCells reads the dev server's page as it reads a built one", () => {
  const html = `<script type="module">
import {open, define} from "./_observablehq/client.js";

open({hash: "abc", eval: (body) => eval(body)});

define({id: "5c592edc", outputs: ["format"], body: async () => {
const [{format}] = await Promise.all([import("./_import/components/format.js?sha=ab29")]);
return {format};
}});

define({id: "c90aa87c", mode: "inline", inputs: ["format","display"], body: async (format,display) => {
display(await(format(1)))
}});
</script>`;
  const {cells, client} = builtCells(html);
  expect(client).toBe("./_observablehq/client.js");
  expect(cells.get("5c592edc")).toEqual({
    mode: "block",
    loads: [{url: "./_import/components/format.js?sha=ab29"}]
  });
  expect(cells.get("c90aa87c")).toEqual({mode: "inline", loads: []});
});
