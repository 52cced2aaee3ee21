// The course's math library: activation functions, backpropagation and a fast trainer.
// Pure TypeScript with no dependencies, for Node tests and the browser alike.

export {
  activations,
  activationIds,
  coreActivationIds,
  extraActivationIds,
  glanceActivationIds,
  getActivation,
  isActivationId,
  makeElu,
  makeLeakyRelu,
  SELU_ALPHA,
  SELU_SCALE
} from "./activations.js";
export type {Activation, ActivationId, ActivationParameter, Interval} from "./activations.js";
export {comparedIds, furtherIds, glanceIds} from "./activationLists.js";
export type {Registry} from "./activationLists.js";
export {kernelOf, leakyReluKernel, linearKernel, reluKernel, sigmoidKernel, tanhKernel} from "./kernels.js";
export type {Kernel} from "./kernels.js";
export {erf, erfc, log1pExp, logistic, logisticDerivative, normalCdf, normalPdf, sech2} from "./special.js";
export {linspace, sampleActivation} from "./sample.js";
export type {ActivationSamples, SampleOptions} from "./sample.js";
export {checkDerivative, compareDerivative, gradcheck, stencilAt} from "./gradcheck.js";
export type {DerivativeCheck, DerivativeComparison, GradcheckOptions} from "./gradcheck.js";
export {createRandom, fillNormals, gaussian, mulberry32, shuffle, uniform} from "./random.js";
export type {FillingRandom, Random} from "./random.js";
export {forward, networkLoss, sgdStep, squaredErrorLoss, validateNetwork} from "./network.js";
export type {DenseLayer, ForwardPass, Gradients, SgdStepResult} from "./network.js";
export {
  getLoss,
  isLossId,
  lossIds,
  lossReferences,
  losses,
  outputDelta,
  PROBABILITY_EPSILON
} from "./losses.js";
export type {Loss, LossId, OutputActivation, UnitLoss} from "./losses.js";
export {
  checkDistribution,
  checkLogits,
  crossEntropyGradient,
  logSoftmax,
  logSumExp,
  oneHot,
  softmax,
  softmaxJacobian,
  softmaxTex
} from "./softmax.js";
export {backpropStep, classicExample, traceBackprop} from "./backpropTrace.js";
export type {
  BackpropExample,
  BackpropStepOptions,
  BackpropStepResult,
  BackpropTrace,
  LayerTrace
} from "./backpropTrace.js";
export {neuronStep} from "./neuron.js";
export type {NeuronStep, NeuronStepInput} from "./neuron.js";
export {chainSlopes} from "./chain.js";
export type {ChainOptions, ChainSlopes} from "./chain.js";
export {
  createMlp,
  deadUnits,
  meanLoss,
  mlpFromDenseLayers,
  predict,
  toDenseLayers,
  trainEpoch
} from "./mlp.js";
export {unitValues, unitValuesAt} from "./mlpUnits.js";
export type {UnitValues} from "./mlpUnits.js";
export type {
  FromDenseOptions,
  LayerTap,
  Mlp,
  MlpInit,
  MlpLoss,
  MlpOptions,
  MlpScratch,
  MlpStats,
  Regularization,
  TrainOptions
} from "./mlp.js";
export {
  affineFromDense,
  applyAffine,
  checkAffine,
  collapseLinear,
  composeAffine,
  denseFromAffine,
  identity,
  matMul,
  matVec
} from "./linear.js";
export type {AffineMap, Matrix} from "./linear.js";
export {accuracy, circle, datasets, gaussians, gridInputs, spiral, xor} from "./datasets.js";
export type {Dataset, DatasetId, DatasetOptions} from "./datasets.js";
export {deadRegions, nonFiniteIntervals, peakAbs, regionsWhere, vanishingRegions} from "./regions.js";
export type {NonFiniteInterval, Peak, Region, RegionOptions} from "./regions.js";
export {chooserChoices, layerLabels, layers, recommendActivation, taskLabels, tasks} from "./chooser.js";
export type {ChooserInput, Layer, Recommendation, Task} from "./chooser.js";
export {runNeuron} from "./neuronRun.js";
export type {NeuronRun, NeuronRunPoint} from "./neuronRun.js";
export {
  batchSizes,
  CUSTOM_ACTIVATION,
  datasetIds,
  datasetLabels,
  defaultState,
  EpochHistory,
  learningRates,
  nearestLogChoice,
  networkSizes,
  parameterCount,
  parseState,
  PLAYGROUND_EXAMPLES,
  playgroundData,
  rangeSpecs,
  resolveActivation,
  serializeState,
  snapToStep,
  splitData,
  stateKeys,
  weightCount
} from "./playground.js";
export type {CompileActivation, Examples, ParsedState, PlaygroundState, RangeSpec} from "./playground.js";
export {
  caretFor,
  compileActivation,
  compileActivationSafely,
  compileExpression,
  ExpressionError,
  functionNames,
  MAX_FORMULA_LENGTH,
  parseExpression,
  suggestNames,
  toTex
} from "./expression.js";
export {addressWithFormula, formulaFromAddress, playgroundAddress} from "./formulaAddress.js";
export type {
  BinaryOperator,
  Caret,
  CompiledExpression,
  CustomActivation,
  Dual,
  ExpressionErrorKind,
  ExpressionNode
} from "./expression.js";
export {joinSegments, zeroCrossings} from "./contour.js";
export type {ContourOptions, Point, Segment} from "./contour.js";
export {
  gaussianSecondMoment,
  getInitialisation,
  initialisationFor,
  initialisationIds,
  initialisations,
  isInitialisationId,
  predictedVariance,
  sampleWeights,
  scaleDraws,
  standardDraws,
  SMALL_INIT_SD,
  weightVariance
} from "./initialisation.js";
export type {
  Initialisation,
  InitialisationChoice,
  InitialisationId,
  InitialisationReference,
  WeightDistribution
} from "./initialisation.js";
export {
  checkBins,
  DEFAULT_BINS,
  QUANTILE_LEVELS,
  quantilesInPlace,
  quantilesOfSample,
  selectInPlace,
  spreadOf
} from "./spread.js";
export type {Bins, Spread} from "./spread.js";
export {createDeepStatsRun, DEEP_LIMITS, deepStats} from "./deepStats.js";
export {multiplyTransposed, multiplyTransposedFast, multiplyTransposedSparse} from "./matrixProduct.js";
export {createSimdProduct, productModuleBytes} from "./simdProduct.js";
export type {Product} from "./simdProduct.js";
export type {
  BackwardArithmetic,
  DeepStatsOptions,
  DeepStatsResult,
  DeepStatsRun,
  ForwardArithmetic,
  LayerStats
} from "./deepStats.js";
export {countInWords, joinWithAnd} from "./wording.js";
