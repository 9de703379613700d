import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { withRequestActor } from "@/lib/core/request-actor";
import { recordChange } from "@/lib/audit/record";
import { createWebhook, listDeliveries, pingWebhook, redeliver } from "./endpoints";
import { enqueueEvent } from "./outbox";
import { deliverDue } from "./runner";
import { createWebhookSchema } from "./schemas";
import { verifySignature } from "./signing";

// A receiver on 127.0.0.1 that answers what `answers` says (200 once it runs out).
interface Received {
  id: string;
  timestamp: number;
  signature: string;
  body: string;
}
const received: Received[] = [];
const answers: number[] = [];
let server: http.Server;
let url = "";

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        id: String(request.headers["webhook-id"]),
        timestamp: Number(request.headers["webhook-timestamp"]),
        signature: String(request.headers["webhook-signature"]),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      response.statusCode = answers.shift() ?? 200;
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  process.env.PROMPTLY_ALLOWED_PROVIDER_HOSTS = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  delete process.env.PROMPTLY_ALLOWED_PROVIDER_HOSTS;
});

afterEach(async () => {
  received.length = 0;
  answers.length = 0;
  await db.webhookEndpoint.deleteMany({});
  delete process.env.PROMPTLY_WEBHOOK_RETRY_BASE_MS;
  delete process.env.PROMPTLY_WEBHOOK_LEASE_MS;
});

const later = (ms: number) => new Date(Date.now() + ms);
const makeEndpoint = (events: string[]) => createWebhook(createWebhookSchema.parse({ name: "test", url, events }));
const actor = { kind: "session" as const, userId: "u1", email: "ann@example.com", ip: "203.0.113.7" };

describe("webhook delivery from the outbox", () => {
  it("sends a signed event to the endpoints that want it, with a stable id", async () => {
    const wanted = await makeEndpoint(["version.created"]);
    await makeEndpoint(["label.moved"]);
    await db.$transaction((tx) => enqueueEvent(tx, "version.created", { version: 3 }));
    expect(await deliverDue(later(1))).toBe(1);
    expect(received).toHaveLength(1);
    const [hit] = received;
    expect(hit.id).toMatch(/^evt_/);
    expect(verifySignature(wanted.secret as string, hit.id, hit.timestamp, hit.body, hit.signature)).toBe(true);
    expect(JSON.parse(hit.body)).toMatchObject({ id: hit.id, type: "version.created", data: { version: 3 } });
    const log = await listDeliveries(wanted.id, { limit: 10 });
    expect(log.data[0]).toMatchObject({ event_id: hit.id, status: "succeeded", attempts: 1, response_code: 200 });
  });

  it("retries after a 500 with backoff, under the same event id, until it succeeds", async () => {
    process.env.PROMPTLY_WEBHOOK_RETRY_BASE_MS = "60000";
    const endpoint = await makeEndpoint(["label.moved"]);
    answers.push(500);
    await db.$transaction((tx) => enqueueEvent(tx, "label.moved", { label: "production" }));
    expect(await deliverDue(later(1))).toBe(1);
    const [failed] = (await listDeliveries(endpoint.id, { limit: 10 })).data;
    expect(failed).toMatchObject({ status: "pending", attempts: 1, response_code: 500 });
    // Not due before the backoff has passed.
    expect(await deliverDue(later(1_000))).toBe(0);
    expect(await deliverDue(later(61_000))).toBe(1);
    expect(received.map((r) => r.id)).toEqual([received[0].id, received[0].id]);
    expect((await listDeliveries(endpoint.id, { limit: 10 })).data[0]).toMatchObject({ status: "succeeded", attempts: 2, response_code: 200 });
  });

  it("gives up once the retry window has passed", async () => {
    process.env.PROMPTLY_WEBHOOK_RETRY_BASE_MS = "60000";
    const endpoint = await makeEndpoint(["label.moved"]);
    answers.push(500);
    await db.$transaction((tx) => enqueueEvent(tx, "label.moved", {}));
    await db.webhookDelivery.updateMany({ data: { giveUpAt: later(30_000) } });
    await deliverDue(later(1));
    expect((await listDeliveries(endpoint.id, { limit: 10 })).data[0]).toMatchObject({ status: "failed", attempts: 1, response_code: 500 });
  });

  it("two runners claiming at once make each attempt once; an expired lease is taken over", async () => {
    await makeEndpoint(["label.moved"]);
    for (let i = 0; i < 5; i++) await db.$transaction((tx) => enqueueEvent(tx, "label.moved", { i }));
    const made = await Promise.all([deliverDue(later(1)), deliverDue(later(1))]);
    expect(made[0] + made[1]).toBe(5);
    expect(new Set(received.map((r) => r.id)).size).toBe(5);
    expect(received).toHaveLength(5);
    // A runner that died mid-attempt: its claim stays "delivering" until the lease runs out.
    await db.$transaction((tx) => enqueueEvent(tx, "label.moved", { dead: true }));
    const [row] = await db.webhookDelivery.findMany({ where: { status: "pending" } });
    await db.webhookDelivery.update({ where: { id: row.id }, data: { status: "delivering", attempts: 1, leaseUntil: later(10_000) } });
    expect(await deliverDue(later(1))).toBe(0);
    expect(await deliverDue(later(20_000))).toBe(1);
    expect(await db.webhookDelivery.findUnique({ where: { id: row.id } })).toMatchObject({ status: "succeeded", attempts: 2 });
  });

  it("redelivers on demand, and pings one endpoint whatever its filters", async () => {
    const endpoint = await makeEndpoint(["release.merged"]);
    const { event_id } = await pingWebhook(endpoint.id);
    await deliverDue(later(1));
    expect(received.map((r) => JSON.parse(r.body).type)).toEqual(["webhook.ping"]);
    const [delivery] = (await listDeliveries(endpoint.id, { limit: 10 })).data;
    expect(delivery).toMatchObject({ event_id, status: "succeeded" });
    expect(await redeliver(endpoint.id, delivery.id)).toMatchObject({ status: "pending" });
    await deliverDue(later(1));
    expect(received.map((r) => r.id)).toEqual([event_id, event_id]);
  });

  it("refuses a private address unless allowlisted, at save and at send", async () => {
    await expect(createWebhook(createWebhookSchema.parse({ name: "meta", url: "http://169.254.169.254/latest", events: ["label.moved"] }))).rejects.toMatchObject({ status: 400 });
    const endpoint = await makeEndpoint(["label.moved"]);
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { url: "http://10.0.0.1/hook" } });
    await db.$transaction((tx) => enqueueEvent(tx, "label.moved", {}));
    await deliverDue(later(1));
    const [row] = (await listDeliveries(endpoint.id, { limit: 10 })).data;
    expect(row).toMatchObject({ status: "pending", response_code: null });
    expect(row.error).toContain("private");
  });

  it("does not follow redirects", async () => {
    const endpoint = await makeEndpoint(["label.moved"]);
    answers.push(302);
    await db.$transaction((tx) => enqueueEvent(tx, "label.moved", {}));
    await deliverDue(later(1));
    expect(received).toHaveLength(1);
    expect((await listDeliveries(endpoint.id, { limit: 10 })).data[0]).toMatchObject({ status: "pending", response_code: 302 });
  });
});

