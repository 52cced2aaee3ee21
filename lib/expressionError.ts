// What the formula language says when a formula cannot be read: the error, where it is, and
// the known names close to a mistyped one ("did you mean sigmoid?").

/** What went wrong: nothing typed, too long, bad syntax, an unknown name or a wrong argument count. */
export type ExpressionErrorKind = "empty" | "too-long" | "syntax" | "unknown-name" | "arity";

const ERROR_TITLES: Record<ExpressionErrorKind, string> = {
  empty: "ParseError",
  "too-long": "LengthError",
  syntax: "ParseError",
  "unknown-name": "NameError",
  arity: "ArityError"
};

/** A formula that cannot be parsed; `position` is the 0-based offset of the problem in the text. */
export class ExpressionError extends Error {
  override name = "ExpressionError";
  readonly kind: ExpressionErrorKind;
  /** 0-based character offset where the problem starts (the text's length for "at the end"). */
  readonly position: number;
  /** How many characters the problem spans (at least 1), for underlining. */
  readonly length: number;
  /** Known names close to an unknown one, best first. */
  readonly suggestions: string[];

  constructor(
    kind: ExpressionErrorKind,
    message: string,
    position: number,
    length = 1,
    suggestions: string[] = []
  ) {
    super(message);
    this.kind = kind;
    this.position = position;
    this.length = Math.max(1, length);
    this.suggestions = suggestions;
  }

  /** 1-based column, as the message states it. */
  get column(): number {
    return this.position + 1;
  }

  /** A short heading for the kind of error: ParseError, NameError, ArityError or LengthError. */
  get title(): string {
    return ERROR_TITLES[this.kind];
  }
}

/** Up to three known names close to `name` (same letters ignoring case, or a typo or two away). */
export function suggestNames(name: string, candidates: Iterable<string>): string[] {
  const lower = name.toLowerCase();
  const scored: {candidate: string; score: number}[] = [];
  const limit = lower.length <= 3 ? 1 : 2;
  for (const candidate of new Set(candidates)) {
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    const prefix = lower.length >= 3 && candidate.toLowerCase().startsWith(lower);
    if (distance <= limit || prefix)
      scored.push({candidate, score: prefix ? Math.min(distance, 1.5) : distance});
  }
  scored.sort((p, q) => p.score - q.score || p.candidate.localeCompare(q.candidate));
  return scored.slice(0, 3).map((s) => s.candidate);
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({length: rows}, (_, i) =>
    Array.from({length: cols}, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** " — did you mean a or b?", or nothing when there is no suggestion. */
export function didYouMean(suggestions: string[]): string {
  return suggestions.length ? ` — did you mean ${suggestions.join(" or ")}?` : "";
}

/** Where to draw a caret under a formula: the text on one line, and the span to underline. */
export interface Caret {
  /** The formula with every whitespace character (tabs, newlines) shown as a space. */
  line: string;
  /** 0-based column of the first underlined character. */
  column: number;
  /** How many characters to underline (at least 1; one past the end marks "at the end"). */
  length: number;
}

/** The caret that points at an error in `text`, the formula it was raised for. */
export function caretFor(text: string, error: ExpressionError): Caret {
  const line = text.replace(/\s/g, " ");
  const column = Math.max(0, Math.min(error.position, line.length));
  const length = Math.max(1, Math.min(error.length, line.length - column || 1));
  return {line, column, length};
}
