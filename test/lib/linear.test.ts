import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {createRandom, forward, uniform} from "../../lib/index.js";
import type {DenseLayer} from "../../lib/index.js";
import {
  affineFromDense,
  applyAffine,
  collapseLinear,
  composeAffine,
  denseFromAffine,
  identity,
  matMul,
  matVec
} from "../../lib/linear.js";
import type {AffineMap} from "../../lib/linear.js";
import {expectClose} from "./helpers.js";

const finite = fc.double({min: -3, max: 3, noNaN: true, noDefaultInfinity: true});
const matrix = (rows: number, columns: number) =>
  fc.array(fc.array(finite, {minLength: columns, maxLength: columns}), {minLength: rows, maxLength: rows});
const vector = (n: number) => fc.array(finite, {minLength: n, maxLength: n});
const affine = (outputs: number, inputs: number) =>
  fc.record({W: matrix(outputs, inputs), b: vector(outputs)});

describe("matMul and matVec", () => {
  it("multiply small matrices as by hand", () => {
    expect(
      matMul(
        [
          [1, 2],
          [3, 4]
        ],
        [
          [5, 6],
          [7, 8]
        ]
      )
    ).toEqual([
      [19, 22],
      [43, 50]
    ]);
    expect(matMul([[1, 2, 3]], [[1], [0], [-1]])).toEqual([[-2]]);
    expect(
      matVec(
        [
          [1, 2],
          [3, 4]
        ],
        [1, -1]
      )
    ).toEqual([-1, -1]);
  });

  it("leave a matrix unchanged when multiplied by the identity", () => {
    const A = [
      [1.5, -2],
      [0.25, 3],
      [7, 0]
    ];
    expect(matMul(A, identity(2))).toEqual(A);
    expect(matMul(identity(3), A)).toEqual(A);
  });

  it("refuse mismatched shapes, ragged rows and non-finite entries with a message", () => {
    expect(() => matMul([[1, 2]], [[1, 2]])).toThrow("cannot multiply a 1×2 matrix by a 1×2 matrix");
    expect(() => matMul([[1, 2], [3]], [[1], [2]])).toThrow("A[1] has 1 entries, expected 2");
    expect(() => matVec([[1, NaN]], [1, 2])).toThrow("A[0][1] is NaN");
    expect(() => matVec([[1, 2]], [1])).toThrow("x has 1 entries, expected 2");
    expect(() => matMul([], [[1]])).toThrow("non-empty");
    expect(() => identity(0)).toThrow("n must be an integer ≥ 1");
  });
});

describe("applyAffine", () => {
  it("computes W·x + b", () => {
    expect(
      applyAffine(
        {
          W: [
            [2, 0],
            [1, -1]
          ],
          b: [1, 0.5]
        },
        [3, 4]
      )
    ).toEqual([7, -0.5]);
  });

  it("refuses a bias of the wrong length", () => {
    expect(() => applyAffine({W: [[1, 2]], b: [1, 2]}, [1, 1])).toThrow("map.b has 2 entries, expected 1");
  });
});

describe("composeAffine", () => {
  it("collapses two layers into W₂W₁ and W₂b₁ + b₂", () => {
    const first: AffineMap = {
      W: [
        [1, 2],
        [3, 4]
      ],
      b: [1, -1]
    };
    const second: AffineMap = {
      W: [
        [0, 1],
        [-1, 2]
      ],
      b: [0.5, 0]
    };
    expect(composeAffine([first, second])).toEqual({
      W: [
        [3, 4],
        [5, 6]
      ],
      b: [-0.5, -3]
    });
  });

  it("gives a copy of a single layer, and collapses scalar chains to the product of the weights", () => {
    const only: AffineMap = {W: [[2]], b: [1]};
    const single = composeAffine([only]);
    expect(single).toEqual(only);
    expect(single.W).not.toBe(only.W);
    // y = 0.5·(−1.5·(2x + 1) + 0) + 2 = −1.5x + 1.25
    expect(composeAffine([only, {W: [[-1.5]], b: [0]}, {W: [[0.5]], b: [2]}])).toEqual({
      W: [[-1.5]],
      b: [1.25]
    });
  });

  it("handles changing widths (3 → 2 → 1)", () => {
    const collapsed = composeAffine([
      {
        W: [
          [1, 0, 1],
          [0, 1, 1]
        ],
        b: [0, 0]
      },
      {W: [[2, -1]], b: [3]}
    ]);
    expect(collapsed).toEqual({W: [[2, -1, 1]], b: [3]});
  });

  it("refuses an empty stack and layers that do not fit together", () => {
    expect(() => composeAffine([])).toThrow("non-empty");
    expect(() =>
      composeAffine([
        {W: [[1, 2]], b: [0]},
        {W: [[1, 2]], b: [0]}
      ])
    ).toThrow("layers[1] takes 2 inputs but layers[0] gives 1 outputs");
    expect(() => composeAffine([{W: [[1]], b: [Infinity]}])).toThrow("layers[0].b[0] is Infinity");
  });

  it("equals applying the layers one after the other (property)", () => {
    fc.assert(
      fc.property(affine(3, 2), affine(2, 3), affine(2, 2), vector(2), (l1, l2, l3, x) => {
        const stacked = applyAffine(l3, applyAffine(l2, applyAffine(l1, x)));
        const collapsed = applyAffine(composeAffine([l1, l2, l3]), x);
        collapsed.forEach((v, j) => expectClose(v, stacked[j], 1e-12, 1e-12, `output ${j}`));
      })
    );
  });

  it("is associative: collapsing in two steps gives the same map", () => {
    fc.assert(
      fc.property(affine(2, 2), affine(2, 2), affine(2, 2), (a, b, c) => {
        const all = composeAffine([a, b, c]);
        const stepwise = composeAffine([composeAffine([a, b]), c]);
        all.W.flat().forEach((v, k) => expectClose(v, stepwise.W.flat()[k], 1e-12, 1e-12));
        all.b.forEach((v, k) => expectClose(v, stepwise.b[k], 1e-12, 1e-12));
      })
    );
  });
});

