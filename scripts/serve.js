#!/usr/bin/env node
// A small static server for dist/ with Framework's clean URLs (`/sigmoid` → sigmoid.html),
// used by the browser tests and the site benchmark, and to preview a build. Text files are
// sent gzipped to clients that accept it, as a static host (GitHub Pages, Netlify) sends them,
// so that what Lighthouse measures here is what a reader downloads:
//   node scripts/serve.js [--port 3000]
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

/** Serves `root` on 127.0.0.1; resolves to {url, close}. Port 0 picks a free port. */
export function serveDist({root = resolve(projectRoot, process.env.COURSE_DIST ?? "dist"), port = 0} = {}) {
  const server = createServer((request, response) => {
    const file = resolveDistPath(root, request.url ?? "/");
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
  const i = process.argv.indexOf("--port");
  const port = i > 0 ? Number(process.argv[i + 1]) : 3000;
  const {url} = await serveDist({port});
  console.log(`serving dist/ at ${url}`);
}
