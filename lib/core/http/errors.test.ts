import { describe, expect, it, vi } from "vitest";
import { ApiError, badRequest } from "./errors";
import { toApiError } from "@/lib/routes/handler";

describe("ApiError across copies of the module", () => {
  // Next bundles lib/ into several chunks (instrumentation, each route) and the fast routes
  // into one more, while the Prisma client is one per process: an error thrown by the
  // PostgreSQL NUL check of one copy reached another copy's wrapper as an unknown 500.
  it("an ApiError made by another copy is answered with its own status, not a 500", async () => {
    vi.resetModules();
    const other = await import("./errors"); // a fresh copy: the registry was reset
    expect(other.ApiError).not.toBe(ApiError);
    const error = other.badRequest("name must not contain the NUL character (\\u0000)", "name");
    expect(error instanceof ApiError).toBe(true);
    expect(toApiError(error)).toMatchObject({ status: 400, param: "name" });
  });

  it("other errors stay what they are", () => {
    expect(new Error("x") instanceof ApiError).toBe(false);
    expect({ status: 400 } instanceof ApiError).toBe(false);
    expect((null as unknown) instanceof ApiError).toBe(false);
    expect(badRequest("x") instanceof ApiError).toBe(true);
    expect(badRequest("x") instanceof Error).toBe(true);
  });
});
