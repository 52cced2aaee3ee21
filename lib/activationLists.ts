// Which activations each place of the course lists, derived from the registry
// (`activations` in ./activations.js), so that adding an activation is adding one record: it
// then appears wherever a reader would look for it, and nowhere it does not belong.
//
//   the source document's five (summary table, home page, backpropagation)  coreActivationIds
//   /more-activations' "one at a time" menu, /summary's "more" table        furtherIds
//   /more-activations' introduction and "At a glance" table                 glanceIds
//   /more-activations' comparison, its legend, the playground's menu        comparedIds
//   /tldr's question on which activation goes where                         chooserChoices (./chooser.js)
//   /your-own's functions                                                   every record (lib/expression.ts)
//
// The functions take the registry and the document's five as arguments (./activations.js
// passes its own), so a test can hand them a registry with a record added.

import type {Activation} from "./activations.js";

/** A registry of activations by id, like `activations` in ./activations.js. */
export type Registry = Readonly<Record<string, Activation>>;

/** The records beyond the source document's five (`core`), in the registry's order. */
export function furtherIds<R extends Registry>(registry: R, core: readonly string[]): (keyof R & string)[] {
  return Object.keys(registry).filter((id) => !core.includes(id));
}

/**
 * Every record, the document's five first (in `core`'s order) and then the others: what the
 * comparison chart offers, and what a network in the playground can use. Throws if `core`
 * names an id the registry does not hold.
 */
export function comparedIds<R extends Registry>(registry: R, core: readonly string[]): (keyof R & string)[] {
  for (const id of core)
    if (!Object.hasOwn(registry, id))
      throw new Error(`comparedIds: ${JSON.stringify(id)} is not in the registry`);
  return [...(core as (keyof R & string)[]), ...furtherIds(registry, core)];
}

/**
 * The further records that stand on their own: those beyond `core` that are not a variant of
 * another record (`variantOf`), in the registry's order. /more-activations' introduction
 * names these and its "At a glance" table has a row for each.
 */
export function glanceIds<R extends Registry>(registry: R, core: readonly string[]): (keyof R & string)[] {
  return furtherIds(registry, core).filter((id) => registry[id].variantOf === undefined);
}
