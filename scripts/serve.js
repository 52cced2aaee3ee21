#!/usr/bin/env node
// A small static server for dist/ with Framework's clean URLs (`/sigmoid` → sigmoid.html),
// used by the browser tests and the site benchmark, and to preview a build. Text files are
// sent gzipped to clients that accept it, as a static host (GitHub Pages, Netlify) sends them,
// so that what Lighthouse measures here is what a reader downloads:
// It can serve the site under a subpath, as GitHub Pages publishes a project site at
// /<repository>/ (build with COURSE_BASE=/<repository>/ so that the 404 page fits it):
//   node scripts/serve.js [--port 3000] [--base /course/]
import {createReadStream, existsSync, readFileSync, statSync} from "node:fs";
import {createServer} from "node:http";
import {dirname, extname, join, normalize, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {gzipSync} from "node:zlib";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf"
};

const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".txt"]);

/** Gzipped files, by path, kept while the file is unchanged. */
const gzipped = new Map();

function gzippedFile(file) {
  const {mtimeMs, size} = statSync(file);
  const cached = gzipped.get(file);
  if (cached?.mtimeMs === mtimeMs && cached.size === size) return cached.body;
  const body = gzipSync(readFileSync(file));
  gzipped.set(file, {mtimeMs, size, body});
  return body;
}

/** Maps a URL path to a file in `root`, or undefined. */
export function resolveDistPath(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  } catch {
    return undefined;
  }
  path = normalize(path).replace(/^(\.\.[/\\])+/, "");
  const candidates = path.endsWith("/")
    ? [join(path, "index.html")]
    : [path, `${path}.html`, join(path, "index.html")];
  for (const candidate of candidates) {
    const file = join(root, candidate);
    if (!file.startsWith(root)) return undefined;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/**
 * Serves `root` on 127.0.0.1 at `base` (a path that starts and ends with "/"); resolves to
 * {url, close}, where `url` ends before `base`. Port 0 picks a free port. A request for
 * anything else, outside `base` included, gets 404.html, as a static host sends it.
 */
export function serveDist({
  root = resolve(projectRoot, process.env.COURSE_DIST ?? "dist"),
  port = 0,
  base = "/"
} = {}) {
  if (!/^\/(.*\/)?$/.test(base)) throw new Error(`serveDist: base must start and end with "/", got ${base}`);
  const server = createServer((request, response) => {
    const url = request.url ?? "/";
    const file = url.startsWith(base) ? resolveDistPath(root, url.slice(base.length - 1)) : undefined;
    if (!file) {
      const notFound = join(root, "404.html");
      response.writeHead(404, {"content-type": TYPES[".html"]});
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end("Not found");
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
      const body = gzippedFile(file);
      response.writeHead(200, {"content-type": type, "content-encoding": "gzip", vary: "accept-encoding"});
      response.end(body);
      return;
    }
    response.writeHead(200, {"content-type": type, vary: "accept-encoding"});
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const {port} = server.address();
      const close = () =>
        new Promise((done) => {
          server.close(done);
          server.closeAllConnections();
        });
      resolve({url: `http://127.0.0.1:${port}`, close});
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const option = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const base = option("--base", "/");
  const {url} = await serveDist({port: Number(option("--port", 3000)), base});
  console.log(`serving dist/ at ${url}${base}`);
}
