import {fileURLToPath} from "node:url";
import {defineConfig} from "vitest/config";

// Two projects, one command: `unit` tests the math library and build tooling in Node;
// `browser` builds the site, serves dist/ and drives Debian's Chromium. Unit tests of the
// chart components resolve the `npm:` imports Framework serves in the browser to the
// installed packages (the course's Plot bundle to a shim of the same names).
export default defineConfig({
  test: {
    projects: [
      {
        resolve: {
          alias: {
            "npm:@observablehq/plot/course": fileURLToPath(new URL("test/shims/plot-course.js", import.meta.url)),
            "npm:htl": "htl"
          }
        },
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/browser/**"],
          testTimeout: 30_000
        }
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/browser/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000
        }
      }
    ]
  }
});
