import { describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/caller";
import { ApiError } from "@/lib/core/http/errors";
import { assertMayRunDraft, assertMayRunVersion, assertMayUseVirtualKey, runAccessOf } from "./run-access";

const key = (scope: "admin" | "completions", extra: Partial<Extract<Caller, { kind: "api_key" }>> = {}): Caller => ({
  kind: "api_key",
  apiKeyId: "k",
  scope,
  userId: null,
  rateLimitPerMinute: null,
  ...extra,
});
const viewer: Caller = { kind: "session", userId: "u", email: "v@example.com", role: "viewer" };

function refusal(fn: () => void): ApiError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(403);
    return error as ApiError;
  }
  throw new Error("expected a 403");
}

describe("run access", () => {
  it("a run-only key may not run drafts, unless created with allow_drafts", () => {
    const runOnly = runAccessOf(key("completions"));
    expect(refusal(() => assertMayRunDraft(runOnly, { template: "hi" })).param).toBe("template");
    expect(refusal(() => assertMayRunDraft(runOnly, { template_type: "chat" })).message).toMatch(/allow_drafts/);
    assertMayRunDraft(runOnly, {});
    assertMayRunDraft(runAccessOf(key("completions", { allowDrafts: true })), { template: "hi" });
  });

  it("a run-only key runs released versions only", () => {
    const runOnly = runAccessOf(key("completions"));
    expect(refusal(() => assertMayRunVersion(runOnly, { number: 3, released: false }, "pp-x")).message).toMatch(/Version 3 of prompt 'pp-x'/);
    assertMayRunVersion(runOnly, { number: 2, released: true }, "pp-x");
    assertMayRunVersion(runAccessOf(key("completions", { allowDrafts: true })), { number: 3, released: false }, "pp-x");
  });

  it("a run-only key uses its prompt's own virtual key or one of its list, and learns nothing about others", () => {
    const runOnly = runAccessOf(key("completions", { virtualKeyIds: ["listed"] }));
    assertMayUseVirtualKey(runOnly, "own", "own", "own-slug");
    assertMayUseVirtualKey(runOnly, "listed", "own", "listed-slug");
    const other = refusal(() => assertMayUseVirtualKey(runOnly, "other", "own", "other-slug"));
    const missing = refusal(() => assertMayUseVirtualKey(runOnly, null, "own", "no-such-slug"));
    expect(other.param).toBe("virtual_key");
    expect(missing.message.replace("no-such-slug", "other-slug")).toBe(other.message);
  });

  it("admin keys, people signed in and the server itself keep running anything", () => {
    for (const caller of [key("admin"), viewer, null]) {
      const access = runAccessOf(caller);
      assertMayRunDraft(access, { template: "hi" });
      assertMayRunVersion(access, { number: 9, released: false }, "pp-x");
      assertMayUseVirtualKey(access, "other", "own", "other");
    }
  });
});
