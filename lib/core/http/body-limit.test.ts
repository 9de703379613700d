import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { bodyLimitFor, bodyTooLarge, readBodyText, streamBodyText, withBodyLimit } from "./body-limit";

const LIMIT = 1024;

/** A chunked upload: no declared length, bytes arriving in pieces; counts what was pulled. */
function streamed(total: number, piece = 256) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      const size = Math.min(piece, total - pulled);
      pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { request: new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit), pulled: () => pulled };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("readBodyText", () => {
  it("refuses a declared length over the limit before reading a byte", async () => {
    const { request, pulled } = streamed(4 * LIMIT);
    const declared = new Request(request, { headers: { "content-length": String(4 * LIMIT) } });
    await new Promise((resolve) => setTimeout(resolve, 0)); // the stream fills its small queue on its own
    const before = pulled();
    const error = await refusal(readBodyText(declared, LIMIT));
    expect(error).toMatchObject({ status: 413, code: "body_too_large" });
    expect(error.message).toContain("PROMPTLY_MAX_BODY_BYTES");
    expect(error.message).toContain(String(LIMIT));
    expect(pulled()).toBe(before);
  });

  it("refuses a streamed body once the count passes the limit, without reading it to the end", async () => {
    const { request, pulled } = streamed(100 * LIMIT);
    expect(await refusal(readBodyText(request, LIMIT))).toMatchObject({ status: 413, code: "body_too_large" });
    expect(pulled()).toBeLessThan(4 * LIMIT);
  });

  it("reads a body at the limit, dropping a byte order mark as Request.text() does", async () => {
    expect(await readBodyText(streamed(LIMIT).request, LIMIT)).toBe("a".repeat(LIMIT));
    const bom = new Request("http://x/", { method: "POST", body: "\ufeff{}" });
    expect(await readBodyText(bom, LIMIT)).toBe("{}");
    expect(await readBodyText(new Request("http://x/"), LIMIT)).toBe("");
  });

  it("answers a body that fails mid-way (the client went away) with a 400, not a 500", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(10));
        controller.error(new Error("aborted"));
      },
    });
    const request = new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit);
    expect(await refusal(readBodyText(request, LIMIT))).toMatchObject({ status: 400, code: "body_unreadable" });
  });
});

describe("withBodyLimit", () => {
  it("answers an oversized body with the 413 envelope and never calls the handler", async () => {
    let called = false;
    const handler = withBodyLimit(async () => {
      called = true;
      return new Response("ok");
    });
    const response = await handler(new Request("http://x/", { method: "POST", body: "a".repeat(2 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: "failure", error: { code: "body_too_large" } });
    expect(called).toBe(false);
  });

  it("hands a body within the limit on, intact", async () => {
    const handler = withBodyLimit(async (request) => Response.json({ method: request.method, body: await request.json(), type: request.headers.get("content-type") }));
    const response = await handler(new Request("http://x/", { method: "POST", body: '{"email":"a@b.c"}', headers: { "content-type": "application/json" } }));
    expect(await response.json()).toEqual({ method: "POST", body: { email: "a@b.c" }, type: "application/json" });
  });
});

describe("import bodies", () => {
  it("get PROMPTLY_MAX_IMPORT_BYTES on /v1 POSTs of CSV or JSON Lines, every other body the ordinary limit", () => {
    process.env.PROMPTLY_MAX_IMPORT_BYTES = "5000000";
    try {
      expect(bodyLimitFor("POST", "/v1/datasets/x/items", "text/csv; charset=utf-8")).toBe(5_000_000);
      expect(bodyLimitFor("POST", "/v1/datasets/x/items?mapping=%7B%7D", "application/x-ndjson")).toBe(5_000_000);
      expect(bodyLimitFor("POST", "/v1/datasets/x/items", "application/json")).toBe(1_048_576);
      expect(bodyLimitFor("PUT", "/v1/datasets/x/items", "text/csv")).toBe(1_048_576);
      expect(bodyLimitFor("POST", "/api/auth/sign-in/email", "text/csv")).toBe(1_048_576);
    } finally {
      delete process.env.PROMPTLY_MAX_IMPORT_BYTES;
    }
  });

  it("a bundle import gets PROMPTLY_MAX_BUNDLE_BYTES (32 MiB by default) on its route only, and its 413 names that variable", () => {
    expect(bodyLimitFor("POST", "/v1/bundles/import", "application/json")).toBe(33_554_432);
    process.env.PROMPTLY_MAX_BUNDLE_BYTES = "7000000";
    try {
      expect(bodyLimitFor("POST", "/v1/bundles/import?dry_run=1", "application/json")).toBe(7_000_000);
      expect(bodyLimitFor("POST", "/v1/bundles/importx", "application/json")).toBe(1_048_576);
      expect(bodyLimitFor("GET", "/v1/bundles/import", "application/json")).toBe(1_048_576);
      expect(bodyLimitFor("POST", "/v1/prompts", "application/json")).toBe(1_048_576);
      expect(bodyTooLarge(7_000_000).message).toContain("PROMPTLY_MAX_BUNDLE_BYTES");
    } finally {
      delete process.env.PROMPTLY_MAX_BUNDLE_BYTES;
    }
  });

  it("stream as text pieces, multi-byte characters split across chunks intact, and stop past the limit", async () => {
    const bytes = new TextEncoder().encode("é,ü\n€");
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    const request = new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit);
    let text = "";
    for await (const piece of streamBodyText(request, LIMIT)) text += piece;
    expect(text).toBe("é,ü\n€");

    const { request: big, pulled } = streamed(4 * LIMIT);
    const pieces = async () => {
      for await (const piece of streamBodyText(big, LIMIT)) void piece;
    };
    const error = await refusal(pieces());
    expect(error).toMatchObject({ status: 413, code: "body_too_large" });
    expect(pulled()).toBeLessThan(4 * LIMIT); // not read to the end
  });
});
