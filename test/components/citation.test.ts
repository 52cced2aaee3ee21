import {existsSync, readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {citationHtml, source, sourceListHtml} from "../../src/components/citation.js";
import {furtherReadingMarkdown, readingTopics} from "../../src/components/furtherReadingPage.js";
import {sources} from "../../src/components/sources.js";
import {sitePages} from "../browser/site.js";

// The course's own pages, as the sidebar lists them (the 404 page is not one); pages written
// by a loader (src/*.md.js) are checked through their generators below.
const pages = sitePages
  .map(({path}) => (path === "/" ? "index.md" : `${path.slice(1)}.md`))
  .filter((file) => existsSync(`src/${file}`))
  .map((file) => ({file, text: readFileSync(`src/${file}`, "utf8")}));

/** The keys of a page's sourceList([...]) call, or null when it has none. */
function pageSourceKeys(text: string): string[] | null {
  const call = /sourceList\(\[([^\]]*)\]\)/.exec(text);
  return call ? [...call[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]) : null;
}

describe("sources", () => {
  test("each work has authors, a year, a title and a venue; links are https, DOI, arXiv or the author's own page", () => {
    for (const [key, {authors, year, title, venue, url}] of Object.entries(sources)) {
      expect(key).toMatch(/^[a-z]+\d{4}$/);
      expect(key.endsWith(String(year)), key).toBe(true);
      expect(authors.length).toBeGreaterThan(3);
      expect(year).toBeGreaterThanOrEqual(1950);
      expect(year).toBeLessThanOrEqual(2026);
      expect(title.length).toBeGreaterThan(3);
      expect(venue.length).toBeGreaterThan(3);
      if (url) expect(url).toMatch(/^https?:\/\/(doi\.org\/10\.|arxiv\.org\/abs\/\d{4}\.\d{4,5}$|[\w.-]+\/)/);
    }
  });

  test("a citation reads authors (year). “title”. venue. link — and a book's title is in italics", () => {
    expect(citationHtml("rumelhart1986")).toBe(
      "David E. Rumelhart, Geoffrey E. Hinton &amp; Ronald J. Williams (1986). “Learning representations by back-propagating errors”. Nature 323, 533–536. " +
        '<a href="https://doi.org/10.1038/323533a0">doi.org/10.1038/323533a0</a>'
    );
    expect(citationHtml("goodfellow2016")).toContain("<cite>Deep Learning</cite>");
    expect(citationHtml("maas2013")).not.toContain("<a ");
  });

  test("an unknown key or an empty list is refused with a message that says why", () => {
    expect(() => source("nobody2099")).toThrow(/unknown source "nobody2099"/);
    expect(() => source("toString")).toThrow(/unknown source/);
    expect(() => sourceListHtml([])).toThrow(/at least one/);
    expect(sourceListHtml(["he2015", "he2016"]).match(/<li>/g)).toHaveLength(2);
  });

  test.each(pages)("src/$file ends with a Sources section whose works are all known", ({file, text}) => {
    const keys = pageSourceKeys(text);
    expect(keys, `${file} has no sourceList([...])`).not.toBeNull();
    expect(keys!.length).toBeGreaterThan(0);
    for (const key of keys!) expect(Object.keys(sources), `${file}: ${key}`).toContain(key);
    expect(new Set(keys).size).toBe(keys!.length);
    expect(text).toMatch(/\n## Sources\n/);
    expect(text.slice(text.lastIndexOf("\n## ")).startsWith("\n## Sources\n"), `${file}: Sources is not the last section`).toBe(true);
  });

  test("further reading lists every work exactly once, under one topic", () => {
    const listed = readingTopics.flatMap((topic) => topic.keys);
    expect([...listed].sort()).toEqual(Object.keys(sources).sort());
    const markdown = furtherReadingMarkdown();
    for (const key of Object.keys(sources)) expect(markdown).toContain(citationHtml(key));
    expect(markdown).toMatch(/^---\ntitle: Further reading\n---/);
  });
});
