import { describe, expect, it } from 'vitest';
import { runSteps, runStepsSliced } from '../../lib/steps';

function* count(n: number): Generator<void, number> {
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += i;
    yield;
  }
  return total;
}

describe('runSteps / runStepsSliced', () => {
  it('give the same result, at once or in slices', async () => {
    let yields = 0;
    expect(runSteps(count(10))).toBe(45);
    expect(await runStepsSliced(count(10), { yieldToHost: async () => void yields++, sliceMs: 0 })).toBe(45);
    expect(yields).toBe(10);
  });

  it('yield only when a slice has run long enough', async () => {
    let yields = 0;
    let t = 0;
    await runStepsSliced(count(10), { yieldToHost: async () => void yields++, sliceMs: 3, now: () => t++ });
    expect(yields).toBeGreaterThan(0);
    expect(yields).toBeLessThan(10);
  });

  it('stop when the signal aborts', async () => {
    const controller = new AbortController();
    const result = await runStepsSliced(count(10), { yieldToHost: async () => controller.abort(), sliceMs: 0, signal: controller.signal });
    expect(result).toBeNull();
  });
});
