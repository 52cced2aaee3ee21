// The course's glossary: every term a page uses before (or without) explaining it, defined
// once here. src/glossary.md.js writes the glossary page from this list, in this order, with
// each term under its `id`; a page links the first use of a term as
// [learning rate](./glossary#learning-rate). test/components/glossary.test.ts checks that
// every such link names a term of this list and that each term is defined once.
//
// A definition is Markdown: it may link another term as [text](#id) and a course page as
// [text](./page).

/** @type {{id: string, term: string, definition: string}[]} */
export const glossary = [
  {
    id: "activation-function",
    term: "Activation function",
    definition:
      "The function a unit applies to its [pre-activation](#pre-activation) before passing the result on, such as the [sigmoid](./sigmoid), [tanh](./tanh) or [ReLU](./relu). Because it is not a straight line, stacked layers cannot be multiplied out into one [linear layer](./why-activation-functions)."
  },
  {
    id: "pre-activation",
    term: "Pre-activation",
    definition:
      "The number a unit computes before its activation function: the weighted sum of its inputs plus its bias, usually written z = w·x + b. The activation function then turns z into the unit's output."
  },
  {
    id: "weights-and-bias",
    term: "Weights and bias",
    definition:
      "The numbers a unit learns. Each input is multiplied by its own weight; the bias is added to the sum. It is the unit's pre-activation when every input is 0, so it sets where on its activation function the unit starts."
  },
  {
    id: "loss",
    term: "Loss",
    definition:
      "One number that says how wrong a network's outputs are on some examples; training tries to make it small. The course mostly uses the squared error, ½(y − t)² for an output y and a target t; classifiers are trained with [cross-entropy](#cross-entropy) (see [Output layers and losses](./losses))."
  },
  {
    id: "cross-entropy",
    term: "Cross-entropy",
    definition:
      "The usual [loss](#loss) for a classifier whose output p is a probability. For a label t that is 0 or 1 it is −[t ln p + (1 − t) ln(1 − p)]: near 0 when the network is confidently right, and without bound as it becomes confidently wrong. With a sigmoid output unit its gradient with respect to the pre-activation is simply p − t, so a saturated output unit still learns."
  },
  {
    id: "chain-rule",
    term: "Chain rule",
    definition:
      "The rule for the derivative of a composition: if y depends on z and z on w, then dy/dw = dy/dz · dz/dw. [Backpropagation](#backpropagation) is the chain rule applied layer by layer, from the loss back to every weight."
  },
  {
    id: "backpropagation",
    term: "Backpropagation",
    definition:
      "The method that computes the gradient of the [loss](#loss) with respect to every weight of a network in one backward pass: starting from the output, each layer multiplies the gradient it receives by its own local derivatives (the activation function's derivative among them) and hands the result to the layer before. See [Why derivatives matter](./backpropagation)."
  },
  {
    id: "gradient-descent",
    term: "Gradient descent",
    definition:
      "The way a network learns: compute how the [loss](#loss) changes as each weight changes (its gradient, found by [backpropagation](#backpropagation)), then move every weight a small step in the direction that lowers the loss, w ← w − η·∂L/∂w, where η is the [learning rate](#learning-rate). Repeat."
  },
  {
    id: "learning-rate",
    term: "Learning rate",
    definition:
      "The step size η of [gradient descent](#gradient-descent): each update moves a weight by η times its gradient. Too small and training crawls; too large and the steps overshoot, so the loss jumps about or grows."
  },
  {
    id: "batch",
    term: "Batch (mini-batch)",
    definition:
      "The examples whose gradients are averaged for one step of [gradient descent](#gradient-descent). A batch of the whole training set gives the exact gradient; a small batch gives a noisier estimate but many more steps for the same work."
  },
  {
    id: "epoch",
    term: "Epoch",
    definition:
      "One pass of training through every example of the training set. With a [batch](#batch) size of B and N examples, an epoch is about N / B steps of gradient descent."
  },
  {
    id: "saturation",
    term: "Saturation",
    definition:
      "An activation function saturates where it flattens out: large changes in its input barely change its output, so its derivative is close to 0. The [sigmoid](./sigmoid) and [tanh](./tanh) saturate for inputs far from 0 on either side, ReLU only on the negative side (where it is exactly flat)."
  },
  {
    id: "vanishing-gradient",
    term: "Vanishing gradient",
    definition:
      "Gradients that shrink towards 0 as backpropagation carries them back through the layers, because each layer multiplies them by its activation's derivative (and its weights); many factors smaller than 1 make a tiny product, and the early layers barely learn. Saturating activations such as the sigmoid, whose derivative is at most ¼, make it worse."
  },
  {
    id: "exploding-gradient",
    term: "Exploding gradient",
    definition:
      "The opposite of a [vanishing gradient](#vanishing-gradient): when the factors multiplied in on the way back are mostly larger than 1, the gradient grows exponentially with depth, updates become huge and training diverges."
  },
  {
    id: "dead-unit",
    term: "Dead unit",
    definition:
      "A [ReLU](./relu) unit whose pre-activation is negative for every training example. It then outputs 0 everywhere and its derivative is 0 everywhere, so no gradient reaches its incoming weights and it never recovers (the “dying ReLU” problem). [Leaky ReLU](./leaky-relu) keeps a small slope for negative inputs to prevent it."
  },
  {
    id: "zero-centred",
    term: "Zero-centred",
    definition:
      "An activation is zero-centred when its outputs can be negative as well as positive, with an average near 0, as tanh's are. Outputs that are never negative (the sigmoid's, ReLU's) make the gradients of each next-layer unit's incoming weights share a sign on any one example, so steps taken one example at a time zigzag, which slows learning."
  },
  {
    id: "initialisation",
    term: "Initialisation",
    definition:
      "How a network's weights are chosen before training, usually at random from a distribution scaled to the number of inputs n of each unit (its fan-in), so that signals neither fade nor blow up from layer to layer. Common choices: Glorot (or Xavier) initialisation, variance 2/(n + m) where m is the number of outputs; He initialisation, variance 2/n, for ReLU; [LeCun-normal](#lecun-normal), variance 1/n."
  },
  {
    id: "fan-in",
    term: "Fan-in and fan-out",
    definition:
      "A unit's fan-in is the number of inputs it adds up (the number of units in the layer below, for a fully connected layer); its fan-out is the number of units in the layer above that receive its output. [Initialisation](#initialisation) rules scale the variance of the weights by one or both of them."
  },
  {
    id: "lecun-normal",
    term: "LeCun-normal initialisation",
    definition:
      "Weights drawn from a normal distribution (in Keras and JAX truncated at two standard deviations) with mean 0 and variance 1/n, where n is the number of inputs of the unit. It is the [initialisation](#initialisation) that SELU's self-normalising guarantee assumes."
  },
  {
    id: "dropout",
    term: "Dropout",
    definition:
      "A way to curb overfitting: during training, each unit's output is set to 0 at random with some probability p (and, as it is usually implemented, the others are scaled by 1/(1 − p)), so the network cannot rely on any single unit. At test time nothing is dropped."
  },
  {
    id: "alpha-dropout",
    term: "Alpha dropout",
    definition:
      "The form of [dropout](#dropout) made for SELU networks. Instead of 0, a dropped output is set to SELU's negative limit −λα ≈ −1.758, and an affine correction then restores the mean and variance the outputs had, which ordinary dropout would disturb."
  },
  {
    id: "batch-normalisation",
    term: "Batch normalisation",
    definition:
      "A layer that rescales each unit's values across the current [batch](#batch) to mean 0 and variance 1, then applies a learned scale and shift. It keeps the inputs of the next activation in a useful range whatever the weights before it do; at test time it uses averages gathered during training."
  },
  {
    id: "self-normalising",
    term: "Self-normalising network",
    definition:
      "A network whose layers, by themselves, pull the mean and variance of their outputs towards fixed values (0 and 1), so signals stay in range through many layers without [batch normalisation](#batch-normalisation). SELU with LeCun-normal weights is built to do this."
  },
  {
    id: "decision-boundary",
    term: "Decision boundary",
    definition:
      "For a classifier, the line (or surface) in input space where its answer changes from one class to the other. A single linear layer can only draw a straight one; a hidden layer with an activation function can bend it."
  },
  {
    id: "softmax",
    term: "Softmax",
    definition:
      "The output activation for choosing one of several classes: it turns a vector of scores z into probabilities, the i-th being e^(zᵢ) divided by the sum of e^(zⱼ) over all j. Every output is positive and they add up to 1."
  },
  {
    id: "logit",
    term: "Logit",
    definition:
      "The [pre-activation](#pre-activation) of an output unit whose activation turns it into a probability: the z that a sigmoid or a [softmax](#softmax) takes. For a sigmoid, the logit is the log of the odds, ln(p / (1 − p)); losses such as [cross-entropy](#cross-entropy) are computed most accurately from the logits. See [Output layers and losses](./losses)."
  },
  {
    id: "universal-approximation",
    term: "Universal approximation",
    definition:
      "The theorem that a network with one hidden layer of enough units can approximate any continuous function on a bounded region as closely as you like, provided its activation function is continuous and not a polynomial. It says such weights exist, not that training will find them."
  }
];
