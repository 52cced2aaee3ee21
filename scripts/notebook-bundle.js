// Notebook mode, build step: bundles the editor a reader loads on first turning "Show code"
// on (src/components/notebookEditor.js with CodeMirror, acorn and Framework's scope analysis)
// into one minified module of dist/_notebook/, named by its content. It is served from the
// site itself like everything else, and no page loads it until the reader asks.
import {join, resolve} from "node:path";
import * as esbuild from "esbuild";

/** Builds the editor into `dist`/_notebook/; returns its entry file (chunks beside it). */
export async function bundleNotebookEditor({dist, root}) {
  const result = await esbuild.build({
    entryPoints: {editor: join(root, "src", "components", "notebookEditor.js")},
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: process.env.PAGE_BUNDLES_MINIFY !== "0",
    legalComments: "none",
    outdir: join(dist, "_notebook"),
    splitting: true, // the parser is a chunk of its own, loaded with the first run
    entryNames: "[name].[hash]",
    chunkNames: "chunk.[hash]",
    absWorkingDir: root,
    metafile: true,
    logLevel: "silent"
  });
  const [file] = Object.entries(result.metafile.outputs).filter(([, output]) => output.entryPoint);
  return resolve(root, file[0]);
}
