import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  checkPoint,
  COORDINATE_LIMIT,
  decodePoints,
  encodePoints,
  MAX_POINTS,
  MAX_POINTS_PARAM_LENGTH,
  pointsDataset,
  pointsShareNote,
  roundPoint,
  withoutPointsNear,
  withPoint
} from "../../lib/customPoints.js";
import type {CustomPoint} from "../../lib/customPoints.js";
import {MAX_MESSAGES, parsePointsCsv, pointsToCsv} from "../../lib/pointsCsv.js";

const p = (x1: number, x2: number, label: number): CustomPoint => ({x1, x2, label});

describe("parsePointsCsv", () => {
  it("reads x₁, x₂, label per line, with or without a header", () => {
    const text = "x1,x2,label\n0.5,-0.25,1\n-1,1,-1\n";
    expect(parsePointsCsv(text, "classification")).toEqual({
      points: [p(0.5, -0.25, 1), p(-1, 1, -1)],
      messages: []
    });
    expect(parsePointsCsv("0.5,-0.25,1\n-1,1,-1", "classification").points).toEqual([
      p(0.5, -0.25, 1),
      p(-1, 1, -1)
    ]);
  });

  it("takes commas, semicolons, tabs or spaces between fields, any line ending, and skips blanks and # comments", () => {
    const text = "# my points\r\n\r\n 0.1 , 0.2 , 1 \r0.3;0.4;-1\n0.5\t0.6\t0\n0.7 0.8  +1\n";
    expect(parsePointsCsv(text, "classification")).toEqual({
      points: [p(0.1, 0.2, 1), p(0.3, 0.4, -1), p(0.5, 0.6, -1), p(0.7, 0.8, 1)],
      messages: []
    });
  });

  it("classification labels: 1, and −1 or 0 for the other class", () => {
    const {points, messages} = parsePointsCsv(
      "0,0,1\n0,0,-1\n0,0,0\n0,0,2\n0,0,0.5\n0,0,-1.0",
      "classification"
    );
    expect(points.map((q) => q.label)).toEqual([1, -1, -1, -1]);
    expect(messages).toEqual([
      "line 4: label 2 is not a class (1, or −1 or 0 for the other class)",
      "line 5: label 0.5 is not a class (1, or −1 or 0 for the other class)"
    ]);
  });

  it("regression labels: any number in [−1, 1], kept to two decimals", () => {
    const {points, messages} = parsePointsCsv("0,0,0.123\n0,0,-1\n0,0,1.5\n0,0,-0.001", "regression");
    expect(points.map((q) => q.label)).toEqual([0.12, -1, 0]);
    expect(Object.is(points[2].label, 0)).toBe(true); // −0.001 rounds to 0, not −0
    expect(messages).toEqual(["line 3: label 1.5 is outside −1 to 1"]);
  });

  it("gives a message per line it cannot use, naming the line", () => {
    const text = [
      "x1,x2,label",
      "1,2",
      "0.1,abc,1",
      "0.1,0.2,1,4",
      "3,0,1",
      "0,-1.7,1",
      "Infinity,0,1",
      "0,0,NaN",
      "0.2,0.2,1"
    ].join("\n");
    const {points, messages} = parsePointsCsv(text, "classification");
    expect(points).toEqual([p(0.2, 0.2, 1)]);
    expect(messages).toEqual([
      "line 2: has 2 values; expected 3 (x₁, x₂, label)",
      'line 3: x₂ "abc" is not a number',
      "line 4: has 4 values; expected 3 (x₁, x₂, label)",
      "line 5: x₁ = 3 is outside −1.6 to 1.6, the square the map shows",
      "line 6: x₂ = -1.7 is outside −1.6 to 1.6, the square the map shows",
      'line 7: x₁ "Infinity" is not a number',
      'line 8: the label "NaN" is not a number'
    ]);
  });

  it("only the first line can be a header", () => {
    expect(parsePointsCsv("a,b,c\nx1,x2,label\n0,0,1", "classification").messages).toEqual([
      'line 2: x₁ "x1" is not a number'
    ]);
  });

  it("says so when there is nothing to read", () => {
    for (const text of ["", "   \n\n", "x1,x2,label", "# nothing"]) {
      expect(parsePointsCsv(text, "regression")).toEqual({
        points: [],
        messages: ["no points found: write one point a line as x₁, x₂, label, e.g. 0.5, -0.25, 1"]
      });
    }
  });

  it("caps the points and the messages", () => {
    const many = Array.from({length: MAX_POINTS + 5}, () => "0.1,0.1,1").join("\n");
    const read = parsePointsCsv(many, "classification");
    expect(read.points).toHaveLength(MAX_POINTS);
    expect(read.messages).toEqual([
      `line ${MAX_POINTS + 1} and after: only the first ${MAX_POINTS} points are kept`
    ]);
    const bad = Array.from({length: 50}, () => "oops").join("\n");
    const worse = parsePointsCsv(`0,0,1\n${bad}`, "classification");
    expect(worse.messages).toHaveLength(MAX_MESSAGES + 1);
    expect(worse.messages[0]).toBe("line 2: has 1 values; expected 3 (x₁, x₂, label)");
    expect(worse.messages[MAX_MESSAGES]).toBe(`and ${50 - MAX_MESSAGES} more lines that could not be used`);
  });

  it("shortens a long bad value in its message", () => {
    const {messages} = parsePointsCsv(`0,0,1\n0,${"x".repeat(1000)},1`, "classification");
    expect(messages).toEqual([`line 2: x₂ "${"x".repeat(19)}…" is not a number`]);
  });
});

