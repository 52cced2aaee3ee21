// Reading a formula from a query string when a "+" in it may have been typed by hand. Kept
// apart from the formula parser, so the playground reads its address without loading the
// parser (it passes its own test of whether a reading can be used).

/**
 * The `formula` parameter of a query string ("?formula=…" or "formula=…"), or null when there
 * is none. URLSearchParams reads "+" as a space, as forms encode it; a "+" typed by hand
 * means plus, so when only that literal reading passes `usable`, it is the one returned. A
 * malformed escape (a lone "%") cannot be read literally, so the standard reading stands;
 * so it does when neither or both readings pass.
 */
export function formulaParam(search: string, usable: (formula: string) => boolean): string | null {
  const params = new URLSearchParams(search);
  const standard = params.get("formula");
  if (standard === null) return null;
  const raw = /(?:^|[?&])formula=([^&]*)/.exec(search)?.[1];
  let literal: string | null = null;
  try {
    literal = raw === undefined ? null : decodeURIComponent(raw);
  } catch {
    literal = null;
  }
  if (literal !== null && literal !== standard && !usable(standard) && usable(literal)) return literal;
  return standard;
}
