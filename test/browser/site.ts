import {coursePages} from "../../observablehq.config.js";

type Entry = {name: string; path?: string; pages?: Entry[]};

function flatten(entries: Entry[]): {name: string; path: string}[] {
  return entries.flatMap((entry) =>
    entry.pages ? flatten(entry.pages) : [{name: entry.name, path: entry.path!}]
  );
}

/** Every page of the site, home first, with the name the sidebar gives it. */
export const sitePages: {name: string; path: string}[] = [
  {name: "Activation Functions & Derivatives", path: "/"},
  ...flatten(coursePages)
];
