import {describe, expect, test} from "vitest";
// @ts-expect-error: Framework's internals have no types
import {getClientPath} from "@observablehq/framework/dist/files.js";
// @ts-expect-error: Framework's internals have no types
import {rollupClient} from "@observablehq/framework/dist/rollup.js";
import {exportUndefine} from "../../scripts/notebook-client.js";

// The shape of Framework's production client (minified, names kept by `a(fn, "name")`),
// cut down to what notebook mode reads, with maps that stand in for the client's own.
const client = `const N=new Map,k=new Map;function a(f){return f}
function F(e){const{id:t,mode:r,inputs:o=[],outputs:m=[],body:g}=e,y=[];N.set(t,{cell:e,variables:y});const i=k.get(t);y.push({deleted:false,delete(){this.deleted=true}})}a(F,"define");
function w(e){e.cleared=true}a(w,"clear");
globalThis.__maps={N,k};
export{F as define};`;

describe("exportUndefine", () => {
  test("exports an undefine that deletes a cell's variables and clears its root, as Framework's does", async () => {
    const patched = exportUndefine(client);
    expect(patched).toMatch(/export\{F as define,notebookUndefine as undefine\};\n$/);
    const module = await import(`data:text/javascript,${encodeURIComponent(patched)}`);
    const {N, k} = (globalThis as any).__maps;
    const root = {cleared: false};
    k.set("abc", root);
    module.define({id: "abc"});
    const [variable] = N.get("abc").variables;
    module.undefine("abc");
    expect(variable.deleted).toBe(true);
    expect(root.cleared).toBe(true);
    expect(N.has("abc")).toBe(false);
    expect(() => module.undefine("never-defined")).not.toThrow();
    expect(exportUndefine(patched)).toBe(patched);
  });

  test("fails the build when the client is not shaped as expected", () => {
    expect(() => exportUndefine("export{F as define};")).toThrow(/shape notebook mode expects/);
    expect(() => exportUndefine(client.replace('a(w,"clear")', ""))).toThrow(/shape/);
  });

  test("recognises the client this Framework version builds for production", async () => {
    const code = await rollupClient(getClientPath("index.js"), "src", "/_observablehq/client.js", {
      minify: true,
      keepNames: true
    });
    expect(code).not.toContain("as undefine");
    expect(exportUndefine(code)).toMatch(
      /function notebookUndefine\(id\)\{const root=[\w$]+\.get\(id\);root&&[\w$]+\(root\);/
    );
  });
});
