// @vitest-environment jsdom
// The playground's own controls: the feature checkboxes (never none ticked) and the units of
// each hidden layer (a slider for how many, − and + for each one's width).
import {describe, expect, test} from "vitest";
import {checkboxGroup, groupOptions} from "../../src/components/playgroundControls.js";
import {layersInput} from "../../src/components/playgroundLayers.js";

/** A stand-in for the page's Inputs.range: a form with a range input and a `value`. */
function fakeSlider(max: number) {
  const form = document.createElement("form");
  form.innerHTML = `<label>Hidden layers</label><input type="range" min="0" max="${max}" step="1">`;
  const range = form.querySelector("input")!;
  Object.defineProperty(form, "value", {
    get: () => range.valueAsNumber,
    set: (v: number) => (range.value = String(v))
  });
  return {
    form,
    range,
    move(to: number) {
      range.value = String(to);
      range.dispatchEvent(new Event("input", {bubbles: true}));
    }
  };
}

describe("checkboxGroup", () => {
  test("its value is the ticked ids in order; each change is an input event", () => {
    const group = checkboxGroup(["a", "b", "c"], {
      label: "Inputs",
      value: ["c", "a"],
      format: (id: string) => id.toUpperCase()
    });
    document.body.append(group);
    expect(group.value).toEqual(["a", "c"]);
    expect([...group.querySelectorAll("label")].map((l) => l.textContent)).toEqual(["A", "B", "C"]);
    let events = 0;
    group.addEventListener("input", () => events++);
    const b = group.querySelector<HTMLInputElement>('input[value="b"]')!;
    b.checked = true;
    b.dispatchEvent(new Event("input", {bubbles: true}));
    expect(group.value).toEqual(["a", "b", "c"]);
    expect(events).toBe(1);
    group.remove();
  });

  test("the last ticked box cannot be unticked: it stays, the page hears nothing, a message says why", () => {
    const group = checkboxGroup(["a", "b"], {label: "Inputs", value: ["b"]});
    document.body.append(group);
    let events = 0;
    group.addEventListener("input", () => events++);
    const b = group.querySelector<HTMLInputElement>('input[value="b"]')!;
    b.checked = false;
    b.dispatchEvent(new Event("input", {bubbles: true}));
    expect(b.checked).toBe(true);
    expect(group.value).toEqual(["b"]);
    expect(events).toBe(0);
    expect(group.querySelector(".range-message")!.textContent).toBe(
      "Inputs: at least one must stay on; b stays."
    );
    // a good change clears the message
    const a = group.querySelector<HTMLInputElement>('input[value="a"]')!;
    a.checked = true;
    a.dispatchEvent(new Event("input", {bubbles: true}));
    expect(group.querySelector(".range-message")!.textContent).toBe("");
    expect(events).toBe(1);
    group.remove();
  });
});

describe("groupOptions", () => {
  test("puts the options into labelled groups, in order, and keeps the chosen one chosen", () => {
    const form = document.createElement("form");
    form.innerHTML = `<select>${["a", "b", "c", "d", "e"]
      .map((label, i) => `<option value="${i}"${i === 3 ? " selected" : ""}>${label}</option>`)
      .join("")}</select>`;
    const select = form.querySelector("select")!;
    expect(select.value).toBe("3");
    expect(
      groupOptions(form, [
        {label: "One", size: 2},
        {label: "Two", size: 3}
      ])
    ).toBe(form);
    const groups = [...select.querySelectorAll("optgroup")];
    expect(groups.map((g) => [g.label, [...g.querySelectorAll("option")].map((o) => o.textContent)])).toEqual(
      [
        ["One", ["a", "b"]],
        ["Two", ["c", "d", "e"]]
      ]
    );
    expect(select.value).toBe("3");
    expect(select.selectedOptions[0].textContent).toBe("d");
  });
});

describe("layersInput", () => {
  test("the slider sets how many layers; a layer added back keeps its units, a new one copies the last", () => {
    const slider = fakeSlider(6);
    const layers = layersInput(slider.form, [8, 3]);
    document.body.append(layers);
    expect(layers.value).toEqual([8, 3]);
    expect(slider.form.value).toBe(2);
    const values: number[][] = [];
    layers.addEventListener("input", () => values.push(layers.value));
    slider.move(4);
    expect(layers.value).toEqual([8, 3, 3, 3]);
    slider.move(1);
    expect(layers.value).toEqual([8]);
    slider.move(2);
    expect(layers.value).toEqual([8, 3]);
    slider.move(0);
    expect(layers.value).toEqual([]);
    expect(layers.querySelectorAll("li")).toHaveLength(0);
    expect(values).toEqual([[8, 3, 3, 3], [8], [8, 3], []]);
    layers.remove();
  });

  test("− and + change one layer's units within 1 … maxUnits, disabled at the ends", () => {
    const slider = fakeSlider(6);
    const layers = layersInput(slider.form, [2, 7], {maxUnits: 8});
    document.body.append(layers);
    let events = 0;
    layers.addEventListener("input", () => events++);
    const button = (name: string) => layers.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;
    button("Add a unit to layer 2").click();
    expect(layers.value).toEqual([2, 8]);
    expect(button("Add a unit to layer 2").disabled).toBe(true);
    expect(document.activeElement).toBe(button("Remove a unit from layer 2")); // focus stays in the row
    button("Remove a unit from layer 1").click();
    expect(layers.value).toEqual([1, 8]);
    expect(button("Remove a unit from layer 1").disabled).toBe(true);
    button("Remove a unit from layer 1").click(); // disabled: nothing happens
    expect(layers.value).toEqual([1, 8]);
    expect(events).toBe(2);
    expect(layers.dataset.units).toBe("1,8");
    expect(layers.querySelector('li[data-layer="1"] output')!.textContent).toBe("1 unit");
    // setting the value redraws without an event
    layers.value = [4, 4, 4];
    expect(slider.form.value).toBe(3);
    expect(layers.querySelectorAll("li")).toHaveLength(3);
    expect(events).toBe(2);
    layers.remove();
  });
});
