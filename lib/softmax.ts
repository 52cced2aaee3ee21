// Softmax: a vector of logits z turned into probabilities p_k = e^{z_k} / Σ_j e^{z_j}, with
// log-sum-exp, log-softmax, the Jacobian and the gradient of cross-entropy with respect to
// the logits. Every function subtracts the largest logit m first (softmax is unchanged by
// adding a constant to every logit), so e^{z − m} ≤ 1 never overflows and a logit of 1000
// works as well as a logit of 1.
//
// Numerical conventions, shared by every function here:
// - logits must be a non-empty array of numbers; anything else throws an Error naming it.
// - NaN anywhere gives NaN in every entry (every probability depends on every logit).
// - ±Infinity gives the limit: a logit of −∞ has probability 0 (log-probability −∞); when the
//   largest logit is +∞, the entries equal to it share the probability equally and every
//   other entry gets 0. When every logit is −∞ they are all equal, and equal logits share
//   equally, so the answer is uniform there too (log-sum-exp itself is −∞).
// - −0 is a logit of 0: softmax([−0, 0]) = [½, ½].

/** The TeX of softmax and its companions, for `$@softmax.f$` in Markdown (see lossReferences). */
export const softmaxTex = Object.freeze({
  f: "\\operatorname{softmax}(z)_k = p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}",
  stable: "p_k = \\frac{e^{z_k - m}}{\\sum_j e^{z_j - m}},\\quad m = \\max_j z_j",
  logSumExp: "\\operatorname{LSE}(z) = \\ln \\sum_j e^{z_j} = m + \\ln \\sum_j e^{z_j - m}",
  logSoftmax: "\\ln p_k = z_k - \\operatorname{LSE}(z)",
  jacobian:
    "\\frac{\\partial p_i}{\\partial z_j} = \\begin{cases} p_i\\,(1 - p_i) & i = j \\\\ -\\,p_i\\,p_j & i \\ne j \\end{cases}",
  jacobianMatrix: "J = \\operatorname{diag}(p) - p\\,p^{\\mathsf{T}}",
  crossEntropyGradient: "\\frac{\\partial L}{\\partial z_k} = p_k - t_k"
});

/** Throws unless logits is a non-empty array of numbers (NaN and ±Infinity are allowed). */
export function checkLogits(logits: unknown, name = "logits"): asserts logits is readonly number[] {
  if (!Array.isArray(logits)) throw new Error(`${name} must be an array of numbers`);
  if (logits.length === 0) throw new Error(`${name} is empty: expected at least one entry`);
  for (let i = 0; i < logits.length; i++) {
    if (typeof logits[i] !== "number")
      throw new Error(`${name}[${i}] is ${String(logits[i])}, expected a number`);
  }
}

/** The one-hot vector of a class: 1 at index, 0 elsewhere, length entries. */
export function oneHot(index: number, length: number): number[] {
  if (!Number.isInteger(length) || length < 1) {
    throw new Error(`length must be a whole number ≥ 1, got ${String(length)}`);
  }
  if (!Number.isInteger(index) || index < 0 || index >= length) {
    throw new Error(`class index must be a whole number from 0 to ${length - 1}, got ${String(index)}`);
  }
  return Array.from({length}, (_, k) => (k === index ? 1 : 0));
}

/**
 * What every function here starts from: m = max z and the terms e^{z_j − m}. Their sum is
 * 1 + rest (the largest term is e⁰ = 1), so its logarithm is log1p(rest), accurate when rest
 * is tiny. When m is ±∞ the terms are replaced by 1 for the entries equal to m and 0 for the
 * others, which gives the conventions stated at the top of this file.
 */
interface Shifted {
  /** Some logit is NaN; nothing else is filled in. */
  nan: boolean;
  max: number;
  /** How many entries equal the maximum when it is infinite; 0 when it is finite. */
  tiedAtInfinity: number;
  /** e^{z_j − m} per entry (finite max), or 1/0 marks of the tied entries (infinite max). */
  exps: number[];
  /** Σ_j exps[j] − 1, i.e. the sum without the first largest entry. */
  rest: number;
}

