import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey, findActiveApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/core/db";
import { listMembers, removeMember, updateMember } from "./members";

const user = (id: string, role: string) => db.user.create({ data: { id, name: id, email: `${id}@x.test`, role } });

beforeAll(async () => {
  await user("boss", "owner");
  await user("ed", "editor");
  await user("vi", "viewer");
  await user("co-owner", "owner");
});

describe("members", () => {
  it("lists every account with its role, marking the caller", async () => {
    const { data, total } = await listMembers("boss");
    expect(total).toBe(data.length);
    expect(data.find((m) => m.id === "boss")).toMatchObject({ role: "owner", is_you: true, email: "boss@x.test" });
    expect(data.find((m) => m.id === "vi")).toMatchObject({ role: "viewer", is_you: false });
  });

  it("changes a role; the owner can't change or remove their own account", async () => {
    expect(await updateMember("vi", { role: "editor" }, "boss")).toMatchObject({ id: "vi", role: "editor" });
    expect((await db.user.findUniqueOrThrow({ where: { id: "vi" } })).role).toBe("editor");
    await expect(updateMember("boss", { role: "viewer" }, "boss")).rejects.toMatchObject({ status: 409 });
    await expect(removeMember("boss", "boss")).rejects.toMatchObject({ status: 409 });
    await expect(updateMember("ghost", { role: "viewer" }, "boss")).rejects.toMatchObject({ status: 404 });
  });

  it("makes an editor a publisher and back, without touching the role", async () => {
    await updateMember("ed", { role: "editor" }, "boss");
    expect(await updateMember("ed", { publisher: true }, "boss")).toMatchObject({ id: "ed", role: "editor", publisher: true });
    expect(await updateMember("ed", { publisher: false }, "boss")).toMatchObject({ role: "editor", publisher: false });
    // The owner may change their own flags, not their role.
    expect(await updateMember("boss", { publisher: true }, "boss")).toMatchObject({ role: "owner", publisher: true });
  });

  it("revokes an owner's API keys when they step down", async () => {
    const { key } = await createApiKey({ name: "co-owner's", userId: "co-owner" });
    expect(await findActiveApiKey(key)).not.toBeNull();
    await updateMember("co-owner", { role: "editor" }, "boss");
    expect(await findActiveApiKey(key)).toBeNull();
  });

  it("removes an account with its sessions and revokes its keys", async () => {
    await db.session.create({ data: { id: "s-ed", token: "tok-ed", userId: "ed", expiresAt: new Date(Date.now() + 3600_000) } });
    const { key } = await createApiKey({ name: "ed's", userId: "ed" });
    expect(await removeMember("ed", "boss")).toEqual({});
    expect(await db.user.findUnique({ where: { id: "ed" } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: "s-ed" } })).toBeNull();
    expect(await findActiveApiKey(key)).toBeNull();
    await expect(removeMember("ed", "boss")).rejects.toMatchObject({ status: 404 });
  });
});
