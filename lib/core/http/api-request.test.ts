import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type ApiRequest, type RequestHeaders, toHeaders } from "./api-request";
import { apiRoute, readJson } from "@/lib/routes/handler";

// A stand-in as the fast routes build one (server/fast-routes.ts): no Request, no body stream.
function plainHeaders(values: Record<string, string>): RequestHeaders {
  const entries = Object.entries(values);
  return {
    get: (name) => values[name.toLowerCase()] ?? null,
    has: (name) => name.toLowerCase() in values,
    forEach: (callback) => entries.forEach(([name, value]) => callback(value, name)),
    [Symbol.iterator]: () => entries[Symbol.iterator](),
  };
}

function plainRequest(body: string, headers: Record<string, string> = {}): ApiRequest {
  return { method: "POST", url: "http://x/v1/echo", headers: plainHeaders(headers), signal: new AbortController().signal, text: async () => body };
}

describe("ApiRequest", () => {
  it("is what apiRoute and readJson need: a plain object goes through without being a Request", async () => {
    const route = apiRoute("public", async (request) => readJson(request, z.object({ said: z.string() })));
    const response = await route(plainRequest('{"said":"hi"}', { "x-portkey-trace-id": "t-1" }), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ said: "hi" });
    expect(response.headers.get("x-portkey-trace-id")).toBe("t-1");
  });

  it("refuses an unauthenticated stand-in with a 401 before reading its body", async () => {
    let read = false;
    const request = { ...plainRequest("{}"), text: async () => ((read = true), "{}") };
    const response = await apiRoute("read", async (req) => readJson(req, z.object({})))(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(401);
    expect(read).toBe(false);
  });

  it("gives a library a real Headers (the same one when it already is)", () => {
    const real = new Headers({ cookie: "a=b" });
    expect(toHeaders(real)).toBe(real);
    const copied = toHeaders(plainHeaders({ cookie: "a=b", host: "x" }));
    expect(copied).toBeInstanceOf(Headers);
    expect(copied.get("cookie")).toBe("a=b");
    expect(copied.get("host")).toBe("x");
  });
});
