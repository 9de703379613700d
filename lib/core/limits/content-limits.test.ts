import { afterEach, describe, expect, it } from "vitest";
import { completionRequestSchema } from "@/lib/completions/request-schema";
import { createPartialSchema, updatePartialSchema } from "@/lib/partials/schemas";
import { createPromptSchema, updatePromptSchema } from "@/lib/prompts/schemas";
import { fitsBytes, limitValue, MAX_TEMPLATE_BYTES, utf8Length } from "./content-limits";

const big = "x".repeat(262_145);

function refusal(result: { success: boolean; error?: { issues: { message: string }[] } }): string {
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => issue.message).join("; ");
}

describe("content limits", () => {
  afterEach(() => {
    delete process.env.PROMPTLY_MAX_TEMPLATE_BYTES;
    delete process.env.PROMPTLY_MAX_VARIABLES_BYTES;
  });

  it("refuses templates and partials over 256 KB at save, naming the limit and its variable", () => {
    for (const result of [
      createPromptSchema.safeParse({ name: "p", string: big }),
      updatePromptSchema.safeParse({ string: big }),
      createPartialSchema.safeParse({ name: "p", string: big }),
      updatePartialSchema.safeParse({ string: big }),
      completionRequestSchema.safeParse({ template: big }),
    ]) {
      expect(refusal(result)).toContain("262144 bytes (PROMPTLY_MAX_TEMPLATE_BYTES)");
    }
    expect(createPromptSchema.safeParse({ name: "p", string: big.slice(1) }).success).toBe(true);
  });

  it("counts bytes, not characters, and follows its variable", () => {
    process.env.PROMPTLY_MAX_TEMPLATE_BYTES = "10";
    expect(limitValue(MAX_TEMPLATE_BYTES)).toBe(10);
    expect(createPromptSchema.safeParse({ name: "p", string: "ééééé" }).success).toBe(true); // 10 bytes
    expect(createPromptSchema.safeParse({ name: "p", string: "éééééé" }).success).toBe(false);
    expect(utf8Length("a€😀")).toBe(1 + 3 + 4);
    expect(fitsBytes("😀", 3)).toBe(false);
    process.env.PROMPTLY_MAX_TEMPLATE_BYTES = "nonsense";
    expect(limitValue(MAX_TEMPLATE_BYTES)).toBe(262_144);
  });

  it("refuses a variables object over PROMPTLY_MAX_VARIABLES_BYTES", () => {
    const message = refusal(completionRequestSchema.safeParse({ variables: { a: big } }));
    expect(message).toContain("262144 bytes (PROMPTLY_MAX_VARIABLES_BYTES)");
    process.env.PROMPTLY_MAX_VARIABLES_BYTES = "20";
    expect(completionRequestSchema.safeParse({ variables: { a: "x".repeat(10) } }).success).toBe(true);
    expect(completionRequestSchema.safeParse({ variables: { a: "x".repeat(20) } }).success).toBe(false);
  });
});