describe("recordChange", () => {
  it("writes the audit row as the request's actor and the matching event in one go, secrets redacted", async () => {
    const endpoint = await makeEndpoint(["version.published"]);
    await withRequestActor(actor, () =>
      db.$transaction((tx) =>
        recordChange(tx, { action: "version.publish", target: { type: "prompt", id: "p1", name: "greet" }, before: { version: 1 }, after: { version: 2, secret: "s3", nested: { password: "pw", hash: "h", access_token: "t", max_tokens: 5 } } }),
      ),
    );
    const [row] = await db.auditLog.findMany({ where: { action: "version.publish" } });
    expect(row).toMatchObject({ actor: "ann@example.com", userId: "u1", ip: "203.0.113.7", targetType: "prompt", targetId: "p1", targetName: "greet" });
    expect(JSON.stringify(row.after)).not.toMatch(/s3|"pw"|"h"/);
    expect(row.after).toMatchObject({ version: 2, secret: "[redacted]", nested: { password: "[redacted]", hash: "[redacted]", access_token: "[redacted]", max_tokens: 5 } });
    await deliverDue(later(1));
    expect(JSON.parse(received[0].body)).toMatchObject({ type: "version.published", data: { action: "version.publish", actor: "ann@example.com", target: { id: "p1" } } });
    expect((await listDeliveries(endpoint.id, { limit: 10 })).data).toHaveLength(1);
  });

  it("writes nothing when the transaction rolls back", async () => {
    await makeEndpoint(["version.published"]);
    await expect(
      db.$transaction(async (tx) => {
        await recordChange(tx, { actor: null, action: "version.publish", target: { type: "prompt", id: "gone" } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await db.auditLog.count({ where: { targetId: "gone" } })).toBe(0);
    expect(await db.webhookDelivery.count({ where: { status: "pending" } })).toBe(0);
  });
});
