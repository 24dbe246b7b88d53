import { describe, expect, it } from "vitest";
import { childSeed, normal, randomInt, rng, shuffle } from "../lib/core/random";

describe("rng (mulberry32)", () => {
  it("reproduces mulberry32's reference stream", () => {
    // Expected values from an independent integer implementation of mulberry32 (Python, arbitrary-
    // precision ints masked to 32 bits), not from this code.
    const r = rng(42);
    expect([r(), r(), r()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    const s = rng(0);
    expect([s(), s(), s()]).toEqual([0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]);
  });

  it("rejects a non-integer seed instead of silently truncating it", () => {
    expect(() => rng(1.5)).toThrow(/integer/);
  });

  it("stays in [0, 1) and is roughly uniform", () => {
    const r = rng(7);
    const bins = new Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = r();
      if (!(u >= 0 && u < 1)) outside++;
      else bins[Math.floor(u * 10)]++;
    }
    expect(outside).toBe(0);
    // each bin expects 10 000; 5 sd of a binomial(1e5, 0.1) is 474
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(474);
  });
});

describe("childSeed", () => {
  it("gives distinct uint32 seeds for neighbouring indices and is a pure function", () => {
    const seeds = Array.from({ length: 1000 }, (_, i) => childSeed(123, i));
    expect(new Set(seeds).size).toBe(1000);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
    expect(childSeed(123, 5)).toBe(seeds[5]);
    expect(childSeed(124, 5)).not.toBe(seeds[5]);
  });
});

describe("randomInt, shuffle, normal", () => {
  it("randomInt covers 0..n−1 only", () => {
    const r = rng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(randomInt(r, 5));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(() => randomInt(r, 0)).toThrow();
  });

  it("shuffle returns a permutation and leaves the input alone", () => {
    const a = Array.from({ length: 20 }, (_, i) => i);
    const b = shuffle(rng(3), a);
    expect(a).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect([...b].sort((x, y) => x - y)).toEqual(a);
    expect(b).not.toEqual(a);
    expect(shuffle(rng(3), a)).toEqual(b);
  });

  it("normal has the requested mean and sd", () => {
    const r = rng(11);
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = normal(r, 2, 3);
      s += z;
      s2 += z * z;
    }
    const mean = s / n;
    const sd = Math.sqrt(s2 / n - mean * mean);
    // standard error of the mean is 3/√1e5 ≈ 0.0095; of the sd ≈ 3/√2e5 ≈ 0.0067
    expect(Math.abs(mean - 2)).toBeLessThan(0.05);
    expect(Math.abs(sd - 3)).toBeLessThan(0.035);
  });
});
