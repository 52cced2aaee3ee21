// Every file under a folder, for the build scripts that go through dist/ and the sources.
import {readdirSync} from "node:fs";
import {join} from "node:path";

/** The paths of every file under `dir`, at any depth. */
export function walk(dir) {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]
  );
}
