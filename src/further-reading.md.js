// The further-reading page, written when the site is built from src/components/sources.js
// (every work the course cites, grouped by topic in furtherReadingPage.js).
import {furtherReadingMarkdown} from "./components/furtherReadingPage.js";

process.stdout.write(furtherReadingMarkdown());
