import { describe, expect, it } from "vitest";
import { renderTemplate, renderWithPartials, TemplateError, type PartialLoader } from "./index";

const noPartials: PartialLoader = async () => null;
const list = (n: number) => Array.from({ length: n }, (_, i) => i);

function tooLarge(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as TemplateError).code).toBe("template_too_large");
    return err as TemplateError;
  }
  throw new Error("expected template_too_large");
}

describe("render budget", () => {
  it("stops the nested-sections bomb on output size, naming the limit and its variable", () => {
    // ~100^4 × 10 characters = 1 GB if rendered: it must stop at the 1 MB default.
    const bomb = "{{#a}}{{#a}}{{#a}}{{#a}}xxxxxxxxxx{{/a}}{{/a}}{{/a}}{{/a}}";
    const error = tooLarge(() => renderWithPartials(bomb, { a: list(100) }, {}));
    expect(error.message).toContain("PROMPTLY_MAX_RENDER_BYTES");
    expect(error.message).toMatch(/1048576|1 MB/);
  });

  it("stops a bomb with no output on node visits", () => {
    const silent = "{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}";
    const error = tooLarge(() => renderWithPartials(silent, { a: list(100) }, {}));
    expect(error.message).toContain("PROMPTLY_MAX_RENDER_NODES");
  });

  it("refuses sections nested deeper than the depth limit, without overflowing the stack", () => {
    const deep = "{{#a}}".repeat(5_000) + "x" + "{{/a}}".repeat(5_000);
    const error = tooLarge(() => renderWithPartials(deep, { a: true }, {}));
    expect(error.message).toContain("PROMPTLY_MAX_RENDER_DEPTH");
  });

  it("shares one budget across every message of a chat template", async () => {
    const message = { role: "user", content: "{{#a}}{{#a}}{{x}}{{/a}}{{/a}}" };
    // Each message renders 100 × 100 × 100 = 1e6 characters: under 1 MB alone, far over together.
    const template = JSON.stringify([message, message, message]);
    await expect(renderTemplate("chat", template, { a: list(100), x: "y".repeat(100) }, noPartials)).rejects.toMatchObject({
      code: "template_too_large",
    });
  });

  it("counts the output partials add", () => {
    const partials = { p: "{{#a}}{{#a}}{{#a}}xxxxxxxxxxxxxxxxxxxx{{/a}}{{/a}}{{/a}}" };
    tooLarge(() => renderWithPartials("{{#a}}{{>p}}{{/a}}", { a: list(100) }, partials));
  });

  it("renders ordinary templates as before", () => {
    expect(renderWithPartials("{{#a}}{{.}},{{/a}}", { a: list(3) }, {})).toBe("0,1,2,");
  });
});

describe("chat templates nested too deep", () => {
  it("are refused as invalid, not left to overflow the stack later", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const template = `[{"role":"user","content":[{"type":"text","text":"hi","x":${deep}}]}]`;
    await expect(renderTemplate("chat", template, {}, noPartials)).rejects.toMatchObject({ code: "invalid_template" });
  });
});
