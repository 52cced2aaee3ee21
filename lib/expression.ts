// A small, safe formula language for "invent your own activation". This is its public entry;
// each job has its own module:
//   expressionAst.ts        the tree a formula parses to
//   expressionError.ts      the error a formula that cannot be read gets, and "did you mean …?"
//   expressionOperators.ts  each operator once: precedence, grouping, value, derivative, TeX
//   expressionFunctions.ts  each function and constant once: value, derivative, TeX
//   expressionParse.ts      tokenizer and precedence-climbing parser
//   expressionEval.ts       f and f′ by forward-mode automatic differentiation (dual.ts)
//   expressionTex.ts        the formula as TeX
//   customActivation.ts     the formula as a full Activation record, properties estimated
//   formulaAddress.ts       the formula in /your-own's and the playground's addresses
//
// Safety: nothing is ever evaluated as JavaScript (no eval, no new Function). Names are
// looked up in fixed Maps, so "constructor" or "__proto__" are simply unknown names.

export type {BinaryOperator, ExpressionNode} from "./expressionAst.js";
export {caretFor, ExpressionError, suggestNames} from "./expressionError.js";
export type {Caret, ExpressionErrorKind} from "./expressionError.js";
export type {Dual} from "./dual.js";
export {functionNames} from "./expressionFunctions.js";
export {MAX_FORMULA_LENGTH, parseExpression} from "./expressionParse.js";
export {compileExpression} from "./expressionEval.js";
export type {CompiledExpression} from "./expressionEval.js";
export {toTex} from "./expressionTex.js";
export {compileActivation, compileActivationSafely} from "./customActivation.js";
export type {CustomActivation} from "./customActivation.js";
// checks the /your-own page and its chart run on a compiled formula, kept here for their importers
export {checkDerivative} from "./gradcheck.js";
export type {DerivativeCheck} from "./gradcheck.js";
export {nonFiniteIntervals} from "./regions.js";
export type {NonFiniteInterval} from "./regions.js";
