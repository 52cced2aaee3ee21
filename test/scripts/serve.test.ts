import {mkdtempSync, mkdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {request} from "node:http";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {describe, expect, test} from "vitest";
import {resolveDistPath, serveDist} from "../../scripts/serve.js";

const root = mkdtempSync(join(tmpdir(), "dist-"));
writeFileSync(join(root, "index.html"), "home");
writeFileSync(join(root, "sigmoid.html"), "sigmoid");
mkdirSync(join(root, "_npm"));
writeFileSync(join(root, "_npm", "a.js"), "export {}");

describe("resolveDistPath", () => {
  test("maps clean URLs to pages", () => {
    expect(resolveDistPath(root, "/")).toBe(join(root, "index.html"));
    expect(resolveDistPath(root, "/sigmoid")).toBe(join(root, "sigmoid.html"));
    expect(resolveDistPath(root, "/sigmoid?x=1#top")).toBe(join(root, "sigmoid.html"));
    expect(resolveDistPath(root, "/_npm/a.js")).toBe(join(root, "_npm", "a.js"));
  });

  test("refuses paths outside the root and malformed URLs", () => {
    expect(resolveDistPath(root, "/../../etc/passwd")).toBeUndefined();
    expect(resolveDistPath(root, "/%E0%A4%A")).toBeUndefined();
    expect(resolveDistPath(root, "/missing")).toBeUndefined();
  });
});

describe("serveDist", () => {
  test("serves pages with their content type and 404s the rest", async () => {
    const server = await serveDist({root});
    try {
      const page = await fetch(`${server.url}/sigmoid`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toContain("text/html");
      expect(await page.text()).toBe("sigmoid");
      const script = await fetch(`${server.url}/_npm/a.js`);
      expect(script.headers.get("content-type")).toContain("javascript");
      expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  test("sends text gzipped to a client that accepts it, as a static host does", async () => {
    const server = await serveDist({root});
    // node:http, which does not decode the body (fetch would)
    const get = (path: string, headers: Record<string, string>) =>
      new Promise<{encoding?: string; body: Buffer}>((done, fail) => {
        request(`${server.url}${path}`, {headers}, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk) => chunks.push(chunk));
          response.on("end", () =>
            done({encoding: response.headers["content-encoding"], body: Buffer.concat(chunks)})
          );
        })
          .on("error", fail)
          .end();
      });
    try {
      const zipped = await get("/sigmoid", {"accept-encoding": "gzip, deflate"});
      expect(zipped.encoding).toBe("gzip");
      expect(gunzipSync(zipped.body).toString()).toBe("sigmoid");
      const plain = await get("/_npm/a.js", {});
      expect(plain.encoding).toBeUndefined();
      expect(plain.body.toString()).toBe("export {}");
    } finally {
      await server.close();
    }
  });

  test("serves the site under a subpath, and the 404 page for anything outside it", async () => {
    writeFileSync(join(root, "404.html"), "not found");
    const server = await serveDist({root, base: "/course/"});
    try {
      expect(await (await fetch(`${server.url}/course/`)).text()).toBe("home");
      expect(await (await fetch(`${server.url}/course/sigmoid`)).text()).toBe("sigmoid");
      expect((await fetch(`${server.url}/course/_npm/a.js`)).status).toBe(200);
      for (const path of ["/sigmoid", "/", "/courses/sigmoid", "/course/nope"]) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status, path).toBe(404);
        expect(await response.text(), path).toBe("not found");
      }
    } finally {
      await server.close();
    }
    expect(() => serveDist({root, base: "/course"})).toThrow(/base must start and end with/);
  });
});