describe("pointsToCsv", () => {
  it("writes a header and one line per point, read back exactly", () => {
    const points = [p(0.5, -0.25, 1), p(-1.6, 0, -1)];
    expect(pointsToCsv(points)).toBe("x1,x2,label\n0.5,-0.25,1\n-1.6,0,-1\n");
    expect(parsePointsCsv(pointsToCsv(points), "classification")).toEqual({points, messages: []});
    expect(pointsToCsv([])).toBe("x1,x2,label\n");
  });
});

describe("encodePoints and decodePoints", () => {
  it("pack points compactly, two decimals, no leading zeros", () => {
    expect(encodePoints([p(0.5, -0.25, 1), p(0, 1.2, -1), p(-0.004, 0.126, 0.999)])).toBe(
      ".5,-.25,1_0,1.2,-1_0,.13,1"
    );
    expect(encodePoints([])).toBe("");
  });

  it("use only characters an address carries unescaped (besides the comma)", () => {
    const text = encodePoints([p(-1.55, 1.6, -1), p(0.01, -0.99, 1)]);
    expect(encodeURIComponent(text).replaceAll("%2C", ",")).toBe(text);
    expect(new URLSearchParams({points: text}).toString().replaceAll("%2C", ",")).toBe(`points=${text}`);
  });

  it("round-trip every point already kept to two decimals (property)", () => {
    const hundredths = (lo: number, hi: number) =>
      fc.integer({min: lo * 100, max: hi * 100}).map((k) => k / 100);
    fc.assert(
      fc.property(
        fc.array(fc.record({x1: hundredths(-1.6, 1.6), x2: hundredths(-1.6, 1.6), label: hundredths(-1, 1)})),
        (points) => {
          expect(decodePoints(encodePoints(points), "regression")).toEqual({points, problems: []});
        }
      )
    );
  });

  it("decoding says which points it leaves out and why", () => {
    expect(decodePoints("1,2_.1,.1,1_.2,.2,.5_2,0,1", "classification")).toEqual({
      points: [p(0.1, 0.1, 1)],
      problems: [
        'point 1 ("1,2") is not three numbers x₁,x₂,label',
        'point 3 (".2,.2,.5") cannot be used: label 0.5 is not a class (1, or −1 or 0 for the other class)',
        'point 4 ("2,0,1") cannot be used: x₁ = 2 is outside −1.6 to 1.6, the square the map shows'
      ]
    });
    expect(decodePoints("  ", "classification")).toEqual({points: [], problems: []});
    expect(decodePoints("_", "classification").problems).toHaveLength(2);
    expect(decodePoints("1e0,-0,.5", "regression").points).toEqual([p(1, 0, 0.5)]);
  });

  it("decoding keeps at most MAX_POINTS points", () => {
    const text = Array.from({length: MAX_POINTS + 3}, () => ".1,.1,1").join("_");
    const {points, problems} = decodePoints(text, "classification");
    expect(points).toHaveLength(MAX_POINTS);
    expect(problems).toEqual([`only the first ${MAX_POINTS} points are kept`]);
  });
});

