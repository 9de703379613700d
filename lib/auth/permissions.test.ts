import { describe, expect, it } from "vitest";
import type { Caller, Role } from "./caller";
import { assertCan, can, roleCan, type Action } from "./permissions";

const session = (role: Role, publisher = false): Caller => ({ kind: "session", userId: `u-${role}`, email: `${role}@x.test`, role, publisher });
const key = (scope: "admin" | "editor" | "completions"): Caller => ({ kind: "api_key", apiKeyId: `k-${scope}`, scope, userId: null, rateLimitPerMinute: null });

// The matrix the README documents: a change here is a change of policy.
const MATRIX: Record<string, Record<Action, boolean>> = {
  owner: { run: true, read: true, write: true, publish: true, settings: true, members: true },
  editor: { run: true, read: true, write: true, publish: false, settings: false, members: false },
  "editor, publisher": { run: true, read: true, write: true, publish: true, settings: false, members: false },
  viewer: { run: true, read: true, write: false, publish: false, settings: false, members: false },
  "viewer marked publisher": { run: true, read: true, write: false, publish: false, settings: false, members: false },
  "admin key": { run: true, read: true, write: true, publish: true, settings: true, members: false },
  "editor key": { run: true, read: true, write: true, publish: false, settings: false, members: false },
  "completions key": { run: true, read: false, write: false, publish: false, settings: false, members: false },
};
const CALLERS: Record<string, Caller> = {
  owner: session("owner"),
  editor: session("editor"),
  "editor, publisher": session("editor", true),
  viewer: session("viewer"),
  "viewer marked publisher": session("viewer", true),
  "admin key": key("admin"),
  "editor key": key("editor"),
  "completions key": key("completions"),
};

describe("the permission table", () => {
  for (const [who, actions] of Object.entries(MATRIX)) {
    it(`${who}: ${Object.entries(actions).map(([action, allowed]) => `${allowed ? "+" : "-"}${action}`).join(" ")}`, () => {
      for (const [action, allowed] of Object.entries(actions) as [Action, boolean][]) {
        expect(can(CALLERS[who], action), `${who} ${action}`).toBe(allowed);
        if (allowed) expect(() => assertCan(CALLERS[who], action)).not.toThrow();
        else expect(() => assertCan(CALLERS[who], action)).toThrow(expect.objectContaining({ status: 403 }));
      }
    });
  }

  it("refuses nobody-calling with 401", () => {
    expect(can(null, "run")).toBe(false);
    expect(() => assertCan(null, "read")).toThrow(expect.objectContaining({ status: 401 }));
  });

  it("gives an unknown role or scope nothing", () => {
    expect(roleCan("root" as Role, "read")).toBe(false);
    expect(can({ kind: "api_key", apiKeyId: "k", userId: null, rateLimitPerMinute: null, scope: "root" as "admin" }, "run")).toBe(false);
  });

  it("explains a refusal in words", () => {
    expect(() => assertCan(session("viewer"), "write")).toThrow(/viewer can read and run prompts/);
    expect(() => assertCan(session("editor"), "settings")).toThrow(/Only the owner/);
    expect(() => assertCan(key("completions"), "read")).toThrow(/may only run completions/);
    expect(() => assertCan(key("admin"), "members")).toThrow(/API keys can't/);
    expect(() => assertCan(session("editor"), "publish")).toThrow(/protected.*release request/);
  });
});
