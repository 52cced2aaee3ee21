// The bridge to real frameworks: for each activation of the course, how PyTorch,
// TensorFlow/Keras and JAX spell it, and, where the function has a kink, the derivative
// each framework's autograd returns exactly at the kink (x = 0).
//
// Every stated kink value was read from the framework's own source:
// - PyTorch: aten/src/ATen/native/cpu/Activation.cpp (pytorch/pytorch).
//   ReLU's backward is threshold_backward, whose kernel returns `x <= threshold ? 0 : grad`
//   (so ReLU′(0) = 0); leaky_relu_backward_kernel returns `a > 0 ? grad : grad * negval`
//   (so LeakyReLU′(0) = α); elu_backward_kernel returns `b <= 0 ? grad * negcoef * exp(b) :
//   grad * poscoef` with negcoef = α·scale (so SELU′(0) = λα, ELU′(0) = α).
// - TensorFlow: tensorflow/core/kernels/relu_op_functor.h (tensorflow/tensorflow).
//   ReluGrad multiplies by `features > 0` (0 at 0); LeakyReluGrad selects on `features > 0`
//   (α at 0); SeluGrad selects on `activations < 0`, and SELU(0) = 0 is not < 0, so it
//   returns the right-hand slope λ; EluGrad likewise returns 1 at 0.
// - JAX: jax/_src/nn/functions.py (jax-ml/jax). relu has a custom JVP,
//   `lax.select(x > 0, g, 0)`, and its docstring states ∇relu(0) = 0; leaky_relu is
//   `jnp.where(x >= 0, x, negative_slope * x)`, so autodiff takes the x branch at 0 and
//   returns 1; selu is `scale * elu(x, alpha)` with elu `jnp.where(x > 0, x, alpha * expm1(…))`,
//   so at 0 it takes the exponential branch and returns λα.
// Defaults, from the frameworks' API documentation: torch.nn.functional.leaky_relu
// negative_slope=0.01; tf.nn.leaky_relu alpha=0.2; jax.nn.leaky_relu negative_slope=0.01;
// torch.nn.functional.gelu approximate='none'; tf.nn.gelu and tf.keras.activations.gelu
// approximate=False; jax.nn.gelu approximate=True (the tanh form).

import {activations, SELU_ALPHA, SELU_SCALE, type ActivationId} from "./activations.js";
import {entryOf} from "./registry.js";

/** The three frameworks, in the order the course shows them. */
export const frameworkIds = ["pytorch", "tensorflow", "jax"] as const;
export type FrameworkId = (typeof frameworkIds)[number];

/** How the course names each framework. */
export const frameworkLabels: Record<FrameworkId, string> = {
  pytorch: "PyTorch",
  tensorflow: "TensorFlow / Keras",
  jax: "JAX"
};

/** The derivative a framework's autograd returns exactly at a kink. */
export interface KinkDerivative {
  /** Where the kink is. */
  at: number;
  /** The value autograd returns there. */
  value: number;
  /** The comparison that decides it, as the framework's source writes it. */
  rule: string;
  /** True when this differs from the course's own f′ at the kink (lib/activations.ts). */
  differsFromCourse: boolean;
}

/** One activation in one framework. */
export interface FrameworkEntry {
  /** Python, as a reader would type it (not run by the course). */
  code: string;
  kink?: KinkDerivative;
}

export type FrameworkBridge = Record<FrameworkId, FrameworkEntry>;

/** The table as written, keyed by the ids it covers (some or all of the registry's). */
function bridgesFor<K extends ActivationId>(table: Record<K, FrameworkBridge>): Record<K, FrameworkBridge> {
  return table;
}

/** The course's Leaky ReLU slope α, read from its record (its slope left of 0). */
const LEAKY_ALPHA = activations.leakyRelu.df(-1);

/**
 * The activations of lib/activations.ts in the three frameworks. A partial map: a record may
 * have no entry yet, and /more-activations then shows a note instead of code
 * (src/components/frameworkCode.js).
 */
