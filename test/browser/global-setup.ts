import {spawnSync} from "node:child_process";
import type {TestProject} from "vitest/node";
import {serveDist} from "../../scripts/serve.js";
import {assertChromiumInstalled} from "./chromium.js";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Builds the site exactly as `npm run build` does (offline cache, build, dist checks), then
 * serves dist/ on 127.0.0.1 for the browser tests. A missing Chromium fails the run here.
 * BROWSER_TESTS_REUSE_DIST=1 serves an existing dist/ without rebuilding (for quick reruns).
 */
export default async function setup(project: TestProject) {
  assertChromiumInstalled();
  if (process.env.BROWSER_TESTS_REUSE_DIST !== "1") {
    const build = spawnSync("npm", ["run", "build", "--silent"], {
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8"
    });
    if (build.status !== 0) {
      throw new Error(`npm run build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
    }
  }
  const server = await serveDist();
  project.provide("baseUrl", server.url);
  return () => server.close();
}