/** m, the shifted terms and their sum, in one pass over the logits (see Shifted). */
function shift(logits: readonly number[]): Shifted {
  let max = -Infinity;
  let first = 0;
  for (let i = 0; i < logits.length; i++) {
    const z = logits[i];
    if (z !== z) return {nan: true, max: NaN, tiedAtInfinity: 0, exps: [], rest: NaN};
    if (z > max) {
      max = z;
      first = i;
    }
  }
  if (!Number.isFinite(max)) {
    const exps = logits.map((z): number => (z === max ? 1 : 0));
    const tied = exps.reduce((a, b) => a + b, 0);
    return {nan: false, max, tiedAtInfinity: tied, exps, rest: tied - 1};
  }
  let rest = 0;
  const exps = logits.map((z, j) => {
    const e = Math.exp(z - max);
    if (j !== first) rest += e;
    return e;
  });
  return {nan: false, max, tiedAtInfinity: 0, exps, rest};
}

/**
 * ln Σ_j e^{z_j}, computed as m + ln Σ_j e^{z_j − m} so that it neither overflows (z = 1000)
 * nor loses the small terms. +∞ if any logit is +∞; −∞ if every logit is −∞.
 */
export function logSumExp(logits: readonly number[]): number {
  checkLogits(logits);
  const s = shift(logits);
  if (s.nan) return NaN;
  if (!Number.isFinite(s.max)) return s.max;
  return s.max + Math.log1p(s.rest);
}

/** The probabilities p_k = e^{z_k − m} / Σ_j e^{z_j − m}; they are ≥ 0 and sum to 1 (to rounding). */
export function softmax(logits: readonly number[]): number[] {
  checkLogits(logits);
  const s = shift(logits);
  if (s.nan) return logits.map(() => NaN);
  const total = 1 + s.rest;
  return s.exps.map((e) => e / total);
}

/**
 * ln p_k = z_k − LSE(z), computed as (z_k − m) − ln Σ_j e^{z_j − m}: finite for every finite
 * logit, where ln(softmax(z)_k) would be ln 0 = −∞ once p_k underflows (z = [1000, 0]).
 * With an infinite maximum, a tied entry gets −ln(count) and every other entry −∞.
 */
export function logSoftmax(logits: readonly number[]): number[] {
  checkLogits(logits);
  const s = shift(logits);
  if (s.nan) return logits.map(() => NaN);
  if (s.tiedAtInfinity > 0) {
    const share = -Math.log(s.tiedAtInfinity);
    return s.exps.map((e) => (e === 1 ? share : -Infinity));
  }
  const log = Math.log1p(s.rest);
  return logits.map((z) => z - s.max - log);
}

/**
 * The Jacobian of softmax at these logits: J[i][j] = ∂p_i/∂z_j = p_i(1 − p_i) on the
 * diagonal and −p_i·p_j off it, i.e. diag(p) − p·pᵀ. The diagonal's 1 − p_i is computed as
 * the sum of the other probabilities, so it keeps its precision when p_i is close to 1.
 * Symmetric, and each row (and column) sums to 0: adding the same amount to every logit
 * changes nothing.
 */
export function softmaxJacobian(logits: readonly number[]): number[][] {
  const p = softmax(logits);
  return p.map((pi, i) =>
    p.map((pj, j) => {
      if (i !== j) return -(pi * pj);
      let others = 0;
      for (let k = 0; k < p.length; k++) if (k !== i) others += p[k];
      return pi * others;
    })
  );
}

/**
 * Throws unless target is a probability vector of the logits' length: entries in [0, 1]
 * that sum to 1 (within 1e-9). A one-hot vector is the usual case.
 */
export function checkDistribution(
  target: unknown,
  length: number,
  name = "target"
): asserts target is number[] {
  if (!Array.isArray(target)) throw new Error(`${name} must be an array of numbers`);
  if (target.length !== length) throw new Error(`${name} has ${target.length} entries, expected ${length}`);
  let sum = 0;
  for (let k = 0; k < target.length; k++) {
    const t = target[k];
    if (typeof t !== "number" || !(t >= 0 && t <= 1)) {
      throw new Error(`${name}[${k}] is ${String(t)}, expected a probability in [0, 1]`);
    }
    sum += t;
  }
  if (!(Math.abs(sum - 1) <= 1e-9)) {
    throw new Error(`${name} sums to ${sum}, expected 1 (a one-hot vector or a probability distribution)`);
  }
}

/**
 * ∂L/∂z_k = p_k − t_k for the categorical cross-entropy L = −Σ_k t_k ln p_k of p = softmax(z)
 * against a target distribution t (one-hot: p minus 1 at the true class). Each entry lies in
 * [−1, 1] and they sum to 0, for any logits, ±1000 included.
 */
export function crossEntropyGradient(logits: readonly number[], target: readonly number[]): number[] {
  checkLogits(logits);
  checkDistribution(target, logits.length);
  return softmax(logits).map((p, k) => p - target[k]);
}
