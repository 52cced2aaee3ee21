// Looking a record up by id in one of the course's registries (activations, losses, gated
// units, framework bridges): an id names a record only if the registry holds it as its own
// key, never an inherited one such as "constructor", and an unknown id throws an error that
// names it and lists the ids there are.

/** True when `key` is a string that `registry` holds as its own key. */
export function hasEntry<R extends object>(registry: R, key: unknown): key is keyof R & string {
  return typeof key === "string" && Object.hasOwn(registry, key);
}

/**
 * The record of `registry` named `key`; for any other key, throws
 * `<unknown> "<key>"; expected one of <ids>`, e.g. `unknown loss "hinge"; expected one of …`.
 */
export function entryOf<R extends object>(registry: R, key: string, unknown: string, ids: readonly string[]): R[keyof R] {
  if (!hasEntry(registry, key)) throw new Error(`${unknown} ${JSON.stringify(key)}; expected one of ${ids.join(", ")}`);
  return registry[key];
}
