// The glossary page, written when the site is built from the terms of
// src/components/glossary.js, so each term is defined in one place and its anchor exists in
// the page's HTML (a link from another page lands on it before any script runs).
import {glossaryMarkdown} from "./components/glossaryPage.js";

process.stdout.write(glossaryMarkdown());
