// The records named in running prose, as /more-activations' introduction lists them:
// "ELU, SELU, … Swish (also called SiLU), Softplus and Mish", each name in bold.
import {html} from "npm:htl";
import {joinWithAnd} from "../lib/wording.js";

/** The names of `records` in bold, joined with commas and a final "and". */
export function activationNames(records) {
  const names = records.map(
    (a) =>
      html`<span
        ><strong>${a.proseName ?? a.label}</strong
        >${a.alsoCalled ? ` (also called ${a.alsoCalled})` : ""}</span
      >`
  );
  return html`<span class="activation-names">${joinWithAnd(names)}</span>`;
}
