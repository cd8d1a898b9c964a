/**
 * Long work written once as a generator that `yield`s at safe points, then run either at once
 * (Node scripts, tests, user actions) or in slices that give the page its main thread back.
 * Used by the text index, the page fingerprint and the page info.
 */

/** Runs a stepped computation to the end, synchronously (what it yields is ignored). */
export function runSteps<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface SliceOptions {
  /** Gives the main thread back to the page between slices. */
  yieldToHost: () => Promise<void>;
  /** Longest synchronous slice, in ms (default 8; 0 yields at every step). */
  sliceMs?: number;
  now?: () => number;
  signal?: AbortSignal;
}

/** Runs a stepped computation in slices of at most ~sliceMs; null when the signal aborted. */
export async function runStepsSliced<T>(steps: Generator<unknown, T>, opts: SliceOptions): Promise<T | null> {
  const now = opts.now ?? (() => performance.now());
  const sliceMs = opts.sliceMs ?? 8;
  let start = now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (now() - start >= sliceMs) {
      await opts.yieldToHost();
      if (opts.signal?.aborted) return null;
      start = now();
    }
  }
}
