import { describe, expect, it, vi } from "vitest";
import type { ApiRequest } from "@/lib/core/http/api-request";
import { requestActor } from "@/lib/core/request-actor";

vi.mock("@/lib/auth/caller", () => ({
  getCaller: async () => ({ kind: "session", userId: "owner-1", email: "owner@example.com", role: "owner" }),
}));

const { apiRoute } = await import("./handler");

function request(method: string): ApiRequest {
  const headers = new Headers({ "x-forwarded-for": "198.51.100.7" });
  return { method, url: "http://localhost/v1/x", headers, signal: new AbortController().signal, text: async () => "" };
}

const seenActor = (access: "completions" | "write" | "settings") =>
  apiRoute(access, async () => ({ actor: requestActor() }))(request("POST"), { params: Promise.resolve({}) }).then((r) => r.json());

describe("apiRoute's audit actor", () => {
  it("is set around the handlers of writing routes, from the caller and its address", async () => {
    expect((await seenActor("write")).actor).toEqual({ kind: "session", userId: "owner-1", email: "owner@example.com", ip: "198.51.100.7" });
    expect((await seenActor("settings")).actor).toMatchObject({ userId: "owner-1" });
  });

  it("is not set around completions: nothing there writes the audit log, and the scope costs every call", async () => {
    expect((await seenActor("completions")).actor).toBeNull();
  });
});
