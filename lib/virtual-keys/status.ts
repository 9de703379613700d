/**
 * The status of a key whose secret was cleared because the key moved to another host:
 * unusable until a key is set again. Client-safe (the settings page reads it too).
 */
export const NEEDS_SECRET = "needs_secret";
