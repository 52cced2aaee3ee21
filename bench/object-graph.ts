// A baseline trainer in the style of TensorFlow Playground's nn.ts: every unit a Node
// object, every weight a Link object, one example at a time, gradients accumulated on the
// objects and applied as their batch mean. Written for the benchmark only.

/** An activation as nn.ts defines it: output(x) and der(x), both from the pre-activation x. */
export interface ActivationFunction {
  output(x: number): number;
  der(x: number): number;
}

/** The Playground's own definitions (der recomputes the output, as nn.ts does). */
export const nnActivations: Record<"tanh" | "relu" | "sigmoid" | "linear", ActivationFunction> = {
  tanh: {
    output: (x) => Math.tanh(x),
    der: (x) => {
      const output = Math.tanh(x);
      return 1 - output * output;
    }
  },
  relu: {output: (x) => Math.max(0, x), der: (x) => (x <= 0 ? 0 : 1)},
  sigmoid: {
    output: (x) => 1 / (1 + Math.exp(-x)),
    der: (x) => {
      const output = 1 / (1 + Math.exp(-x));
      return output * (1 - output);
    }
  },
  linear: {output: (x) => x, der: () => 1}
};

export class Link {
  weight: number;
  errorDer = 0;
  accErrorDer = 0;
  numAccumulatedDers = 0;
  constructor(
    readonly source: Node,
    readonly dest: Node,
    weight: number
  ) {
    this.weight = weight;
  }
}

export class Node {
  inputLinks: Link[] = [];
  outputs: Link[] = [];
  bias = 0;
  totalInput = 0;
  output = 0;
  outputDer = 0;
  inputDer = 0;
  accInputDer = 0;
  numAccumulatedDers = 0;
  constructor(readonly activation: ActivationFunction) {}

  updateOutput(): number {
    this.totalInput = this.bias;
    for (const link of this.inputLinks) this.totalInput += link.weight * link.source.output;
    this.output = this.activation.output(this.totalInput);
    return this.output;
  }
}

export type Network = Node[][];

/** Layers of nodes, fully connected, with weights from `weight()` and zero biases. */
export function buildNetwork(
  sizes: number[],
  activation: ActivationFunction,
  outputActivation: ActivationFunction,
  weight: () => number
): Network {
  const network: Network = [];
  sizes.forEach((size, l) => {
    const layer: Node[] = [];
    for (let j = 0; j < size; j++) {
      const node = new Node(l === sizes.length - 1 ? outputActivation : activation);
      if (l > 0) {
        for (const source of network[l - 1]) {
          const link = new Link(source, node, weight());
          source.outputs.push(link);
          node.inputLinks.push(link);
        }
      }
      layer.push(node);
    }
    network.push(layer);
  });
  return network;
}

export function forwardProp(network: Network, inputs: ArrayLike<number>): number {
  network[0].forEach((node, i) => (node.output = inputs[i]));
  for (let l = 1; l < network.length; l++) for (const node of network[l]) node.updateOutput();
  return network[network.length - 1][0].output;
}

/** Backpropagates ½(output − target)² for a single-output network. */
export function backProp(network: Network, target: number): void {
  const outputNode = network[network.length - 1][0];
  outputNode.outputDer = outputNode.output - target;
  for (let l = network.length - 1; l >= 1; l--) {
    const layer = network[l];
    for (const node of layer) {
      node.inputDer = node.outputDer * node.activation.der(node.totalInput);
      node.accInputDer += node.inputDer;
      node.numAccumulatedDers++;
    }
    for (const node of layer) {
      for (const link of node.inputLinks) {
        link.errorDer = node.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
    if (l === 1) continue;
    for (const node of network[l - 1]) {
      node.outputDer = 0;
      for (const link of node.outputs) node.outputDer += link.weight * link.dest.inputDer;
    }
  }
}

export function updateWeights(network: Network, learningRate: number): void {
  for (let l = 1; l < network.length; l++) {
    for (const node of network[l]) {
      if (node.numAccumulatedDers > 0) {
        node.bias -= (learningRate * node.accInputDer) / node.numAccumulatedDers;
        node.accInputDer = 0;
        node.numAccumulatedDers = 0;
      }
      for (const link of node.inputLinks) {
        if (link.numAccumulatedDers > 0) {
          link.weight -= (learningRate * link.accErrorDer) / link.numAccumulatedDers;
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
      }
    }
  }
}

/** One epoch as the Playground runs it: forward, backward, update every batchSize examples. */
export function trainEpochObjectGraph(
  network: Network,
  inputs: Float64Array,
  targets: Float64Array,
  learningRate: number,
  batchSize: number
): number {
  const width = network[0].length;
  const n = targets.length;
  const point = new Float64Array(width);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < width; k++) point[k] = inputs[i * width + k];
    const output = forwardProp(network, point);
    loss += 0.5 * (output - targets[i]) ** 2;
    backProp(network, targets[i]);
    if ((i + 1) % batchSize === 0 || i === n - 1) updateWeights(network, learningRate);
  }
  return loss / n;
}
