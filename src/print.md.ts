// The "Print the course" page, written when the site is built, so its list of pages is the
// course's own (coursePages in observablehq.config.ts), in order, without this page itself.
import {coursePages} from "../observablehq.config.js";

type Entry = {name: string; path?: string; pages?: Entry[]};

const flatten = (entries: Entry[]): {name: string; path: string}[] =>
  entries.flatMap((entry) => (entry.pages ? flatten(entry.pages) : [{name: entry.name, path: entry.path!}]));

// Relative addresses ("./sigmoid"), so the page works wherever the site is published.
const pages = flatten(coursePages)
  .filter(({path}) => path !== "/print")
  .map(({name, path}) => ({name, path: `.${path}`}));

process.stdout.write(`---
title: Print the course
---

# Print the course

<div class="screen-only">

Every page of the course can be printed on its own as a handout: the sidebar and controls are left out, and each control's value is written where it stood. This page goes further and gathers the whole course into one document, in order, so it prints (or saves as a PDF) in one go. Gathering loads each page in the background, in turn, and copies it here with its charts as they are first drawn; it takes a little while.

</div>

\`\`\`js
import {printCourse} from "./components/print.js";
display(printCourse(${JSON.stringify(pages)}));
\`\`\`
`);
