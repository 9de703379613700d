import { describe, expect, it } from "vitest";
import { z } from "zod";
import { friendlyErrors, friendlySummary } from "@/components/ui/form-errors";
import { createPromptSchema } from "@/lib/prompts/schemas";

describe("friendly form messages from zod issues", () => {
  it("names the field as the form labels it and never shows zod's own wording", () => {
    const parsed = createPromptSchema.safeParse({ name: "x".repeat(201), string: 5 });
    expect(parsed.success).toBe(false);
    const errors = friendlyErrors(parsed.error!, { name: "Name", string: "Template" });
    expect(errors).toEqual({ name: "Name must be at most 200 characters", string: "Template has the wrong kind of value" });
    expect(friendlySummary(errors)).not.toMatch(/Too big|Invalid input|expected/);
  });

  it("keeps a schema's own message after the label, and says required for missing or empty", () => {
    const schema = z.object({ name: z.string().trim().min(1, "must not be empty"), slug: z.string().regex(/^[a-z]+$/), count: z.number() });
    const parsed = schema.safeParse({ name: " ", slug: "A!" });
    expect(friendlyErrors(parsed.error!, { name: "Name", slug: "Slug", count: "Count" })).toEqual({
      name: "Name must not be empty",
      slug: "Slug is not in the expected format",
      count: "Count is required",
    });
    expect(friendlyErrors(z.string().min(1).safeParse("").error!, { form: "Name" })).toEqual({ form: "Name is required" });
  });
});
