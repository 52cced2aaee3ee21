// The Markdown of the glossary page (src/glossary.md.js): a short introduction, then every
// term of glossary.js as a definition list entry whose id is the term's anchor.
import {glossary} from "./glossary.js";

export function glossaryMarkdown(terms = glossary) {
  const entries = terms
    .map(({id, term, definition}) => `<dt id="${id}">${term}</dt>\n<dd>\n\n${definition}\n\n</dd>`)
    .join("\n");
  return `---
title: Glossary
---

# Glossary

<div class="goals">

After this page you can say in a sentence or two what each term the course leans on means. The pages link a term here the first time they use it; the terms come roughly in the order the course meets them.

</div>

<dl class="glossary">
${entries}
</dl>
`;
}
