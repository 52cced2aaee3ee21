// @vitest-environment jsdom
// A lazily loaded module's styles are added to the page once, whatever calls them again.
import {describe, expect, it} from "vitest";
import {addLazyStyle} from "../../src/components/lazyStyle.js";
import {addNetworkDiagramStyle} from "../../src/components/networkDiagramStyle.js";
import {addNotebookStyle} from "../../src/components/notebookStyle.js";
import {addPointsStyle} from "../../src/components/playgroundPointsStyle.js";

describe("addLazyStyle", () => {
  it("adds one <style> per id to the head, once", () => {
    addLazyStyle(document, "test-style", ".a { color: red; }");
    addLazyStyle(document, "test-style", ".b { color: blue; }");
    const styles = document.head.querySelectorAll("style#test-style");
    expect(styles).toHaveLength(1);
    expect(styles[0].textContent).toBe(".a { color: red; }");
  });

  it("serves the notebook's, the network diagram's and the points editor's styles, each once", () => {
    addNotebookStyle(document);
    addPointsStyle(document);
    addPointsStyle(document);
    expect(document.querySelectorAll("style#points-style")).toHaveLength(1);
    expect(document.getElementById("points-style")!.textContent).toContain('.pg-data-chart[data-editing="erase"]');
    addNetworkDiagramStyle(document);
    addNetworkDiagramStyle(document);
    expect(document.querySelectorAll("style#notebook-style")).toHaveLength(1);
    expect(document.querySelectorAll("style#network-diagram-style")).toHaveLength(1);
    expect(document.getElementById("network-diagram-style")!.textContent).toContain(".nd-wire.nd-negative");
  });
});
