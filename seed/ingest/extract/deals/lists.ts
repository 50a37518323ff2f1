export const unique = <T>(values: T[]): T[] => [...new Set(values)];
export const isDefined = <T>(value: T | undefined | null): value is T =>
  value !== undefined && value !== null;
