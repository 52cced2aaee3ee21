// Notebook mode: turns the source of a cell, as a reader edited it, into the definition
// Framework's client takes, `define({id, inputs, outputs, body})`, the way Framework's own
// build does (its parser's scope analysis, the same rules for expressions, imports and
// FileAttachment). Pure: no DOM. Loaded only with the editor (scripts/notebook-bundle.js),
// and run under Node by the unit tests.
//
// An edited cell may import what the page's own cells import, and nothing else: the build
// records, per page, where each of those specifiers went (a module of the page's bundle,
// scripts/page-bundles.js), so an edited cell reaches the very module instances the page
// already runs, never a second copy.
import {Parser, tokTypes} from "acorn";
import {simple} from "acorn-walk";
import {checkAssignments} from "@observablehq/framework/dist/javascript/assignments.js";
import {findAwaits} from "@observablehq/framework/dist/javascript/awaits.js";
import {findDeclarations} from "@observablehq/framework/dist/javascript/declarations.js";
import {findReferences} from "@observablehq/framework/dist/javascript/references.js";

const acornOptions = {ecmaVersion: 13, sourceType: "module"};

/** The cell as one expression (displayed), or null when it is a program (Framework's rule). */
function parseExpression(input) {
  const parser = new Parser(acornOptions, input, 0);
  try {
    parser.nextToken();
    const node = parser.parseExpression();
    if (parser.type !== tokTypes.eof) return null;
    if ((node.type === "ClassExpression" || node.type === "FunctionExpression") && node.id) return null;
    return node;
  } catch {
    return null;
  }
}

const isLiteral = (node) =>
  node?.type === "Literal"
    ? typeof node.value === "string"
    : node?.type === "TemplateLiteral" && node.expressions.length === 0;
const literalValue = (node) => (node.type === "Literal" ? node.value : node.quasis[0].value.cooked);

/** `{a, b: c, default: d}` or `ns` for one import declaration, as Framework writes it. */
function importPattern(node) {
  const named = node.specifiers.filter((s) => s.type !== "ImportNamespaceSpecifier");
  if (named.length === 0)
    return node.specifiers.find((s) => s.type === "ImportNamespaceSpecifier")?.local.name ?? "{}";
  const entries = named.map((s) => {
    if (s.type === "ImportDefaultSpecifier") return `default: ${s.local.name}`;
    const imported = s.imported.type === "Identifier" ? s.imported.name : s.imported.raw;
    return imported === s.local.name ? imported : `${imported}: ${s.local.name}`;
  });
  return `{${entries.join(", ")}}`;
}

/**
 * The expression that loads `specifier` on this page. `imports` maps each specifier the
 * page's cells import to `{url, member}`: the module's absolute URL and, for a page bundle,
 * the name of the module within it.
 */
export function importExpression(specifier, imports) {
  const target = Object.hasOwn(imports, specifier) ? imports[specifier] : undefined;
  if (!target) {
    const known = Object.keys(imports);
    throw new SyntaxError(
      `This page cannot import ${JSON.stringify(specifier)}. ` +
        (known.length
          ? `An edited cell can import what the page's own cells import: ${known.map((k) => JSON.stringify(k)).join(", ")}.`
          : "Its own cells import nothing, so an edited cell cannot either.")
    );
  }
  const load = `import(${JSON.stringify(target.url)})`;
  return target.member ? `${load}.then((module) => module.${target.member})` : load;
}

/** A file name as the page registered it: relative to the page ("./data/x.json"). */
export function fileName(name) {
  if (name.startsWith("/")) return `.${name}`;
  return name.startsWith("./") || name.startsWith("../") ? name : `./${name}`;
}

/** Applies [start, end, text] replacements (non-overlapping) to input. */
function applyEdits(input, edits) {
  let output = "";
  let at = 0;
  for (const [start, end, text] of [...edits].sort((a, b) => a[0] - b[0])) {
    output += input.slice(at, start) + text;
    at = end;
  }
  return output + input.slice(at);
}

/**
 * Transpiles one cell's source for Framework's client. Returns `{inputs, outputs, body}`,
 * `body` being the source of the cell's function (evaluate it to define the cell), or
 * throws a SyntaxError that says what is wrong and where (line:column).
 */
export function transpileCell(input, {imports = {}} = {}) {
  if (typeof input !== "string") throw new SyntaxError("A cell's source must be text");
  const expression = parseExpression(input);
  let body;
  try {
    body = expression ?? Parser.parse(input, acornOptions);
  } catch (error) {
    if (error instanceof SyntaxError) throw new SyntaxError(error.message);
    throw error;
  }
  const exports = [];
  simple(body, {
    ExportNamedDeclaration: (node) => exports.push(node),
    ExportDefaultDeclaration: (node) => exports.push(node),
    ExportAllDeclaration: (node) => exports.push(node)
  });
  if (exports.length)
    throw new SyntaxError("Unexpected token 'export': a cell shares its top-level names without export");
  const references = findReferences(body);
  checkAssignments(body, references, input);
  const declarations = expression ? [] : findDeclarations(body, input);
  const inputs = [...new Set(references.map((r) => r.name))];
  const outputs = [...new Set(declarations.map((d) => d.name))];
  let async = findAwaits(body).length > 0;
  const display = !!expression && !inputs.includes("display") && !inputs.includes("view");
  if (display) (inputs.push("display"), (async = true));

  const edits = [];
  const declarationsFound = [];
  simple(body, {
    ImportDeclaration(node) {
      if (isLiteral(node.source)) declarationsFound.push(node);
    },
    ImportExpression(node) {
      if (isLiteral(node.source))
        edits.push([node.start, node.end, importExpression(literalValue(node.source), imports)]);
    },
    CallExpression(node) {
      const [name] = node.arguments;
      if (node.callee.type === "Identifier" && node.callee.name === "FileAttachment" && isLiteral(name))
        edits.push([name.start, name.end, JSON.stringify(fileName(literalValue(name)))]);
      if (
        node.callee.type === "MemberExpression" &&
        node.callee.object.type === "MetaProperty" &&
        node.callee.property.name === "resolve"
      )
        throw new SyntaxError("import.meta.resolve is not available in an edited cell");
    }
  });
  const patterns = [];
  const loads = [];
  for (const node of declarationsFound) {
    edits.push([node.start, input[node.end] === "\n" ? node.end + 1 : node.end, ""]);
    patterns.push(importPattern(node));
    loads.push(importExpression(literalValue(node.source), imports));
  }
  if (loads.length) async = true;
  let code = applyEdits(input, edits).trim();
  if (loads.length > 1)
    code = `const [${patterns.join(", ")}] = await Promise.all([${loads.join(", ")}]);\n${code}`;
  else if (loads.length === 1) code = `const ${patterns[0]} = await ${loads[0]};\n${code}`;
  if (display) code = `display(await(\n${code}\n))`;
  if (outputs.length) code += `\nreturn {${outputs.join(",")}};`;
  return {inputs, outputs, body: `${async ? "async " : ""}(${inputs.join(",")}) => {\n${code}\n}`};
}
