import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/core/http/errors";
import { assertValidTemplate, templateTypeOf } from "./template";

const chat = JSON.stringify([{ role: "system", content: "You are {{persona}}" }, { role: "user", content: "{{q}}" }]);

describe("template type", () => {
  it("detects a chat template from a JSON array of messages", () => {
    expect(templateTypeOf(chat, null)).toBe("chat");
  });

  it("treats plain text, non-message JSON and an empty array as completion", () => {
    expect(templateTypeOf("Summarise {{text}}", null)).toBe("completion");
    expect(templateTypeOf('{"role":"user"}', null)).toBe("completion");
    expect(templateTypeOf("[1,2]", null)).toBe("completion");
    expect(templateTypeOf("[]", undefined)).toBe("completion");
  });

  it("lets template_metadata.template_type decide, and refuses unknown types", () => {
    expect(templateTypeOf(chat, { template_type: "completion" })).toBe("completion");
    expect(templateTypeOf("hello", { template_type: "chat" })).toBe("chat");
    expect(() => templateTypeOf("x", { template_type: "image" })).toThrow(/template_type/);
  });
});

describe("chat template validation", () => {
  const refuse = (text: string) => {
    try {
      assertValidTemplate("chat", text);
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
      return (error as ApiError).message;
    }
    throw new Error("accepted");
  };

  it("accepts messages with string or multi-part content, and tool-call messages without content", () => {
    expect(() => assertValidTemplate("chat", chat)).not.toThrow();
    const parts = JSON.stringify([{ role: "user", content: [{ type: "text", text: "hi" }] }]);
    expect(() => assertValidTemplate("chat", parts)).not.toThrow();
    const tool = JSON.stringify([{ role: "user", content: "x" }, { role: "assistant", content: null, tool_calls: [] }]);
    expect(() => assertValidTemplate("chat", tool)).not.toThrow();
  });

  it("refuses what is not an array of {role, content}, naming the message", () => {
    expect(refuse("hello")).toMatch(/JSON array/);
    expect(refuse("[]")).toMatch(/at least one/);
    expect(refuse('[{"content":"x"}]')).toMatch(/message 0 has no role/);
    expect(refuse('[{"role":"user","content":"x"},{"role":"user"}]')).toMatch(/message 1 needs a content/);
    expect(refuse('[{"role":"user","content":5}]')).toMatch(/message 0/);
  });

  it("accepts anything for a completion template", () => {
    expect(() => assertValidTemplate("completion", "not json {{x}}")).not.toThrow();
  });
});
