import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
// @ts-expect-error: Framework's internals have no types
import {createMarkdownIt, parseMarkdown} from "@observablehq/framework/dist/markdown.js";
import config from "../../observablehq.config.js";
import {builtCells, importSpecifiers, markdownCells, pageNotebook} from "../../scripts/notebook-sources.js";
import {downloadName, substituteEdits} from "../../src/components/notebookMarkdown.js";

const md = createMarkdownIt({markdownIt: config.markdownIt});
const hash = (source: string) => createHash("sha256").update(source).digest("hex").slice(0, 8);

const fixture = `---
title: A page
---

# A page

\`\`\`js
import {f} from "./lib/f.js";
const a = f(1);
\`\`\`

The value is \${a}.

- In a list:

  \`\`\`js
  const b = a + 1;
  \`\`\`

\`\`\`js echo
b * 2
\`\`\`

\`\`\`js run=false
notRun()
\`\`\`

\`\`\`css
p {}
\`\`\`
`;

const cellA = 'import {f} from "./lib/f.js";\nconst a = f(1);';
const builtFixture = `<script type="module">
import {define} from "./_observablehq/client.abc12345.js";

define({id: "${hash(cellA + "\n")}", outputs: ["f","a"], body: async () => {
const {f} = await import("./_import/pages/page.H.js").then((module) => module.m0);
const a = f(1);
return {f,a};
}});

define({id: "${hash("a")}", mode: "inline", inputs: ["a","display"], body: async (a,display) => {
display(await(
a
))
}});

define({id: "${hash("const b = a + 1;\n")}", inputs: ["a"], outputs: ["b"], body: (a) => {
const b = a + 1;
return {b};
}});

define({id: "${hash("b * 2\n")}", inputs: ["b","display"], body: async (b,display) => {
display(await(
b * 2
))
}});
</script>`;

describe("markdownCells", () => {
  test("finds each JavaScript block cell with Framework's id and the lines of its code", () => {
    const cells = markdownCells(fixture, md);
    expect(cells.map((c: {source: string}) => c.source)).toEqual([cellA, "const b = a + 1;", "b * 2"]);
    expect(cells.map((c: {id: string}) => c.id)).toEqual([
      hash(cellA + "\n"),
      hash("const b = a + 1;\n"),
      hash("b * 2\n")
    ]);
    const lines = fixture.split("\n");
    for (const {source, start, end, indent} of cells)
      expect(
        lines
          .slice(start, end)
          .map((line) => line.slice(indent))
          .join("\n")
      ).toBe(source);
    expect(cells[1].indent).toBe(2);
  });

  test("gives the ids Framework's own parser gives, on a real page", () => {
    const markdown = readFileSync("src/sigmoid.md", "utf8");
    const cells = markdownCells(markdown, md, "/sigmoid");
    const parsed = parseMarkdown(markdown, {md, path: "/sigmoid"});
    const blocks = parsed.code.filter((c: {mode: string}) => c.mode === "block");
    expect(cells.length).toBeGreaterThan(5);
    expect(cells.map((c: {id: string}) => c.id)).toEqual(blocks.map((c: {id: string}) => c.id));
    expect(cells.map((c: {source: string}) => c.source + "\n")).toEqual(
      blocks.map((c: {node: {input: string}}) => c.node.input)
    );
  });
});

describe("importSpecifiers", () => {
  test("lists declarations first, then expressions in the order they stand", () => {
    expect(
      importSpecifiers(
        'const m = await import("./b.js");\nimport {a} from "./a.js";\nimport("./c.js");\nimport * as d from "npm:d";'
      )
    ).toEqual(["./a.js", "npm:d", "./b.js", "./c.js"]);
    expect(importSpecifiers("(await import('./e.js')).x")).toEqual(["./e.js"]);
    expect(importSpecifiers("const m = import(`./f.js`);\nconst n = import(`./${name}.js`);")).toEqual([
      "./f.js"
    ]);
    expect(importSpecifiers("const = ;")).toEqual([]);
  });
});

