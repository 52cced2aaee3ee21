// Editing a reader's own points on the playground's data chart with a pointer: a click (or a
// tap) adds a point, a drag or an Alt-click erases. The chart only says where, in a
// "pg-point" event; the page keeps the points (./playgroundPoints.js).

/** A pointer that moves this many pixels while pressed drags (erases) instead of clicking. */
const DRAG_PX = 5;

/**
 * Pointer editing on a chart (`toX1`, `toX2` map its coordinates to the data's; points within
 * ±extent in each coordinate): with `chart.setEditing("add")` a click (or tap) in the frame sends a "pg-point"
 * event {x1, x2, erase: false}, an Alt-click {erase: true}; a press that moves sends
 * {erase: true} at every step of the drag; with "erase" every click erases too; with false
 * the pointer does nothing.
 */
export function editOnChart(chart, {toX1, toX2, extent}) {
  let mode = false;
  let press = null; // {x, y, dragging}
  const toData = (event) => {
    const matrix = chart.getScreenCTM();
    if (!matrix) return null;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const x1 = toX1(point.x);
    const x2 = toX2(point.y);
    return Math.abs(x1) <= extent && Math.abs(x2) <= extent ? {x1, x2} : null;
  };
  const send = (event, erase) => {
    const at = toData(event);
    if (at) chart.dispatchEvent(new CustomEvent("pg-point", {bubbles: true, detail: {...at, erase}}));
  };
  chart.addEventListener("pointerdown", (event) => {
    if (!mode || event.button !== 0) return;
    press = {x: event.clientX, y: event.clientY, dragging: false};
    chart.setPointerCapture?.(event.pointerId);
    event.preventDefault();
  });
  chart.addEventListener("pointermove", (event) => {
    if (!press) return;
    if (!press.dragging && Math.hypot(event.clientX - press.x, event.clientY - press.y) >= DRAG_PX) {
      press.dragging = true;
    }
    if (press.dragging) send(event, true);
  });
  chart.addEventListener("pointerup", (event) => {
    if (!press) return;
    if (!press.dragging) send(event, mode === "erase" || event.altKey);
    press = null;
  });
  chart.addEventListener("pointercancel", () => (press = null));
  chart.setEditing = (next) => {
    mode = next === "add" || next === "erase" ? next : false;
    chart.dataset.editing = mode || "off";
  };
  chart.setEditing(false);
}
