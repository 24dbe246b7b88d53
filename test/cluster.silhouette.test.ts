import { describe, expect, it } from "vitest";
import { silhouetteSamples, silhouetteScore } from "../lib/cluster/silhouette";
import { elbow } from "../lib/cluster/elbow";

describe("silhouette", () => {
  it("matches a hand calculation on a 1-D set with a singleton cluster", () => {
    // X = 0, 2, 3 | 10, labels 0,0,0 | 1.
    //   x=0: a = (2+3)/2 = 2.5, b = 10 → s = 1 − 2.5/10 = 0.75
    //   x=2: a = (2+1)/2 = 1.5, b = 8  → s = 1 − 1.5/8  = 0.8125
    //   x=3: a = (3+1)/2 = 2,   b = 7  → s = 1 − 2/7    = 5/7
    //   x=10: alone in its cluster → s = 0 (Rousseeuw's convention)
    const X = [[0], [2], [3], [10]];
    const labels = [0, 0, 0, 1];
    const s = silhouetteSamples(X, labels);
    expect(s[0]).toBeCloseTo(0.75, 15);
    expect(s[1]).toBeCloseTo(0.8125, 15);
    expect(s[2]).toBeCloseTo(5 / 7, 15);
    expect(s[3]).toBe(0);
    expect(silhouetteScore(X, labels)).toBeCloseTo((0.75 + 0.8125 + 5 / 7) / 4, 15);
  });

  it("is negative for a point placed in the wrong cluster", () => {
    // x=1 labelled with the far group {9, 10}: a = (8+9)/2 = 8.5, b = mean(1, 0)... own group is {1,9,10}
    // labels: 0,0 | 1,1,1 for X = 0, 2 | 1, 9, 10 → for x=1: a = (8+9)/2 = 8.5, b = (1+1)/2 = 1 → s = (1 − 8.5)/8.5
    const s = silhouetteSamples([[0], [2], [1], [9], [10]], [0, 0, 1, 1, 1]);
    expect(s[2]).toBeCloseTo((1 - 8.5) / 8.5, 15);
  });

  it("refuses a single cluster or all-singletons", () => {
    expect(() => silhouetteScore([[0], [1], [2]], [0, 0, 0])).toThrow(/2 ≤ number of clusters/);
    expect(() => silhouetteScore([[0], [1], [2]], [0, 1, 2])).toThrow(/2 ≤ number of clusters/);
  });
});

describe("elbow", () => {
  it("has non-increasing inertia over k and peaks the silhouette at the true k on clear blobs", () => {
    // three tight 1-D groups: {0,1,2}, {100,101,102}, {200,201,202}
    const X = [0, 1, 2, 100, 101, 102, 200, 201, 202].map((x) => [x]);
    const e = elbow(X, { seed: 1, kMin: 2, kMax: 5 });
    expect(e.map((p) => p.k)).toEqual([2, 3, 4, 5]);
    for (let i = 1; i < e.length; i++) expect(e[i].inertia).toBeLessThanOrEqual(e[i - 1].inertia + 1e-9);
    // at k = 3 the within-cluster SS is 3 groups × (1 + 0 + 1) = 6, by hand
    expect(e[1].inertia).toBeCloseTo(6, 10);
    const best = e.reduce((a, b) => ((b.silhouette ?? -2) > (a.silhouette ?? -2) ? b : a));
    expect(best.k).toBe(3);
  });
});
