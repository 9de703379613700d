import { describe, expect, it } from "vitest";
import { createApiKeyForAdmin } from "@/lib/auth/api-keys";
import { createApiKeySchema } from "@/lib/auth/api-key-schemas";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/core/db";
import { withRequestActor } from "@/lib/core/request-actor";
import { createPartial, updatePartial } from "@/lib/partials/partials";
import { createPartialSchema, updatePartialSchema } from "@/lib/partials/schemas";
import { createPrompt } from "@/lib/prompts/prompts";
import { createPromptSchema, makeDefaultSchema, updatePromptSchema, updateVersionSchema } from "@/lib/prompts/schemas";
import { updatePrompt } from "@/lib/prompts/update";
import { publishPromptVersion, setPromptVersionLabel } from "@/lib/prompts/versions";
import { createVirtualKey, updateVirtualKey } from "@/lib/virtual-keys/virtual-keys";
import { createVirtualKeySchema, updateVirtualKeySchema } from "@/lib/virtual-keys/schemas";
import { createWebhook } from "@/lib/webhooks/endpoints";
import { createWebhookSchema } from "@/lib/webhooks/schemas";
import { exportAuditLogs, listAuditLogs } from "./query";
import { auditQuerySchema } from "./schemas";

const caller: Caller = { kind: "session", userId: "owner-1", email: "owner@example.com", role: "owner" };
const asOwner = <T>(run: () => Promise<T>) => withRequestActor({ kind: "session", userId: "owner-1", email: "owner@example.com", ip: "198.51.100.4" }, run);
const query = (params: Record<string, string>) => auditQuerySchema.parse(params);

describe("the audit log", () => {
  it("records who did what to which target, before and after, and from where", async () => {
    const prompt = await asOwner(() => createPrompt(createPromptSchema.parse({ name: "audited", string: "v1", parameters: {} })));
    await asOwner(() => updatePrompt(prompt.id, updatePromptSchema.parse({ string: "v2" })));
    await asOwner(() => publishPromptVersion(prompt.id, makeDefaultSchema.parse({ version: 2 })));
    await asOwner(() => setPromptVersionLabel(prompt.id, "1", updateVersionSchema.parse({ label_id: "staging" }), caller));
    const rows = (await listAuditLogs(query({ target_id: prompt.id }))).data;
    expect(rows.map((row) => row.action)).toEqual(["version.publish", "version.create", "prompt.create"]);
    expect(rows.every((row) => row.actor === "owner@example.com" && row.ip === "198.51.100.4" && row.user_id === "owner-1")).toBe(true);
    expect(rows[1]).toMatchObject({ before: { version: 1 }, after: { version: 2 } });
    const [move] = (await listAuditLogs(query({ action: "label.move" }))).data;
    expect(move).toMatchObject({ target_type: "label", target_name: "staging", after: { prompt_id: prompt.id, version: 1, via: "direct" } });
  });

  it("never stores secrets: virtual key secrets, API keys, webhook secrets", async () => {
    const vk = await asOwner(() => createVirtualKey(createVirtualKeySchema.parse({ name: "vk audit", provider: "openai", key: "sk-audit-secret-0123456789" })));
    await asOwner(() => updateVirtualKey(vk.id, updateVirtualKeySchema.parse({ key: "sk-audit-other-0123456789" })));
    const created = await asOwner(() => createApiKeyForAdmin(createApiKeySchema.parse({ name: "audit key", scope: "admin" }), { userId: null, createdByKeyId: null }));
    process.env.PROMPTLY_ALLOWED_PROVIDER_HOSTS = "127.0.0.1:9";
    const hook = await asOwner(() => createWebhook(createWebhookSchema.parse({ name: "h", url: "http://127.0.0.1:9/x", events: ["label.moved"] })));
    delete process.env.PROMPTLY_ALLOWED_PROVIDER_HOSTS;
    const everything = JSON.stringify(await db.auditLog.findMany());
    expect(everything).toContain("virtual_key.update");
    expect(everything).toContain("api_key.create");
    expect(everything).toContain("webhook.create");
    for (const secret of ["sk-audit-secret-0123456789", "sk-audit-other-0123456789", created.key, hook.secret as string]) expect(everything).not.toContain(secret);
  });

  it("a partial change names the prompts that include it through another partial", async () => {
    process.env.PROMPTLY_ALLOWED_PROVIDER_HOSTS = "127.0.0.1:9";
    await createWebhook(createWebhookSchema.parse({ name: "partials", url: "http://127.0.0.1:9/x", events: ["partial.changed"] }));
    delete process.env.PROMPTLY_ALLOWED_PROVIDER_HOSTS;
    const inner = await createPartial(createPartialSchema.parse({ name: "inner audit", string: "i" }));
    const outer = await createPartial(createPartialSchema.parse({ name: "outer audit", string: `o {{>${inner.slug}}}` }));
    const user = await createPrompt(createPromptSchema.parse({ name: "uses outer", string: `{{>${outer.slug}}}`, parameters: {} }));
    await asOwner(() => updatePartial(inner.id, updatePartialSchema.parse({ string: "i2" })));
    const [row] = (await listAuditLogs(query({ action: "partial.update", target_id: inner.id }))).data;
    expect(row).toMatchObject({ before: { string: "i", version: 1 }, after: { string: "i2", version: 2 } });
    const events = await db.webhookEvent.findMany({ where: { type: "partial.changed" }, orderBy: { createdAt: "desc" } });
    const payload = events.map((event) => event.payload as { data: { action: string; partial: { id: string }; prompts: string[] } }).find((p) => p.data.action === "partial.update");
    expect(payload?.data).toMatchObject({ partial: { id: inner.id }, prompts: [user.slug] });
  });

  it("filters and exports as JSON Lines", async () => {
    await asOwner(() => createPrompt(createPromptSchema.parse({ name: "exported", string: "x", parameters: {} })));
    const page = await listAuditLogs(query({ action: "prompt.create", limit: "1" }));
    expect(page.data).toHaveLength(1);
    expect(page.next_cursor).toBeTruthy();
    const text = await new Response(exportAuditLogs(query({ action: "prompt.create" }))).text();
    const lines = text.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((line) => line.action === "prompt.create")).toBe(true);
  });
});
