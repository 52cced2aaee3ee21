// Affine maps x ↦ W·x + b and how a stack of them collapses into one: the algebra behind
// "without an activation function, many layers are no better than one".

import {validateNetwork} from "./network.js";
import type {DenseLayer} from "./network.js";

/** A matrix as rows: m[j][i] is row j, column i. */
export type Matrix = number[][];

/** The affine map x ↦ W·x + b, with W of shape outputs × inputs and b of length outputs. */
export interface AffineMap {
  W: Matrix;
  b: number[];
}

function checkFinite(name: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(`${name} is ${String(value)}, expected a finite number`);
  }
}

/** Checks that m is a non-empty rectangular matrix of finite numbers; returns [rows, columns]. */
function checkMatrix(name: string, m: unknown): [number, number] {
  if (!Array.isArray(m) || m.length === 0) throw new Error(`${name} must be a non-empty array of rows`);
  const columns = Array.isArray(m[0]) ? m[0].length : 0;
  if (columns === 0) throw new Error(`${name}[0] must be a non-empty array`);
  m.forEach((row, j) => {
    if (!Array.isArray(row) || row.length !== columns) {
      throw new Error(
        `${name}[${j}] has ${Array.isArray(row) ? row.length : "no"} entries, expected ${columns}`
      );
    }
    row.forEach((v, i) => checkFinite(`${name}[${j}][${i}]`, v));
  });
  return [m.length, columns];
}

function checkVector(name: string, v: unknown, length: number): void {
  if (!Array.isArray(v) || v.length !== length) {
    throw new Error(`${name} has ${Array.isArray(v) ? v.length : "no"} entries, expected ${length}`);
  }
  v.forEach((x, i) => checkFinite(`${name}[${i}]`, x));
}

/** The n × n identity matrix. */
export function identity(n: number): Matrix {
  if (!Number.isInteger(n) || n < 1) throw new Error(`n must be an integer ≥ 1, got ${String(n)}`);
  return Array.from({length: n}, (_, j) => Array.from({length: n}, (_, i) => (i === j ? 1 : 0)));
}

/** The matrix product A·B (A is m × k, B is k × n). */
export function matMul(A: Matrix, B: Matrix): Matrix {
  const [m, k] = checkMatrix("A", A);
  const [kB, n] = checkMatrix("B", B);
  if (k !== kB) throw new Error(`cannot multiply a ${m}×${k} matrix by a ${kB}×${n} matrix`);
  return Array.from({length: m}, (_, j) =>
    Array.from({length: n}, (_, i) => {
      let sum = 0;
      for (let t = 0; t < k; t++) sum += A[j][t] * B[t][i];
      return sum;
    })
  );
}

/** The matrix–vector product A·x. */
export function matVec(A: Matrix, x: number[]): number[] {
  const [, k] = checkMatrix("A", A);
  checkVector("x", x, k);
  return A.map((row) => {
    let sum = 0;
    for (let t = 0; t < k; t++) sum += row[t] * x[t];
    return sum;
  });
}

/** Checks an affine map's shapes and numbers (naming it `name` in errors); returns [outputs, inputs]. */
export function checkAffine(map: AffineMap, name = "map"): [number, number] {
  if (map === null || typeof map !== "object") throw new Error(`${name} must be an object {W, b}`);
  const [rows, columns] = checkMatrix(`${name}.W`, map.W);
  checkVector(`${name}.b`, map.b, rows);
  return [rows, columns];
}

/** W·x + b. */
export function applyAffine(map: AffineMap, x: number[]): number[] {
  checkAffine(map);
  const y = matVec(map.W, x);
  return y.map((v, j) => v + map.b[j]);
}

/**
 * The single affine map equal to applying `layers` in order (layers[0] first):
 * W = W_L ⋯ W_2 W_1 and b = W_L(⋯(W_2 b_1 + b_2)⋯) + b_L. Each layer's input size must
 * match the previous layer's output size.
 */
export function composeAffine(layers: AffineMap[]): AffineMap {
  if (!Array.isArray(layers) || layers.length === 0)
    throw new Error("layers must be a non-empty array of {W, b}");
  let outputs = 0;
  layers.forEach((layer, l) => {
    const [rows, columns] = checkAffine(layer, `layers[${l}]`);
    if (l > 0 && columns !== outputs) {
      throw new Error(`layers[${l}] takes ${columns} inputs but layers[${l - 1}] gives ${outputs} outputs`);
    }
    outputs = rows;
  });
  let W = layers[0].W.map((row) => row.slice());
  let b = layers[0].b.slice();
  for (let l = 1; l < layers.length; l++) {
    const {W: Wl, b: bl} = layers[l];
    W = matMul(Wl, W);
    b = matVec(Wl, b).map((v, j) => v + bl[j]);
  }
  return {W, b};
}

/** The affine map of a DenseLayer (its weights and biases; the activation is ignored). */
export function affineFromDense(layer: DenseLayer): AffineMap {
  return {W: layer.weights.map((row) => row.slice()), b: layer.biases.slice()};
}

/** DenseLayers with the given affine maps and one activation (default "linear"), for `forward`. */
export function denseFromAffine(
  layers: AffineMap[],
  activation: DenseLayer["activation"] = "linear"
): DenseLayer[] {
  return layers.map((layer, l) => {
    checkAffine(layer, `layers[${l}]`);
    return {weights: layer.W.map((row) => row.slice()), biases: layer.b.slice(), activation};
  });
}

/**
 * The single affine map that a network of linear layers computes:
 * W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂), and so on for deeper stacks. Throws when a layer
 * uses any other activation (then no single layer can match it) or the shapes are invalid.
 */
export function collapseLinear(net: DenseLayer[]): AffineMap {
  validateNetwork(net);
  net.forEach((layer, l) => {
    if (layer.activation !== "linear") {
      throw new Error(`layer ${l} uses ${layer.activation}: only a stack of linear layers collapses to one layer`);
    }
  });
  return composeAffine(net.map(affineFromDense));
}

