/**
 * Long loops in a request (an import of 100,000 lines) give the event loop a turn every so many
 * items, so /healthz and other requests are answered in between (issue #11).
 */
const EVERY = 2_000;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `items.map(fn)`, with a turn of the event loop every EVERY items. */
export async function mapInTurns<T, U>(items: readonly T[], fn: (item: T, index: number) => U): Promise<U[]> {
  const out: U[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % EVERY === 0) await turn();
    out[i] = fn(items[i], i);
  }
  return out;
}

/** `for (const item of items) fn(item)`, with a turn of the event loop every EVERY items. */
export async function forEachInTurns<T>(items: Iterable<T>, fn: (item: T) => void): Promise<void> {
  let i = 0;
  for (const item of items) {
    if (i > 0 && i % EVERY === 0) await turn();
    fn(item);
    i++;
  }
}
