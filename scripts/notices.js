// The third-party notices of what dist/ redistributes, written by scripts/postbuild.js to
// dist/THIRD-PARTY-NOTICES.txt: each package's own licence file, read from node_modules at
// the installed version, and the notice of the fdlibm code that lib/special.ts ports.
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The notice of Sun's fdlibm, as FreeBSD's msun/src/s_erf.c carries it. */
export const FDLIBM_NOTICE = `Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.

Developed at SunPro, a Sun Microsystems, Inc. business.
Permission to use, copy, modify, and distribute this
software is freely granted, provided that this notice
is preserved.`;

/**
 * d3's modules and what they build on. d3-dsv's own dependencies serve only its command-line
 * converters (csv2json and the like), which no page loads, so they are not followed.
 */
function d3Packages(readPackage) {
  const found = new Set();
  const visit = (name) => {
    if (found.has(name)) return;
    found.add(name);
    if (name === "d3-dsv") return;
    for (const dependency of Object.keys(readPackage(name).dependencies ?? {})) visit(dependency);
  };
  visit("d3");
  return [...found];
}

/** What dist/ redistributes, as groups of npm packages with a line on where each is used. */
export function noticedGroups(readPackage = installedPackage) {
  return [
    {
      what: "KaTeX typesets the formulas; its stylesheet and fonts are served with the pages that show one",
      packages: ["katex"]
    },
    {
      what: "Observable Plot draws the charts",
      packages: ["@observablehq/plot", "interval-tree-1d", "binary-search-bounds"]
    },
    {what: "d3, whose modules Plot and the pages use", packages: d3Packages(readPackage)},
    {what: "htl and isoformat, for the pages' HTML and Observable Inputs", packages: ["htl", "isoformat"]},
    {
      what: "Observable Framework's client: the runtime, the inspector, Observable Inputs and the search",
      packages: [
        "@observablehq/framework",
        "@observablehq/runtime",
        "@observablehq/inspector",
        "@observablehq/inputs",
        "minisearch"
      ]
    }
  ];
}

/** An installed package's package.json, with `dir`, where it lies. */
export function installedPackage(name, root = projectRoot) {
  const dir = join(root, "node_modules", name);
  return {...JSON.parse(readFileSync(join(dir, "package.json"), "utf8")), dir};
}

/** The text of a package's own licence file; throws if it has none. */
export function licenseText({name, dir}) {
  const file =
    existsSync(dir) && readdirSync(dir).find((entry) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(entry));
  if (!file) throw new Error(`${name} has no licence file in ${dir}; its notice cannot be written`);
  return readFileSync(join(dir, file), "utf8").trim();
}

const rule = "=".repeat(78);

/** The whole of THIRD-PARTY-NOTICES.txt. */
export function thirdPartyNotices(readPackage = installedPackage) {
  const sections = [
    `THIRD-PARTY NOTICES

This site (the course "Activation Functions & Derivatives", licensed under the ISC licence:
see LICENSE in its repository) redistributes the software below, under the terms that follow.`
  ];
  for (const {what, packages} of noticedGroups(readPackage)) {
    sections.push(`${rule}\n${what}`);
    for (const name of packages) {
      const pkg = readPackage(name);
      sections.push(`${"-".repeat(78)}\n${name} ${pkg.version} (${pkg.license})\n\n${licenseText(pkg)}`);
    }
  }
  sections.push(
    `${rule}\nfdlibm: the error function erf and erfc in the course's own scripts (lib/special.ts) are\na port of FreeBSD's msun/src/s_erf.c, from Sun Microsystems' fdlibm, whose notice is:\n\n${FDLIBM_NOTICE}`
  );
  return `${sections.join("\n\n")}\n`;
}
