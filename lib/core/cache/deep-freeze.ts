/**
 * Freezes plain objects and arrays all the way down (Dates and byte arrays stay as they are).
 * For values shared between requests (caches): a caller that mutates one gets a TypeError
 * instead of silently changing what the next request sees.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value) || ArrayBuffer.isView(value) || value instanceof Date) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
