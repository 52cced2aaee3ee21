// The tree a formula parses to (lib/expressionParse.ts): what every later stage of the formula
// language (evaluation, TeX, the custom activation record) reads.

/** Where a node sits in the formula's text. */
export interface Span {
  /** 0-based offset of the node's first character. */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

/** The binary operators; each is one row of BINARY_OPERATORS (lib/expressionOperators.ts). */
export type BinaryOperator = "+" | "-" | "*" | "/" | "^";

/** A parsed formula. */
export type ExpressionNode =
  | ({type: "number"; value: number; text: string} & Span)
  | ({type: "variable"; name: "x"} & Span)
  | ({type: "constant"; name: "pi" | "e"; value: number} & Span)
  | ({type: "unary"; operator: "-"; argument: ExpressionNode} & Span)
  | ({type: "binary"; operator: BinaryOperator; left: ExpressionNode; right: ExpressionNode} & Span)
  | ({type: "call"; name: string; args: ExpressionNode[]} & Span);

/** Renders a node as TeX; the operator and function tables call it for their operands. */
export type TexRenderer = (node: ExpressionNode) => string;
