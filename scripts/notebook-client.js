// Notebook mode, build step: lets the published page redefine a cell. Framework's client
// keeps the page's cells in two maps and can undefine one (`undefine(id)`, which its dev
// preview uses when a page changes), but the client it builds for production exports only
// `define`, so a cell, once defined, could never be replaced. This adds the export: the same
// three lines as Framework's `undefine`, written against the built client's own (minified)
// names, which are read from its `define`. When the code does not have the shape expected
// (a Framework upgrade), the build fails here rather than ship a notebook that cannot run.
import {readFileSync, readdirSync} from "node:fs";
import {writeFile} from "node:fs/promises";
import {join} from "node:path";

const definePattern =
  /function ([\w$]+)\(([\w$]+)\)\{const\{id:([\w$]+),[^}]*\}=\2,([\w$]+)=\[\];([\w$]+)\.set\(\3,\{cell:\2,variables:\4\}\);const [\w$]+=([\w$]+)\.get\(\3\)/;
const clearPattern = /\ba\(([\w$]+),"clear"\)/;
const exportPattern = /export\{([\w$]+) as define\};?\s*$/;

/** The built client's code with `undefine` exported too; throws if the code is not as expected. */
export function exportUndefine(code) {
  if (/\bas undefine\b/.test(code)) return code;
  const define = code.match(definePattern);
  const clear = code.match(clearPattern);
  const exported = code.match(exportPattern);
  if (!define || !clear || !exported || exported[1] !== define[1])
    throw new Error(
      "Framework's client does not have the shape notebook mode expects (scripts/notebook-client.js)"
    );
  const [, , , , , cells, roots] = define;
  const undefine =
    `function notebookUndefine(id){const root=${roots}.get(id);root&&${clear[1]}(root);` +
    `${cells}.get(id)?.variables.forEach((v)=>v.delete());${cells}.delete(id)}`;
  return `${code.slice(0, exported.index)}${undefine}\nexport{${exported[1]} as define,notebookUndefine as undefine};\n`;
}

/** Patches every built client of `dist`/_observablehq; returns how many. */
export async function patchClients(dist) {
  const dir = join(dist, "_observablehq");
  const clients = readdirSync(dir).filter((name) => /^client\.[\w-]+\.js$/.test(name));
  for (const name of clients)
    await writeFile(join(dir, name), exportUndefine(readFileSync(join(dir, name), "utf8")));
  return clients.length;
}