describe("pointsShareNote", () => {
  it("is null while the points fit in the address, a sentence once they do not", () => {
    const point = p(-1.23, 1.23, -1); // "-1.23,1.23,-1" and "_": 14 characters a point
    const fits = Math.floor((MAX_POINTS_PARAM_LENGTH + 1) / 14);
    expect(encodePoints(Array(fits).fill(point)).length).toBeLessThanOrEqual(MAX_POINTS_PARAM_LENGTH);
    expect(pointsShareNote(Array(fits).fill(point))).toBeNull();
    expect(pointsShareNote(Array(fits + 1).fill(point))).toBe(
      `${fits + 1} points are too many to share in the address; download them as CSV`
    );
    expect(pointsShareNote([])).toBeNull();
  });
});

describe("checkPoint and roundPoint", () => {
  it("round to two decimals, −0 to 0", () => {
    expect(roundPoint(p(0.123, -0.126, 0.555))).toEqual(p(0.12, -0.13, 0.56));
    expect(Object.is(roundPoint(p(-0.001, -0, 0)).x1, 0)).toBe(true);
    expect(Object.is(roundPoint(p(-0.001, -0, 0)).x2, 0)).toBe(true);
  });

  it("accept the edges of the square and refuse what lies beyond, NaN and infinities", () => {
    expect(checkPoint(COORDINATE_LIMIT, -COORDINATE_LIMIT, 1, "classification")).toEqual(p(1.6, -1.6, 1));
    expect(checkPoint(1.6000001, 0, 1, "classification")).toMatch(/^x₁ = 1.6000001 is outside/);
    expect(checkPoint(NaN, 0, 1, "classification")).toMatch(/^x₁ = NaN is outside/);
    expect(checkPoint(0, -Infinity, 1, "classification")).toMatch(/^x₂ = -Infinity is outside/);
    expect(checkPoint(0, 0, NaN, "regression")).toBe("label NaN is not a finite number");
    expect(checkPoint(0, 0, Infinity, "classification")).toBe("label Infinity is not a finite number");
    expect(checkPoint(1e-300, -1e-300, 1e-300, "regression")).toEqual(p(0, 0, 0));
  });
});

describe("withPoint and withoutPointsNear", () => {
  it("add a rounded point, or say why not", () => {
    const start = [p(0, 0, 1)];
    expect(withPoint(start, 0.333, -0.5, -1, "classification")).toEqual({
      points: [p(0, 0, 1), p(0.33, -0.5, -1)]
    });
    expect(withPoint(start, 0.1, 0.1, 0, "classification").points).toEqual([p(0, 0, 1), p(0.1, 0.1, -1)]);
    const refused = withPoint(start, 5, 0, 1, "classification");
    expect(refused.points).toBe(start);
    expect(refused.message).toMatch(/outside −1.6 to 1.6/);
    expect(withPoint(start, 0, 0, 0.4, "regression").points).toEqual([p(0, 0, 1), p(0, 0, 0.4)]);
    const full = Array(MAX_POINTS).fill(p(0, 0, 1));
    expect(withPoint(full, 0, 0, 1, "classification")).toEqual({
      points: full,
      message: `at most ${MAX_POINTS} points can be kept`
    });
  });

  it("erase the points within a radius, the same array when none is", () => {
    const points = [p(0, 0, 1), p(0.1, 0, -1), p(0.5, 0.5, 1)];
    expect(withoutPointsNear(points, 0, 0, 0.1)).toEqual([p(0.5, 0.5, 1)]);
    expect(withoutPointsNear(points, 1, 1, 0.1)).toBe(points);
    expect(withoutPointsNear(points, NaN, 0, 1)).toBe(points);
    expect(withoutPointsNear(points, 0, 0, Infinity)).toEqual([]);
  });
});

describe("pointsDataset", () => {
  it("lays the points out as a dataset", () => {
    const d = pointsDataset([p(0.5, -0.25, 1), p(-1, 1, -1)]);
    expect(d.count).toBe(2);
    expect(Array.from(d.inputs)).toEqual([0.5, -0.25, -1, 1]);
    expect(Array.from(d.targets)).toEqual([1, -1]);
    expect(pointsDataset([])).toEqual({inputs: new Float64Array(0), targets: new Float64Array(0), count: 0});
  });
});
