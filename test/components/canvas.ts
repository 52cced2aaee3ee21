// jsdom draws no canvas: the component tests that paint maps (heatmap.js) install this small
// 2D context, which keeps the pixels each putImageData puts, so a chart updated in place can
// be compared with the chart drawn afresh in its pixels too.

/** The last pixels put on each canvas. */
export const painted = new WeakMap<HTMLCanvasElement, Uint8ClampedArray>();

/** "#rrggbb" or "rgb(r, g, b)" as [r, g, b] (black for anything else, as a canvas ignores it). */
function parseColor(color: string): number[] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex) return hex.slice(1).map((h) => parseInt(h, 16));
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color);
  return rgb ? rgb.slice(1).map(Number) : [0, 0, 0];
}

/** The parts of a 2D context the charts (heatmap.js) and Plot's colour legend use. */
function context2d(canvas: HTMLCanvasElement) {
  let fill = [0, 0, 0];
  return {
    set fillStyle(color: string) {
      fill = parseColor(color);
    },
    clearRect() {},
    fillRect() {},
    getImageData: () => ({data: Uint8ClampedArray.from([...fill, 255])}),
    createImageData: (width: number, height: number) => ({
      width,
      height,
      data: new Uint8ClampedArray(width * height * 4)
    }),
    putImageData: (image: {data: Uint8ClampedArray}) => painted.set(canvas, image.data.slice())
  };
}

/** Gives every canvas of the test's document the 2D context above. */
export function installCanvas(): void {
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement) {
    return context2d(this);
  } as never;
}
