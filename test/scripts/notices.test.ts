// scripts/notices.js: dist/THIRD-PARTY-NOTICES.txt carries the licence of everything dist/ ships.
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {
  FDLIBM_NOTICE,
  installedPackage,
  licenseText,
  noticedGroups,
  thirdPartyNotices
} from "../../scripts/notices.js";
import {VENDORED} from "../../scripts/offline-cache.js";

const notices = thirdPartyNotices();
const noticed = noticedGroups().flatMap((group) => group.packages);

describe("thirdPartyNotices", () => {
  test("holds each package's own licence file, word for word, with its name and version", () => {
    for (const name of noticed) {
      const pkg = installedPackage(name);
      const file = ["LICENSE", "LICENSE.txt", "LICENSE.md"].map((f) => join(pkg.dir, f)).find(existsSync);
      expect(file, name).toBeDefined();
      const text = readFileSync(file!, "utf8").trim();
      expect(notices, name).toContain(text);
      expect(notices, name).toContain(`${name} ${pkg.version} (${pkg.license})`);
    }
  });

  test("covers what the brief names: KaTeX (fonts included), d3 and its modules, Plot, htl", () => {
    for (const name of [
      "katex",
      "d3",
      "d3-array",
      "d3-scale",
      "d3-shape",
      "internmap",
      "@observablehq/plot",
      "htl"
    ])
      expect(noticed, name).toContain(name);
    expect(notices).toMatch(/KaTeX[^\n]*fonts/);
  });

  test("covers every browser library the offline cache vendors for the pages", () => {
    for (const {name} of VENDORED) expect(noticed, name).toContain(name);
  });

  test("leaves out d3-dsv's command-line dependencies, which no page loads", () => {
    for (const name of ["commander", "iconv-lite", "rw"]) expect(noticed).not.toContain(name);
  });

  test("carries fdlibm's notice and names the course's port of it", () => {
    expect(notices).toContain(FDLIBM_NOTICE);
    expect(notices).toContain("lib/special.ts");
    expect(readFileSync("lib/special.ts", "utf8")).toMatch(/fdlibm/);
  });
});

describe("licenseText", () => {
  test("finds LICENSE, LICENSE.txt or COPYING in any case", () => {
    for (const file of ["LICENSE", "License.txt", "COPYING", "licence.md"]) {
      const dir = mkdtempSync(join(tmpdir(), "notice-"));
      writeFileSync(join(dir, file), `  terms of ${file}\n`);
      expect(licenseText({name: "x", dir})).toBe(`terms of ${file}`);
    }
  });

  test("fails, naming the package, when it has no licence file", () => {
    const dir = mkdtempSync(join(tmpdir(), "notice-"));
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "README.md"), "no licence here");
    expect(() => licenseText({name: "unlicensed-lib", dir})).toThrow(/unlicensed-lib has no licence file/);
  });
});
