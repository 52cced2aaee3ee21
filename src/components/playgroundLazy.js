// What the playground's panel (./playground.js) loads once its lower part nears the screen:
// the network diagram and the loss and gradient charts. One module for both, rather than one
// import each: the page's bundle is split by which entries reach each module
// (scripts/page-bundles.js), and a second entry sharing modules with the page and with the
// diagram would add chunks to the page's first load.
export {networkDiagram} from "./networkDiagram.js";
export {gradientChart, lossChart, lossLegend} from "./playgroundCharts.js";
