// Reading one query parameter of the playground's address: the value it gives, or the
// fallback, with a note when the value was ignored or adjusted ("lr=0.05 is not one of …;
// using 0.03"). ./playgroundState.ts reads the whole state with these.

import {featureIds, isFeatureId} from "./features.js";
import type {FeatureId} from "./features.js";
import {nearestLogChoice, rangeSpecs, snapToStep} from "./playgroundOptions.js";
import type {RangeSpec} from "./playgroundOptions.js";

/** A parameter's value, and a note when it is not what the address said. */
export interface ReadValue<T> {
  value: T;
  note?: string;
}

/** A number as the URL writes it: plain decimal, no float dust. */
export function formatParam(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** Strict number parsing for URL values: "", "1e", " 3" and "0x10" are not numbers here. */
export function parseNumber(text: string): number {
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
}

/** Quotes a reader's value for a note, shortened so a long formula cannot flood the page. */
export function shown(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function rangeText({min, max}: RangeSpec): string {
  return `${formatParam(min)}–${formatParam(max)}`;
}

/** A list's problems for a note: the first three, then how many more. */
export function listed(problems: string[]): string {
  const more = problems.length - 3;
  return more > 0 ? `${problems.slice(0, 3).join("; ")}; and ${more} more` : problems.join("; ");
}

/** Reads one numeric range parameter: the value snapped to its step, and a note if it was changed or refused. */
export function readRange(key: string, text: string, spec: RangeSpec, fallback: number): ReadValue<number> {
  const value = parseNumber(text.trim());
  if (!Number.isFinite(value))
    return {value: fallback, note: `${key}=${shown(text)} is not a number; using ${formatParam(fallback)}`};
  if (value < spec.min || value > spec.max) {
    return {
      value: fallback,
      note: `${key}=${shown(text)} is outside ${rangeText(spec)}; using ${formatParam(fallback)}`
    };
  }
  const snapped = snapToStep(value, spec);
  if (Math.abs(snapped - value) <= 1e-9) return {value: snapped};
  return {
    value: snapped,
    note:
      spec.step === 1
        ? `${key}=${shown(text)} is not a whole number; using ${formatParam(snapped)}`
        : `${key}=${shown(text)} is between the slider's steps of ${formatParam(spec.step)}; using ${formatParam(snapped)}`
  };
}

/** Reads one parameter that takes a value from a list of numbers, the nearest on a log scale. */
export function readChoice(
  key: string,
  text: string,
  choices: readonly number[],
  fallback: number
): ReadValue<number> {
  const value = parseNumber(text.trim());
  const lo = choices[0];
  const hi = choices[choices.length - 1];
  if (!Number.isFinite(value))
    return {value: fallback, note: `${key}=${shown(text)} is not a number; using ${formatParam(fallback)}`};
  if (value < lo || value > hi) {
    return {
      value: fallback,
      note: `${key}=${shown(text)} is outside ${formatParam(lo)}–${formatParam(hi)}; using ${formatParam(fallback)}`
    };
  }
  const nearest = nearestLogChoice(value, choices);
  if (Math.abs(nearest - value) <= 1e-12 * nearest) return {value: nearest};
  return {
    value: nearest,
    note: `${key}=${shown(text)} is not one of ${choices.map(formatParam).join(", ")}; using ${formatParam(nearest)}`
  };
}

/** Reads one parameter that names one of `ids` exactly. */
export function readId<T extends string>(
  key: string,
  text: string,
  ids: readonly T[],
  fallback: T
): ReadValue<T> {
  if ((ids as readonly string[]).includes(text)) return {value: text as T};
  return {value: fallback, note: `${key}=${shown(text)} is not one of ${ids.join(", ")}; using ${fallback}`};
}

/** Reads an on/off switch. */
export function readSwitch(key: string, text: string, fallback: boolean): ReadValue<boolean> {
  if (text === "on" || text === "off") return {value: text === "on"};
  return {value: fallback, note: `${key}=${shown(text)} is not on or off; using ${fallback ? "on" : "off"}`};
}

/**
 * Reads features=x1,x2,…: the known names, in featureIds order; unknown, empty and repeated
 * entries noted and dropped; `fallback` when none is left.
 */
export function readFeatures(text: string, fallback: readonly FeatureId[]): ReadValue<readonly FeatureId[]> {
  const chosen = new Set<FeatureId>();
  const problems: string[] = [];
  text.split(",").forEach((raw, k) => {
    const entry = raw.trim();
    if (entry === "") problems.push(`entry ${k + 1} is empty`);
    else if (!isFeatureId(entry))
      problems.push(`"${shown(entry)}" is not a feature (${featureIds.join(", ")})`);
    else if (chosen.has(entry)) problems.push(`${entry} is listed twice`);
    else chosen.add(entry);
  });
  const value = featureIds.filter((id) => chosen.has(id));
  if (value.length === 0) {
    return {
      value: fallback,
      note: `features=${shown(text)} names no feature, and the network needs at least one; using ${fallback.join(",")}`
    };
  }
  if (problems.length === 0) return {value};
  return {value, note: `features=${shown(text)}: ${listed(problems)}; using ${value.join(",")}`};
}

/**
 * Reads units=8,8,4: one width per hidden layer, each 1–8, at most 6 layers; "" or "0" is no
 * hidden layer. Entries out of range or fractional are taken to the nearest allowed width,
 * empty or non-numeric ones dropped, all in one note; `fallback` when no entry is usable.
 */
export function readUnits(text: string, fallback: readonly number[]): ReadValue<readonly number[]> {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed === "0") return {value: []};
  const {min, max} = rangeSpecs.units;
  const value: number[] = [];
  const problems: string[] = [];
  trimmed.split(",").forEach((raw, k) => {
    const entry = raw.trim();
    const width = parseNumber(entry);
    const layer = `layer ${k + 1}`;
    if (entry === "") problems.push(`${layer} is empty`);
    else if (!Number.isFinite(width)) problems.push(`${layer}'s "${shown(entry)}" is not a number`);
    else if (width < min || width > max) {
      const clamped = Math.min(max, Math.max(min, Math.round(width)));
      problems.push(`${layer}'s ${entry} is outside ${min}–${max}, so ${clamped}`);
      value.push(clamped);
    } else if (!Number.isInteger(width)) {
      problems.push(`${layer}'s ${entry} is not a whole number, so ${Math.round(width)}`);
      value.push(Math.round(width));
    } else value.push(width);
  });
  if (value.length > rangeSpecs.layers.max) {
    problems.push(`more than ${rangeSpecs.layers.max} layers, so the first ${rangeSpecs.layers.max}`);
    value.length = rangeSpecs.layers.max;
  }
  if (value.length === 0) {
    return {
      value: fallback,
      note: `units=${shown(text)} gives no layer's width (${listed(problems)}); using ${fallback.join(",")}`
    };
  }
  if (problems.length === 0) return {value};
  return {value, note: `units=${shown(text)}: ${listed(problems)}; using ${value.join(",")}`};
}

/**
 * Reads the hidden layers: units=8,8,4 (one width per layer), or the older
 * layers=2&units=4 (that many layers of that width, as the playground wrote it before
 * widths were set per layer; that form's defaults are `fallback`'s count and first width).
 * Notes are pushed onto `notes`; undefined when neither parameter is given.
 */
export function readLayers(
  layersText: string | null,
  unitsText: string | null,
  fallback: readonly number[],
  notes: string[]
): readonly number[] | undefined {
  if (layersText === null) {
    if (unitsText === null) return undefined;
    const {value, note} = readUnits(unitsText, fallback);
    if (note) notes.push(note);
    return value;
  }
  const layers = readRange("layers", layersText, rangeSpecs.layers, fallback.length);
  if (layers.note) notes.push(layers.note);
  if (unitsText !== null && unitsText.includes(",")) {
    notes.push(`layers=${shown(layersText)} is ignored beside a list of widths units=${shown(unitsText)}`);
    const {value, note} = readUnits(unitsText, fallback);
    if (note) notes.push(note);
    return value;
  }
  const width =
    unitsText === null ? {value: fallback[0]} : readRange("units", unitsText, rangeSpecs.units, fallback[0]);
  if (width.note) notes.push(width.note);
  return Array.from({length: layers.value}, () => width.value);
}