describe("pageNotebook", () => {
  test("pairs each cell's imports with where the built page loads them from", () => {
    const {cells: built, client} = builtCells(builtFixture);
    expect(client).toBe("./_observablehq/client.abc12345.js");
    expect(built.get(hash("a"))?.mode).toBe("inline");
    const data = pageNotebook({markdown: fixture, html: builtFixture, md});
    expect(data.imports).toEqual({"./lib/f.js": {url: "./_import/pages/page.H.js", member: "m0"}});
    expect(data.cells).toHaveLength(3);
    expect(data.client).toBe(client);
    expect(data.markdown).toBe(fixture);
  });

  test("fails loudly when the built page and the Markdown disagree", () => {
    expect(() =>
      pageNotebook({markdown: fixture + "\n```js\nconst z = 1;\n```\n", html: builtFixture, md})
    ).toThrow(/not in the built page/);
    const noImport = builtFixture.replace(/const \{f\} = await import[^\n]*\n/, "");
    expect(() => pageNotebook({markdown: fixture, html: noImport, md})).toThrow(/imports 1 modules/);
  });
});

describe("substituteEdits", () => {
  const cells = markdownCells(fixture, md);
  const fences = cells.map(
    ({id, start, end, indent}: {id: string; start: number; end: number; indent: number}) => ({
      id,
      start,
      end,
      indent
    })
  );

  test("writes edits into their cells, indented as the fence is, and leaves the rest", () => {
    const out = substituteEdits(fixture, fences, {
      [cells[0].id]: "const a = 2;\nconst c = 3;",
      [cells[1].id]: "const b = a - 1;\n"
    });
    const again = markdownCells(out, md);
    expect(again.map((c: {source: string}) => c.source)).toEqual([
      "const a = 2;\nconst c = 3;",
      "const b = a - 1;",
      "b * 2"
    ]);
    expect(out).toContain("  ```js\n  const b = a - 1;\n  ```");
    expect(out.split("\n").slice(0, 6)).toEqual(fixture.split("\n").slice(0, 6));
    expect(substituteEdits(fixture, fences, {})).toBe(fixture);
    expect(substituteEdits(fixture, fences, {unknown: "x"})).toBe(fixture);
  });

  test("keeps a fence closed when the new code holds a fence of its own, and takes an empty cell", () => {
    const out = substituteEdits(fixture, fences, {[cells[2].id]: "`\n```\nb"});
    expect(markdownCells(out, md)[2].source).toBe("`\n```\nb");
    const empty = substituteEdits(fixture, fences, {[cells[2].id]: ""});
    expect(markdownCells(empty, md).map((c: {source: string}) => c.source)).toEqual([
      cellA,
      "const b = a + 1;",
      ""
    ]);
  });

  test("an edited real page parses again with the same cells, the edited one changed", () => {
    for (const page of ["sigmoid", "backpropagation", "playground"]) {
      const markdown = readFileSync(`src/${page}.md`, "utf8");
      const cells = markdownCells(markdown, md, `/${page}`);
      const target = cells[Math.floor(cells.length / 2)];
      const edited = `${target.source}\n// edited by a reader`;
      const out = substituteEdits(markdown, cells, {[target.id]: edited});
      const parsed = parseMarkdown(out, {md, path: `/${page}`});
      expect(parsed.body).not.toContain("observablehq--error");
      const again = markdownCells(out, md, `/${page}`);
      expect(again.map((c: {id: string}) => c.id)).toEqual(
        cells.map((c: {id: string}) => (c === target ? hash(edited + "\n") : c.id))
      );
      expect(again.find((c: {id: string}) => c.id === hash(edited + "\n")).source).toBe(edited);
    }
  });

  test("names the download after the page", () => {
    expect(downloadName("/course/sigmoid")).toBe("sigmoid.md");
    expect(downloadName("/sigmoid.html")).toBe("sigmoid.md");
    expect(downloadName("/course/")).toBe("index.md");
    expect(downloadName("")).toBe("index.md");
  });
});
