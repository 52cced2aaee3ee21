// English for counts and lists in running prose, so a sentence that names the records
// ("six single-input functions: ELU, SELU … and Mish") stays right when one is added.

const SMALL = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
  "twenty"
];

/** A count in words, as prose writes it: "six" for 6; digits beyond twenty. Throws for anything but a count. */
export function countInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`countInWords: expected a whole number ≥ 0, got ${String(n)}`);
  return n < SMALL.length ? SMALL[n] : String(n);
}

/** Items joined as prose lists them: "a", "a and b", "a, b and c" (no serial comma). */
export function joinWithAnd<T>(
  items: readonly T[],
  separator: T | string = ", ",
  last: T | string = " and "
): (T | string)[] {
  const out: (T | string)[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(i === items.length - 1 ? last : separator);
    out.push(item);
  });
  return out;
}
