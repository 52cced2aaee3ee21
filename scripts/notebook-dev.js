// Notebook mode under `npm run dev` (scripts/dev.js): the dev server answers the requests the
// "Show code" switch makes, with what the build writes into dist/_notebook/, made on demand
// for the page as the dev server renders it now, so `npm run dev` starts no slower:
//
//   /_notebook/pages/<page>.json   the page's cells, imports and Markdown (notebook-sources.js),
//                                  read from the page Framework's preview renders
//   /_notebook/<file>.js           the editor and its chunks, bundled by esbuild on the first
//                                  request (notebook-bundle.js) into a temporary folder
//   /_observablehq/client.js       Framework's dev client, which has `undefine` (its live
//                                  reload uses it) but does not export it: exported here
//
// Everything else goes to Framework's preview as before.
import {existsSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, join, posix, resolve} from "node:path";
import {readConfig} from "@observablehq/framework/dist/config.js";
import {getClientPath} from "@observablehq/framework/dist/files.js";
import {renderPage} from "@observablehq/framework/dist/render.js";
import {rollupClient} from "@observablehq/framework/dist/rollup.js";
import {bundleNotebookEditor} from "./notebook-bundle.js";
import {pageNotebook, pageSource} from "./notebook-sources.js";

/**
 * Framework's dev client with `undefine` exported beside `define`; throws if the code has not
 * the shape expected (a Framework upgrade), so that the switch says so rather than fail later.
 */
export function exportDevUndefine(code) {
  const exported = code.match(/export\s*\{([^}]*)\};?\s*$/);
  const names = exported?.[1].split(",").map((name) => name.trim());
  if (!exported || !names.includes("define") || !/^function undefine\(id\)/m.test(code))
    throw new Error(
      "Framework's dev client does not have the shape notebook mode expects (scripts/notebook-dev.js)"
    );
  if (names.includes("undefine")) return code;
  return `${code.slice(0, exported.index)}export { ${[...names, "undefine"].join(", ")} };\n`;
}

/** The page a notebook data request names (`/_notebook/pages/a/b.json` → "a/b"), or undefined. */
export function requestedPage(pathname) {
  const page = pathname.match(/^\/_notebook\/pages\/(.+)\.json$/)?.[1];
  if (!page || page.split("/").some((part) => !part || part === "." || part === ".." || part.startsWith("_")))
    return undefined;
  return page;
}

/**
 * The notebook of Framework's preview `server` (a PreviewServer, from `preview()`): adds the
 * routes above in front of its own. `config` and `root` are what `observable preview` was
 * given; `projectRoot`, the course's folder (the editor's sources). Returns `{close()}`, which removes the bundled editor. Throws if the server is not
 * shaped as Framework 1.13's is.
 */
export function attachNotebook(
  server,
  {config: configPath, root: rootOption, projectRoot = process.cwd()} = {}
) {
  const http = server?._server;
  const framework = server?._handleRequest;
  if (typeof framework !== "function" || !http?.listeners("request").includes(framework))
    throw new Error("Framework's preview server does not have the shape notebook mode expects");
  const folder = mkdtempSync(join(tmpdir(), "course-notebook-"));
  let editor; // the editor bundle's entry file, bundled once per run of the server

  const bundleEditor = () =>
    (editor ??= bundleNotebookEditor({dist: folder, root: projectRoot}).catch((error) => {
      editor = undefined;
      throw error;
    }));

  async function notebookData(page) {
    const config = await readConfig(configPath, rootOption);
    const path = `/${page}`;
    const options = {...config, path, preview: true};
    const html = await renderPage(await config.loaders.loadPage(path, options), options);
    // after loadPage, so that a page written by a loader is in the cache
    const markdown = pageSource(resolve(config.root), page);
    if (markdown === undefined) return undefined;
    const data = pageNotebook({markdown, html, md: config.md, path});
    const file = `/_notebook/pages/${page}.json`;
    const editorHref = posix.relative(posix.dirname(file), `/_notebook/${basename(await bundleEditor())}`);
    return {...data, editor: editorHref};
  }

  async function answer(req, res, pathname) {
    if (pathname === "/_observablehq/client.js") {
      const config = await readConfig(configPath, rootOption);
      const code = await rollupClient(getClientPath("preview.js"), config.root, pathname);
      return send(res, 200, exportDevUndefine(code), "text/javascript");
    }
    const page = requestedPage(pathname);
    if (page) {
      const data = await notebookData(page);
      return data
        ? send(res, 200, JSON.stringify(data), "application/json")
        : send(res, 404, `no page ${page}`, "text/plain");
    }
    const name = pathname.slice("/_notebook/".length);
    if (!/^[\w-]+(\.[\w-]+)*\.js$/.test(name)) return send(res, 404, "not found", "text/plain");
    await bundleEditor();
    const file = join(folder, "_notebook", name);
    if (!existsSync(file)) return send(res, 404, "not found", "text/plain");
    return send(res, 200, readFileSync(file), "text/javascript");
  }

  http.removeListener("request", framework);
  http.on("request", (req, res) => {
    const {pathname} = new URL(req.url, "http://localhost");
    if (
      req.method !== "GET" ||
      !(pathname === "/_observablehq/client.js" || pathname.startsWith("/_notebook/"))
    )
      return framework(req, res);
    answer(req, res, pathname).catch((error) => {
      if (error?.code === "ENOENT") return send(res, 404, "not found", "text/plain"); // no such page
      console.error(error);
      send(res, 500, `notebook mode: ${error.message}`, "text/plain");
    });
  });

  return {
    close() {
      rmSync(folder, {recursive: true, force: true});
    }
  };
}

function send(res, status, body, type) {
  res.writeHead(status, {"Content-Type": `${type}; charset=utf-8`, "Cache-Control": "no-store"});
  res.end(body);
}