describe("DenseLayer conversion", () => {
  it("a stack of linear DenseLayers run by forward equals the collapsed map", () => {
    fc.assert(
      fc.property(affine(2, 2), affine(2, 2), vector(2), (l1, l2, x) => {
        const {a} = forward(denseFromAffine([l1, l2]), x);
        const collapsed = applyAffine(composeAffine([l1, l2]), x);
        collapsed.forEach((v, j) => expectClose(a[1][j], v, 1e-12, 1e-12));
      })
    );
  });

  it("round-trips weights and biases and keeps the activation out of the map", () => {
    const [layer] = denseFromAffine([{W: [[1, 2]], b: [3]}], "relu");
    expect(layer).toEqual({weights: [[1, 2]], biases: [3], activation: "relu"});
    expect(affineFromDense(layer)).toEqual({W: [[1, 2]], b: [3]});
  });

  it("with ReLU between the layers, the stack is no longer the collapsed affine map", () => {
    const layers: AffineMap[] = [
      {
        W: [
          [1, 0],
          [0, 1]
        ],
        b: [0, 0]
      },
      {W: [[1, 1]], b: [0]}
    ];
    const x = [-1, 2];
    const relu = forward(denseFromAffine(layers, "relu"), x).a[1][0];
    expect(relu).toBe(2); // relu(−1) + relu(2)
    expect(applyAffine(composeAffine(layers), x)[0]).toBe(1);
  });
});

describe("collapseLinear", () => {
  it("turns w2(w1·x + b1) + b2 into one weight and bias", () => {
    const net: DenseLayer[] = [
      {weights: [[2]], biases: [1], activation: "linear"},
      {weights: [[3]], biases: [-1], activation: "linear"}
    ];
    expect(collapseLinear(net)).toEqual({W: [[6]], b: [2]});
    for (const x of [-2, 0, 0.5, 7]) expect(forward(net, [x]).a[1][0]).toBe(6 * x + 2);
  });

  it("matches forward on random stacks of linear layers of any width", () => {
    const random = createRandom(7);
    for (let trial = 0; trial < 20; trial++) {
      const sizes = [
        1 + Math.floor(random() * 3),
        1 + Math.floor(random() * 4),
        1 + Math.floor(random() * 4),
        1 + Math.floor(random() * 3)
      ];
      const net: DenseLayer[] = sizes.slice(1).map((units, l) => ({
        weights: Array.from({length: units}, () =>
          Array.from({length: sizes[l]}, () => uniform(random, -2, 2))
        ),
        biases: Array.from({length: units}, () => uniform(random, -2, 2)),
        activation: "linear"
      }));
      const single = collapseLinear(net);
      expect(single.W).toHaveLength(sizes[3]);
      expect(single.W[0]).toHaveLength(sizes[0]);
      const input = Array.from({length: sizes[0]}, () => uniform(random, -3, 3));
      const expected = forward(net, input).a[2];
      applyAffine(single, input).forEach((v, k) => expect(v).toBeCloseTo(expected[k], 12));
    }
  });

  it("refuses a stack with a non-linear activation, or a malformed one", () => {
    const net: DenseLayer[] = [
      {weights: [[2]], biases: [1], activation: "relu"},
      {weights: [[3]], biases: [-1], activation: "linear"}
    ];
    expect(() => collapseLinear(net)).toThrow(/layer 0 uses relu/);
    expect(() => collapseLinear([])).toThrow(/empty/);
  });
});
