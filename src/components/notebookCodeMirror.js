// Notebook mode: the code editor of one cell, CodeMirror 6 with JavaScript. Loaded only with
// the rest of the editor, when a reader first turns "Show code" on. Colours are the page's
// (--theme-* and the --notebook-* syntax colours in src/style.css, which follow the light and
// dark themes and keep AA contrast on the editor's background).
//
// Keyboard: Tab indents; Escape then Tab (or Shift-Tab) leaves the editor, as CodeMirror
// provides, so focus is never trapped; Shift-Enter runs the cell.
import {indentWithTab} from "@codemirror/commands";
import {javascript} from "@codemirror/lang-javascript";
import {HighlightStyle, bracketMatching, indentOnInput, syntaxHighlighting} from "@codemirror/language";
import {Prec} from "@codemirror/state";
import {keymap, lineNumbers} from "@codemirror/view";
import {tags} from "@lezer/highlight";
import {EditorView, minimalSetup} from "codemirror";

const highlight = HighlightStyle.define([
  {tag: [tags.keyword, tags.operatorKeyword, tags.modifier], color: "var(--notebook-keyword)"},
  {tag: [tags.string, tags.special(tags.string), tags.regexp], color: "var(--notebook-string)"},
  {tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--notebook-constant)"},
  {
    tag: [tags.function(tags.variableName), tags.function(tags.propertyName), tags.className],
    color: "var(--notebook-entity)"
  },
  {tag: [tags.definition(tags.variableName)], color: "var(--notebook-variable)"},
  {
    tag: [tags.comment, tags.lineComment, tags.blockComment],
    color: "var(--notebook-comment)",
    fontStyle: "italic"
  },
  {tag: tags.invalid, color: "var(--notebook-keyword)", textDecoration: "underline wavy"}
]);

const theme = EditorView.theme({
  "&": {color: "var(--theme-foreground)", backgroundColor: "var(--theme-background-alt)", fontSize: "14px"},
  "&.cm-focused": {outline: "2px solid var(--theme-foreground-focus)", outlineOffset: "1px"},
  ".cm-content": {fontFamily: "var(--monospace)", caretColor: "var(--theme-foreground)"},
  ".cm-cursor, .cm-dropCursor": {borderLeftColor: "var(--theme-foreground)"},
  ".cm-gutters": {
    backgroundColor: "var(--theme-background-alt)",
    color: "var(--theme-foreground-muted)",
    borderRight: "1px solid var(--theme-foreground-faintest)"
  },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "color-mix(in srgb, var(--theme-foreground-focus) 30%, transparent)"
  },
  ".cm-matchingBracket": {outline: "1px solid var(--theme-foreground-muted)"}
});

/**
 * A JavaScript editor in `parent` holding `doc`. `label` is its accessible name and
 * `describedBy` the id of the text that explains its keys; `onRun` runs on Shift-Enter,
 * `onChange(text)` after every change. Returns `{get(), set(text), focus(), destroy()}`.
 */
export function createCodeEditor({parent, doc, label, describedBy, onRun, onChange}) {
  const view = new EditorView({
    parent,
    doc,
    extensions: [
      minimalSetup,
      lineNumbers(),
      indentOnInput(),
      bracketMatching(),
      javascript(),
      syntaxHighlighting(highlight),
      theme,
      EditorView.lineWrapping,
      keymap.of([indentWithTab]),
      Prec.highest(keymap.of([{key: "Shift-Enter", run: () => (onRun(), true)}])),
      EditorView.contentAttributes.of({
        "aria-label": label,
        ...(describedBy ? {"aria-describedby": describedBy} : {})
      }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange(update.state.doc.toString());
      })
    ]
  });
  return {
    get: () => view.state.doc.toString(),
    set(text) {
      view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: text}});
    },
    focus: () => view.focus(),
    destroy: () => view.destroy()
  };
}
