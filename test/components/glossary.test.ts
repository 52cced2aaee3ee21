import {readFileSync, readdirSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {coursePages} from "../../observablehq.config.js";
import {glossary} from "../../src/components/glossary.js";
import {glossaryMarkdown} from "../../src/components/glossaryPage.js";

const pages = readdirSync("src")
  .filter((file) => file.endsWith(".md"))
  .map((file) => ({file, text: readFileSync(`src/${file}`, "utf8")}));

/** The glossary anchors a page's text links to, in order: [text](./glossary#id) or href="./glossary#id". */
function glossaryLinks(text: string): string[] {
  return [...text.matchAll(/(?:\]\(|href=")\.\/glossary#([^)"\s]+)/g)].map((m) => m[1]);
}

/** Every page path of the sidebar. */
function sitePaths(entries: {path?: string; pages?: any[]}[]): string[] {
  return entries.flatMap((e) => (e.pages ? sitePaths(e.pages) : [e.path!]));
}

describe("glossary", () => {
  const ids = glossary.map((entry) => entry.id);

  test("defines each term once, under an anchor id of lower-case words and hyphens", () => {
    expect(new Set(ids).size).toBe(ids.length);
    const terms = glossary.map((entry) => entry.term.toLowerCase());
    expect(new Set(terms).size).toBe(terms.length);
    for (const {id, term, definition} of glossary) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(term.trim()).toBe(term);
      expect(definition.length).toBeGreaterThan(40);
    }
  });

  test("the link finder sees Markdown and HTML links, and nothing else", () => {
    expect(
      glossaryLinks('a [rate](./glossary#learning-rate), <a href="./glossary#epoch">epoch</a>, ./glossary#loss')
    ).toEqual(["learning-rate", "epoch"]);
  });

  test("the pages link to the glossary", () => {
    expect(pages.flatMap(({text}) => glossaryLinks(text)).length).toBeGreaterThan(20);
  });

  test.each(pages)("every glossary link in src/$file names a defined term, and each term is linked once", ({text}) => {
    const links = glossaryLinks(text);
    for (const id of links) expect(ids, `./glossary#${id}`).toContain(id);
    expect(links.filter((id, i) => links.indexOf(id) !== i), "a term linked twice").toEqual([]);
  });

  test("a definition links only terms of the glossary and pages of the course", () => {
    const paths = new Set(sitePaths(coursePages));
    for (const {id, definition} of glossary) {
      for (const [, href] of definition.matchAll(/\]\(([^)]+)\)/g)) {
        if (href.startsWith("#")) expect(ids, `${id} links ${href}`).toContain(href.slice(1));
        else expect(paths, `${id} links ${href}`).toContain(href.replace(/^\./, ""));
      }
    }
  });

  test("the glossary page lists every term once, under its id, in the order of the list", () => {
    const markdown = glossaryMarkdown();
    const anchors = [...markdown.matchAll(/<dt id="([^"]+)">([^<]+)<\/dt>/g)];
    expect(anchors.map((m) => m[1])).toEqual(ids);
    expect(anchors.map((m) => m[2])).toEqual(glossary.map((entry) => entry.term));
    expect(markdown).toMatch(/^---\ntitle: Glossary\n---/);
  });

  test("the glossary page and the further-reading page are in the sidebar", () => {
    const paths = sitePaths(coursePages);
    expect(paths).toContain("/glossary");
    expect(paths).toContain("/further-reading");
  });
});
