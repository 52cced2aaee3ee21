// The Markdown of /further-reading (src/further-reading.md.js): every work of sources.js,
// once, under the topic it is read for, with a sentence on why to read it.
import {sourceListHtml} from "./citation.js";

/** The topics of the page, in order; each work of sources.js belongs to exactly one. */
export const readingTopics = [
  {
    heading: "Textbooks",
    text: "Two books that cover everything in this course and much more. Nielsen's is the gentler start, written around one worked example; Goodfellow, Bengio and Courville's is the standard reference (chapter 6 on activation functions, chapter 8 on training).",
    keys: ["nielsen2015", "goodfellow2016"]
  },
  {
    heading: "Backpropagation and training",
    text: "The paper that made backpropagation the way to train layered networks, and a practical guide to making it work, which argues for zero-centred, tanh-like activations and scaled initial weights.",
    keys: ["rumelhart1986", "lecun1998"]
  },
  {
    heading: "Output layers and losses",
    text: "Why a classifier's outputs can be read as probabilities: Bridle named softmax and showed that, trained with cross-entropy, its outputs estimate the probability of each class; Bishop's textbook pairs each output activation with its loss (section 5.2) and derives the gradient y − t they share.",
    keys: ["bridle1990", "bishop2006"]
  },
  {
    heading: "Why networks with a bend can learn anything",
    text: "The universal approximation theorems: one hidden layer with a sigmoid (Cybenko), with any continuous, bounded, non-constant activation (Hornik), and with any locally bounded, piecewise continuous activation that is not a polynomial (Leshno and colleagues) can approximate any continuous function on a bounded region.",
    keys: ["cybenko1989", "hornik1991", "leshno1993"]
  },
  {
    heading: "Vanishing and exploding gradients",
    text: "The first analyses of why gradients shrink or blow up as they travel back through many layers or time steps, and the study that tied it to saturating activations and initialisation in deep feedforward networks.",
    keys: ["hochreiter1991", "bengio1994", "glorot2010"]
  },
  {
    heading: "Rectifiers",
    text: "How ReLU came into use, its leaky variant, and the initialisation for rectifier networks (with the parametric ReLU).",
    keys: ["nair2010", "glorot2011", "maas2013", "he2015"]
  },
  {
    heading: "Smooth and self-normalising activations",
    text: "The papers behind the functions of the More activations page: Softplus, ELU, GELU, SELU, Swish and SiLU, and Mish (with the object detector that made Mish known).",
    keys: ["dugas2001", "clevert2015", "hendrycks2016", "klambauer2017", "ramachandran2017", "elfwing2018", "misra2019", "bochkovskiy2020"]
  },
  {
    heading: "Gated units",
    text: "Activations that multiply one linear projection by a gate computed from another: the gated linear unit, and its variants (SwiGLU, GEGLU) used in the feed-forward layers of Transformers.",
    keys: ["dauphin2017", "shazeer2020"]
  },
  {
    heading: "Keeping deep networks trainable",
    text: "Two ideas that made very deep networks train whatever their activation: normalising each layer's inputs over a batch, and residual connections that give the gradient a path around every layer.",
    keys: ["ioffe2015", "he2016"]
  }
];

export function furtherReadingMarkdown(topics = readingTopics) {
  const sections = topics.map(({heading, text, keys}) => `## ${heading}\n\n${text}\n\n${sourceListHtml(keys)}\n`);
  return `---
title: Further reading
---

# Further reading

<div class="goals">

After this page you can find the original paper behind each activation function and initialisation in the course, and know which book to read next. Every work cited at the foot of a page is here, grouped by topic.

</div>

${sections.join("\n")}`;
}
