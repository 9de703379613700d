import type { ResolvedPrompt } from "./resolve";

/**
 * A canary split's per-request choice. The resolution (with both arms) is cached per ref;
 * picking the arm is a hash of the caller's split key, so it costs no read and the same
 * caller always lands on the same arm while the split stands. Raising the weight only moves
 * callers from the baseline to the candidate, never back.
 */

/** FNV-1a over UTF-16 code units, then murmur3's finaliser so sequential keys spread evenly: [0, 1). */
export function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 0x1_0000_0000;
}

/** True when `key` falls in the candidate's share (`weight` percent) of this prompt's label. */
export function inCandidateArm(promptId: string, label: string, key: string, weight: number): boolean {
  // Salted per prompt and label, so one caller is not in every canary's candidate arm at once.
  return unitHash(`${promptId}\u0000${label}\u0000${key}`) * 100 < weight;
}

/** The resolution as this caller is served: the candidate's version when its key falls in the candidate's share. */
export function servedArm(resolved: ResolvedPrompt, splitKey: () => string): ResolvedPrompt {
  const { split, label } = resolved;
  if (!split || label === null) return resolved;
  if (!inCandidateArm(resolved.prompt.id, label, splitKey(), split.weight)) return resolved;
  return { ...resolved, version: split.candidate, split: null };
}