export const frameworkBridges = bridgesFor({
  sigmoid: {
    pytorch: {code: "import torch\n\ny = torch.sigmoid(x)\n# as a layer: torch.nn.Sigmoid()"},
    tensorflow: {code: "import tensorflow as tf\n\ny = tf.math.sigmoid(x)\n# as a layer: activation=\"sigmoid\""},
    jax: {code: "import jax\n\ny = jax.nn.sigmoid(x)"}
  },
  tanh: {
    pytorch: {code: "import torch\n\ny = torch.tanh(x)\n# as a layer: torch.nn.Tanh()"},
    tensorflow: {code: "import tensorflow as tf\n\ny = tf.math.tanh(x)\n# as a layer: activation=\"tanh\""},
    jax: {code: "import jax.numpy as jnp\n\ny = jnp.tanh(x)"}
  },
  relu: {
    pytorch: {
      code: "import torch\n\ny = torch.relu(x)\n# as a layer: torch.nn.ReLU()",
      kink: {at: 0, value: 0, rule: "x <= 0 gives 0", differsFromCourse: false}
    },
    tensorflow: {
      code: "import tensorflow as tf\n\ny = tf.nn.relu(x)\n# as a layer: activation=\"relu\"",
      kink: {at: 0, value: 0, rule: "x > 0 passes the gradient", differsFromCourse: false}
    },
    jax: {
      code: "import jax\n\ny = jax.nn.relu(x)",
      kink: {at: 0, value: 0, rule: "x > 0 passes the gradient", differsFromCourse: false}
    }
  },
  leakyRelu: {
    pytorch: {
      code: `import torch.nn.functional as F\n\ny = F.leaky_relu(x, negative_slope=${LEAKY_ALPHA})\n# the default slope is 0.01`,
      kink: {at: 0, value: LEAKY_ALPHA, rule: "x > 0 passes the gradient, else α", differsFromCourse: false}
    },
    tensorflow: {
      code: `import tensorflow as tf\n\ny = tf.nn.leaky_relu(x, alpha=${LEAKY_ALPHA})\n# the default alpha is 0.2, not 0.01`,
      kink: {at: 0, value: LEAKY_ALPHA, rule: "x > 0 passes the gradient, else α", differsFromCourse: false}
    },
    jax: {
      code: `import jax\n\ny = jax.nn.leaky_relu(x, negative_slope=${LEAKY_ALPHA})`,
      kink: {at: 0, value: 1, rule: "x >= 0 takes the identity branch", differsFromCourse: true}
    }
  },
  linear: {
    pytorch: {code: "import torch\n\ny = torch.nn.Identity()(x)\n# or simply y = x"},
    tensorflow: {code: "import tensorflow as tf\n\ny = tf.keras.activations.linear(x)\n# a Dense layer with no activation"},
    jax: {code: "# no function needed\ny = x"}
  },
  elu: {
    pytorch: {code: "import torch.nn.functional as F\n\ny = F.elu(x, alpha=1.0)"},
    tensorflow: {code: "import tensorflow as tf\n\ny = tf.nn.elu(x)  # alpha = 1"},
    jax: {code: "import jax\n\ny = jax.nn.elu(x, alpha=1.0)"}
  },
  selu: {
    pytorch: {
      code: "import torch\n\ny = torch.selu(x)\n# as a layer: torch.nn.SELU()",
      kink: {at: 0, value: SELU_SCALE * SELU_ALPHA, rule: "x <= 0 takes the exponential branch", differsFromCourse: false}
    },
    tensorflow: {
      code: "import tensorflow as tf\n\ny = tf.nn.selu(x)\n# as a layer: activation=\"selu\"",
      kink: {at: 0, value: SELU_SCALE, rule: "SELU(x) < 0 takes the exponential branch", differsFromCourse: true}
    },
    jax: {
      code: "import jax\n\ny = jax.nn.selu(x)",
      kink: {at: 0, value: SELU_SCALE * SELU_ALPHA, rule: "x > 0 takes the identity branch", differsFromCourse: false}
    }
  },
  gelu: {
    pytorch: {code: "import torch.nn.functional as F\n\ny = F.gelu(x)  # approximate=\"none\", the default"},
    tensorflow: {code: "import tensorflow as tf\n\ny = tf.nn.gelu(x)  # approximate=False, the default"},
    jax: {code: "import jax\n\n# jax.nn.gelu defaults to the tanh form\ny = jax.nn.gelu(x, approximate=False)"}
  },
  geluTanh: {
    pytorch: {code: "import torch.nn.functional as F\n\ny = F.gelu(x, approximate=\"tanh\")"},
    tensorflow: {code: "import tensorflow as tf\n\ny = tf.nn.gelu(x, approximate=True)"},
    jax: {code: "import jax\n\ny = jax.nn.gelu(x)  # approximate=True, the default"}
  },
  swish: {
    pytorch: {code: "import torch.nn.functional as F\n\ny = F.silu(x)"},
    tensorflow: {code: "import tensorflow as tf\n\ny = tf.nn.silu(x)"},
    jax: {code: "import jax\n\ny = jax.nn.silu(x)  # jax.nn.swish is the same"}
  },
  softplus: {
    pytorch: {code: "import torch.nn.functional as F\n\ny = F.softplus(x)"},
    tensorflow: {code: "import tensorflow as tf\n\ny = tf.math.softplus(x)"},
    jax: {code: "import jax\n\ny = jax.nn.softplus(x)"}
  },
  mish: {
    pytorch: {code: "import torch.nn.functional as F\n\ny = F.mish(x)"},
    tensorflow: {code: "import tensorflow as tf\n\ny = x * tf.math.tanh(tf.math.softplus(x))"},
    jax: {code: "import jax\n\ny = jax.nn.mish(x)"}
  }
});

/** The bridge for `id`; throws, naming the known ids, for anything else. */
export function frameworkBridge(id: string): FrameworkBridge {
  return entryOf(frameworkBridges, id, "no framework code for", Object.keys(frameworkBridges));
}

/** The frameworks whose autograd disagrees with the course at `id`'s kink (none if smooth). */
export function frameworksDifferingAtKink(id: string): FrameworkId[] {
  const bridge = frameworkBridge(id);
  return frameworkIds.filter((framework) => bridge[framework].kink?.differsFromCourse === true);
}

/**
 * The largest |GELU(x) − GELU_tanh(x)| over the real line, and where. Both functions tend
 * to 0 as x → −∞ and to x as x → +∞ faster than any power, so the maximum lies in
 * [−10, 10]: a scan of that interval finds the best bracket, and a golden-section search
 * refines it to full precision.
 */
export function geluTanhMaxError(): {x: number; value: number} {
  const gap = (x: number) => Math.abs(activations.gelu.f(x) - activations.geluTanh.f(x));
  const from = -10;
  const to = 10;
  const steps = 20_000;
  const h = (to - from) / steps;
  let best = from;
  for (let i = 1; i <= steps; i++) {
    const x = from + i * h;
    if (gap(x) > gap(best)) best = x;
  }
  let a = best - h;
  let b = best + h;
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 80; k++) {
    const c = b - ratio * (b - a);
    const d = a + ratio * (b - a);
    if (gap(c) > gap(d)) b = d;
    else a = c;
  }
  const x = (a + b) / 2;
  return {x, value: gap(x)};
}
