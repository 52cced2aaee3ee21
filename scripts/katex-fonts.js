// The KaTeX fonts a page's formulas are set in, for <link rel="preload"> in its head.
//
// Formulas are typeset when the site is built (markdown-tex.js), but the browser asks for a
// font only once its first layout finds text set in it. A page busy running its modules
// lays out late, so a formula on the first screen is first laid out in a fallback font,
// invisibly (KaTeX's fonts are font-display: block), then again when the font arrives: the
// lines around it change height and wrap differently, and the page visibly jumps (on
// /initialisation, a layout shift of 0.055). Preloaded, the fonts arrive with the page's
// modules, before its first layout.
//
// Which font a piece of a formula uses follows from its classes, as katex.min.css assigns
// them; everything else is KaTeX_Main.

/** KaTeX's classes that change the font, each with the font file it then uses. */
const CLASS_FONTS = [
  [["mathnormal"], "Math-Italic"],
  [["boldsymbol"], "Math-BoldItalic"],
  [["mathit"], "Main-Italic"],
  [["textit"], "Main-Italic"],
  [["mathbf"], "Main-Bold"],
  [["textbf"], "Main-Bold"],
  [["amsrm"], "AMS-Regular"],
  [["mathbb"], "AMS-Regular"],
  [["textbb"], "AMS-Regular"],
  [["mathcal"], "Caligraphic-Regular"],
  [["mathsf"], "SansSerif-Regular"],
  [["textsf"], "SansSerif-Regular"],
  [["mathtt"], "Typewriter-Regular"],
  [["texttt"], "Typewriter-Regular"],
  [["delimsizing", "size1"], "Size1-Regular"],
  [["delimsizing", "size2"], "Size2-Regular"],
  [["delimsizing", "size3"], "Size3-Regular"],
  [["delimsizing", "size4"], "Size4-Regular"],
  [["delim-size1"], "Size1-Regular"],
  [["delim-size4"], "Size4-Regular"],
  [["op-symbol", "small-op"], "Size1-Regular"],
  [["op-symbol", "large-op"], "Size2-Regular"]
];

/**
 * The font files (as "Main-Regular", "Size1-Regular", …) that the formulas in `html` use, in
 * a stable order: KaTeX_Main first, then by name. None when the page has no formula.
 */
export function katexFonts(html) {
  if (!/class="katex"/.test(html)) return [];
  const fonts = new Set(["Main-Regular"]);
  for (const [, value] of html.matchAll(/class="([^"]*)"/g)) {
    const classes = new Set(value.split(/\s+/));
    for (const [required, font] of CLASS_FONTS) if (required.every((c) => classes.has(c))) fonts.add(font);
  }
  return ["Main-Regular", ...[...fonts].filter((f) => f !== "Main-Regular").sort()];
}

/**
 * The page with a preload for each KaTeX font its formulas use, placed before KaTeX's
 * stylesheet link (whose href gives the fonts' folder). A page without that link, or without
 * formulas, is returned as it is; so is one that already has the preloads.
 */
export function preloadKatexFonts(html) {
  const stylesheet = /<link rel="stylesheet external" href="([^"]*\/)katex\.min\.css">/.exec(html);
  if (!stylesheet || html.includes('rel="preload" as="font"')) return html;
  const links = katexFonts(html).map(
    (font) =>
      `<link rel="preload" as="font" type="font/woff2" crossorigin href="${stylesheet[1]}fonts/KaTeX_${font}.woff2">\n`
  );
  return html.slice(0, stylesheet.index) + links.join("") + html.slice(stylesheet.index);
}
