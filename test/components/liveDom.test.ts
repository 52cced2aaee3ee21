// liveDom.js rewrites only the text of live markup when its shape is unchanged; these check
// the shape it compares, on the HTML liveTex.js writes for numbers.
import {describe, expect, test} from "vitest";
import {htmlShape} from "../../src/components/liveDom.js";
import {liveNumberHtml} from "../../src/components/liveTex.js";

describe("htmlShape", () => {
  test("numbers of one form share a shape, so a slider move rewrites only text", () => {
    const a = htmlShape(liveNumberHtml(0.7311));
    const b = htmlShape(liveNumberHtml(0.25));
    expect(a.shape).toBe(b.shape);
    expect(a.texts).toEqual(["0.7311"]);
    expect(b.texts).toEqual(["0.25"]);
    const small = htmlShape(liveNumberHtml(4.54e-5));
    const smaller = htmlShape(liveNumberHtml(4.54e-8));
    expect(small.shape).toBe(smaller.shape);
    expect(small.texts).toEqual(["4.54", "×", "1", "0", "−", "5"]);
    expect(smaller.texts.at(-1)).toBe("8");
  });

  test("a sign, a power of ten or parentheses change the shape", () => {
    const shape = (v: number, options = {}) => htmlShape(liveNumberHtml(v, options)).shape;
    expect(shape(-0.5)).not.toBe(shape(0.5));
    expect(shape(4.54e-5)).not.toBe(shape(0.5));
    expect(shape(-2, {factor: true})).not.toBe(shape(2, {factor: true}));
  });

  test("text is unescaped as the DOM holds it", () => {
    expect(htmlShape('<span class="mord">a &amp; b &lt; c</span>').texts).toEqual(["a & b < c"]);
  });

  test("text before the first tag and after the last is a run of its own", () => {
    const {shape, texts} = htmlShape('After <span class="live">3</span> steps.');
    expect(texts).toEqual(["After ", "3", " steps."]);
    expect(shape).toBe(htmlShape('After <span class="live">40</span> steps!').shape);
  });

  test("an entity it cannot decode leaves no shape, so the content is replaced whole", () => {
    expect(htmlShape("<b>a&nbsp;b</b>").shape).toBeUndefined();
  });
});
