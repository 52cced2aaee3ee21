// One activation in PyTorch, TensorFlow/Keras and JAX: three short code blocks, one under
// another (each as wide as the text, so its lines fit; on a phone a long line wraps rather
// than scrolls), each with the derivative that framework's autograd returns at the kink when
// the function has one. The code and values live in
// lib/frameworks.ts; this file only lays them out, in Framework's own code-block style.
import {frameworkBridge, frameworkIds, frameworkLabels} from "../lib/frameworks.js";
import {formatNumber} from "./format.js";

/** A paragraph that says why there is no code, in place of the blocks. */
function problem(message) {
  const p = document.createElement("p");
  p.className = "framework-code-problem";
  p.setAttribute("role", "status");
  p.textContent = message;
  return p;
}

function codeBlock(code) {
  const pre = document.createElement("pre");
  pre.dataset.language = "python";
  Object.assign(pre.style, {margin: "0", whiteSpace: "pre-wrap", overflowWrap: "anywhere"});
  const element = document.createElement("code");
  element.className = "language-python";
  element.textContent = code;
  pre.append(element);
  return pre;
}

function kinkNote(kink) {
  const p = document.createElement("p");
  p.className = "framework-kink";
  p.style.margin = "0.35rem 0 0";
  p.style.fontSize = "0.9em";
  const value = document.createElement("strong");
  value.textContent = formatNumber(kink.value);
  p.append(`Autograd at x = ${formatNumber(kink.at)} returns `, value);
  p.append(kink.differsFromCourse ? ", not the course's value." : ", as the course does.");
  return p;
}

/**
 * The three frameworks' code for the activation `id` (a key of lib/activations.ts), as a
 * column of three figures. An unknown id gives a short note instead of an exception.
 */
export function frameworkCode(id) {
  let bridge;
  try {
    bridge = frameworkBridge(id);
  } catch (error) {
    return problem(`No framework code to show: ${error.message}.`);
  }
  const root = document.createElement("div");
  root.className = "framework-code";
  root.dataset.id = id;
  Object.assign(root.style, {
    display: "grid",
    gap: "0.75rem",
    maxWidth: "640px",
    margin: "1rem 0"
  });
  for (const framework of frameworkIds) {
    const {code, kink} = bridge[framework];
    const figure = document.createElement("figure");
    figure.dataset.framework = framework;
    Object.assign(figure.style, {margin: "0", minWidth: "0"});
    const caption = document.createElement("figcaption");
    caption.textContent = frameworkLabels[framework];
    caption.style.fontWeight = "600";
    caption.style.margin = "0 0 0.25rem";
    figure.append(caption, codeBlock(code));
    if (kink) figure.append(kinkNote(kink));
    root.append(figure);
  }
  return root;
}
