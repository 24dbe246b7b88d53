/**
 * Rows for display's table(): it takes Record<string, unknown>[], which TypeScript does not let an interface type
 * satisfy (interfaces have no implicit index signature), while the same members as a mapped type do. `Plain<T>`
 * is that mapped type and `plainRows` the typed identity that hands a list of interface-typed records to table().
 */
export type Plain<T> = { [K in keyof T]: T[K] };

/** The same array, typed as Plain<T>[]: no copy, no change. */
export function plainRows<T extends object>(rows: readonly T[]): Plain<T>[] {
  return rows as Plain<T>[];
}
