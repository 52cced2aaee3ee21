// Updates for what the reader cannot see wait until the input settles. A slider drag sends
// an input event every frame; the charts and formulas on screen follow each one, while those
// far off screen are brought up to date once, when the hand rests, or as soon as they come
// near the viewport. The last update of every element always runs: nothing is dropped, the
// work per frame is only what is in view.

/** How long input must pause before off-screen updates run (a drag moves every ~16 ms). */
export const SETTLE_MS = 150;

/** How near the viewport (a fraction of its size) counts as in view. */
const MARGIN = "20% 0px";

const pending = new Map();
// elements whenInView watches: in or near view (true/false), undefined until first measured
const inView = new WeakMap();
// elements nearScreen watches, each with the loads that wait for it to come near
const nearLoads = new Map();
// one observer for the page, shared by whenInView and nearScreen (they use the same margin)
let observer = null;
let timer = 0; // 0 while no timer is armed
let lastDeferred = 0;

function run(element) {
  const update = pending.get(element);
  pending.delete(element);
  update?.();
}

/** Runs every waiting update now. */
export function flushOffscreen() {
  clearTimeout(timer);
  timer = 0;
  for (const element of [...pending.keys()]) run(element);
}

function sharedObserver() {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const {target, isIntersecting} of entries) {
        if (inView.has(target)) {
          inView.set(target, isIntersecting);
          if (isIntersecting && pending.has(target)) run(target);
        }
        if (isIntersecting && nearLoads.has(target)) startNear(target);
      }
    },
    {rootMargin: MARGIN}
  );
  return observer;
}

function observe(element) {
  inView.set(element, undefined);
  const shared = sharedObserver();
  // watched already for nearScreen: observing it again measures it afresh for whenInView
  if (nearLoads.has(element)) shared.unobserve(element);
  shared.observe(element);
}

/**
 * Runs `update` (the DOM writes for `element`) now if the element is in or near the
 * viewport, or not yet measured; otherwise keeps it, replacing any update still waiting for
 * the same element, and runs it once input has paused for SETTLE_MS or the element comes
 * into view. Compute in the caller, so that errors show where they happen; defer only the
 * writing.
 */
export function whenInView(element, update) {
  if (!inView.has(element)) observe(element);
  if (inView.get(element) !== false) {
    pending.delete(element);
    update();
    return;
  }
  pending.set(element, update);
  // one timer for all waiting elements, re-armed only when it fires early: a drag defers
  // several elements per frame, and this keeps that to a timestamp each
  lastDeferred = performance.now();
  timer ||= setTimeout(settled, SETTLE_MS);
}

/**
 * Runs `update` once input has paused for SETTLE_MS, replacing any update still waiting for
 * the same key: for work a drag may skip while it moves, such as the full redraw that follows
 * quick previews.
 */
export function whenSettled(key, update) {
  pending.set(key, update);
  lastDeferred = performance.now();
  timer ||= setTimeout(settled, SETTLE_MS);
}

function settled() {
  const wait = lastDeferred + SETTLE_MS - performance.now();
  if (wait > 1) timer = setTimeout(settled, wait);
  else flushOffscreen();
}

let loading = 0;

/** Counts `promise` (a module an update waits for) as pending until it settles. */
export function holdUntil(promise) {
  loading++;
  const done = () => loading--;
  promise.then(done, done);
  return promise;
}

/** Starts the loads waiting for `element`, once, and stops watching it for nearScreen. */
function startNear(element) {
  const starts = nearLoads.get(element);
  nearLoads.delete(element);
  if (!inView.has(element)) observer?.unobserve(element);
  for (const start of starts) start();
}

/**
 * Runs `load` (a dynamic import, say) once `element` comes in or near the viewport, and
 * resolves with what it gives: for code a page needs only when the reader nears what it draws,
 * such as the questions and sources at the foot of a long page, so that its first load stays
 * within budget. Printing, or a missing element, loads at once. The load counts as pending
 * (pendingOffscreen) while it runs, not while it waits for the reader. Every element is
 * watched by the page's one observer, the one whenInView uses.
 */
export function nearScreen(element, load) {
  return new Promise((resolve, reject) => {
    const start = () => holdUntil(Promise.resolve().then(load)).then(resolve, reject);
    // nothing to watch, or no way to; or whenInView watches it and knows it is near already
    if (!element || typeof IntersectionObserver !== "function" || inView.get(element) === true)
      return start();
    const starts = nearLoads.get(element);
    if (starts) return starts.push(start);
    nearLoads.set(element, [start]);
    // an element whenInView watches is observed already, and its next entry comes here too
    if (!inView.has(element)) sharedObserver().observe(element);
  });
}

/** How many elements wait for an update, or modules for loading (for tests: the page is settled at zero). */
export const pendingOffscreen = () => pending.size + loading;
// a page's tests wait for this to reach zero before they read what a slider changed
globalThis.__pendingOffscreen = pendingOffscreen;
// printing shows everything: bring it up to date first, and load what waits for the reader
globalThis.addEventListener?.("beforeprint", () => {
  flushOffscreen();
  for (const element of [...nearLoads.keys()]) startNear(element);
});
