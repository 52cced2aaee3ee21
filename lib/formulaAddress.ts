// A reader's formula in a page address: read from /your-own's ?formula=…, written back so a
// link reproduces it, and handed to the playground as activation=custom&formula=….

import {parseExpression, MAX_FORMULA_LENGTH} from "./expressionParse.js";
import {formulaParam} from "./formulaParam.js";

function parses(text: string): boolean {
  try {
    parseExpression(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The formula in a query string ("?formula=…"), or `fallback` when it names none; a "+"
 * typed by hand is read as plus when only that reading parses (formulaParam). The formula is
 * returned as written, even when it does not parse: the page then says what is wrong with it.
 */
export function formulaFromAddress(search: string, fallback: string): string {
  return formulaParam(search, parses) ?? fallback;
}

/**
 * `href` with its formula parameter set to `formula`, so the address reproduces the page; null
 * for a formula over the length limit (no address is made of it) or an `href` that is not a URL.
 */
export function addressWithFormula(href: string, formula: string): string | null {
  if (formula.length > MAX_FORMULA_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  url.searchParams.set("formula", formula);
  return url.href;
}

/** The playground's address (relative to a sibling page) that trains with `formula` as its activation. */
export function playgroundAddress(formula: string): string {
  return `./playground?activation=custom&formula=${encodeURIComponent(formula)}`;
}
