// For unit tests in Node: `npm:@observablehq/plot/course` (the course's bundle of Plot and
// some of d3, built by scripts/offline-cache.js) as the same names from the installed
// packages. test/scripts/offline-cache.test.ts checks that it exports every name the bundle
// does.
export {areaY, cell, dot, frame, line, lineY, plot, rect, ruleX, ruleY, text} from "@observablehq/plot";
export {
  nice,
  pathRound,
  symbol,
  symbolAsterisk,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolDiamond2,
  symbolPlus,
  symbolSquare,
  symbolStar,
  symbolTimes,
  symbolTriangle,
  symbolTriangle2,
  symbolWye,
  tickFormat,
  ticks
} from "d3";
