import { describe, expect, it } from "vitest";
import { readJson, z } from "@/lib/routes/handler";
import { jsonBodyProblem, MAX_JSON_DEPTH } from "./json-depth";

const nested = (depth: number) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown;
const post = (body: string) => readJson(new Request("http://test/", { method: "POST", body }), z.object({}).loose());

describe("request body checks", () => {
  it("measures nesting without recursing", () => {
    expect(jsonBodyProblem({ a: [1, { b: "x" }] }, 3)).toBeNull();
    expect(jsonBodyProblem({ a: [1, { b: {} }] }, 3)).toMatch(/deeper than 3/);
    expect(jsonBodyProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(jsonBodyProblem(nested(MAX_JSON_DEPTH + 1))).toMatch(/deeper/);
    expect(jsonBodyProblem(nested(200_000))).toMatch(/deeper/);
  });

  it("finds lone surrogates in values and keys, and lets real pairs through", () => {
    expect(jsonBodyProblem(JSON.parse('{"a":["x\\ud800"]}'))).toMatch(/surrogate/);
    expect(jsonBodyProblem(JSON.parse('{"\\udc00":1}'))).toMatch(/surrogate/);
    expect(jsonBodyProblem(JSON.parse('{"a":"\\ud83d\\ude00 ok"}'))).toBeNull();
  });

  it("makes such bodies a 400 in readJson, not a 500 later", async () => {
    await expect(post(`{"variables":{"x":${"[".repeat(10_000)}${"]".repeat(10_000)}}}`)).rejects.toMatchObject({ status: 400, message: expect.stringContaining("deeper than") });
    await expect(post('{"parameters":{"a":"\\ud800"}}')).rejects.toMatchObject({ status: 400, message: expect.stringContaining("surrogate") });
    await expect(post('{"a":[[[1]]]}')).resolves.toEqual({ a: [[[1]]] });
  });
});
