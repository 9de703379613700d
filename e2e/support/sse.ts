import { expect } from "@playwright/test";

/**
 * A stream the provider cut mid-way, as the client sees it: a 200 SSE answer whose events
 * end with the documented `error` event and no `[DONE]`.
 */
export async function expectCutStream(response: Response): Promise<void> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const text = await response.text();
  expect(text).toContain("data: ");
  expect(text).toMatch(/event: error\ndata: \{"message":"[^"]+","error":\{"message":"[^"]+","type":"upstream_error","param":null,"code":"[a-z_]+"\}\}\n\n$/);
  expect(text).not.toContain("[DONE]");
}
