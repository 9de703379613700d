import { recordChange } from "@/lib/audit/record";
import { db } from "@/lib/core/db";
import type { Label } from "@/lib/generated/prisma/client";
import { conflict, forbidden, notFound } from "@/lib/core/http/errors";
import { bumpPromptCacheGeneration } from "@/lib/prompts/cache";
import { isUniqueViolation, pageArgs } from "@/lib/prompts/db-helpers";
import type { ListQuery } from "@/lib/prompts/schemas";
import type { CreateLabelInput, LabelProtectionInput, UpdateLabelInput } from "./schemas";

export const SYSTEM_LABELS = ["production", "staging", "development"] as const;

const SYSTEM_DESCRIPTIONS: Record<string, string> = {
  production: "The version serving production traffic",
  staging: "The version under test before production",
  development: "The version being worked on",
};

// A new install protects production from its first start; an existing one keeps its labels
// as they are (the label already exists, so nothing here touches it).
const PROTECTED_ON_NEW_INSTALLS = new Set(["production"]);

/** Creates the three system labels where missing (and marks them system). Idempotent. */
export async function ensureSystemLabels(): Promise<void> {
  // Create-if-missing rather than upsert: a restart must not touch existing rows (not even
  // their updatedAt). A concurrent start creating the same label is fine.
  for (const name of SYSTEM_LABELS) {
    if (await db.label.findUnique({ where: { name }, select: { id: true } })) continue;
    await db.label
      .create({ data: { name, isSystem: true, description: SYSTEM_DESCRIPTIONS[name], protected: PROTECTED_ON_NEW_INSTALLS.has(name) } })
      .catch((error: { code?: string }) => {
        if (error.code !== "P2002") throw error;
      });
  }
}

// The first read of labels in a process makes sure the system labels exist, so they are
// there even when start-up has not run (tests, scripts).
let systemLabelsReady: Promise<void> | null = null;
function systemLabels(): Promise<void> {
  systemLabelsReady ??= ensureSystemLabels().catch((error) => {
    systemLabelsReady = null;
    throw error;
  });
  return systemLabelsReady;
}

export function labelResponse(label: Label) {
  return {
    id: label.id,
    name: label.name,
    description: label.description,
    color_code: label.colorCode,
    is_system: label.isSystem,
    protected: label.protected,
    required_approvals: label.requiredApprovals,
    created_at: label.createdAt.toISOString(),
    updated_at: label.updatedAt.toISOString(),
  };
}

/** A label by id or name, or null. */
export async function findLabel(ref: string): Promise<Label | null> {
  await systemLabels();
  return db.label.findFirst({ where: { OR: [{ id: ref }, { name: ref }] } });
}

async function labelOr404(ref: string): Promise<Label> {
  const label = await findLabel(ref);
  if (!label) throw notFound(`Label '${ref}' not found`);
  return label;
}

// Names differing only in case would be indistinguishable in a URL suffix to a human.
async function assertNameFree(name: string, exceptId?: string) {
  const all = await db.label.findMany({ select: { id: true, name: true } });
  const clash = all.find((label) => label.name.toLowerCase() === name.toLowerCase() && label.id !== exceptId);
  if (clash) throw conflict(`A label named '${clash.name}' already exists`);
}

export async function createLabel(input: CreateLabelInput) {
  await systemLabels();
  await assertNameFree(input.name);
  try {
    const label = await db.label.create({
      data: { name: input.name, description: input.description ?? null, colorCode: input.color_code ?? null },
    });
    await recordChange(db, { action: "label.create", target: { type: "label", id: label.id, name: label.name }, after: labelResponse(label) });
    return { id: label.id };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A label named '${input.name}' already exists`);
    throw error;
  }
}

export async function listLabels(query: ListQuery) {
  await systemLabels();
  const where = query.search ? { name: { contains: query.search } } : {};
  const [rows, total] = await Promise.all([
    db.label.findMany({ where, orderBy: [{ isSystem: "desc" }, { name: "asc" }], ...pageArgs(query) }),
    db.label.count({ where }),
  ]);
  return { total, data: rows.map(labelResponse) };
}

export async function getLabel(ref: string) {
  return labelResponse(await labelOr404(ref));
}

export async function updateLabel(ref: string, input: UpdateLabelInput) {
  const label = await labelOr404(ref);
  const renaming = input.name !== undefined && input.name !== label.name;
  if (renaming && label.isSystem) throw forbidden(`The system label '${label.name}' can't be renamed`);
  // Else an editor could rename it away and take its name with an unprotected label.
  if (renaming && label.protected) throw conflict(`Label '${label.name}' is protected: the owner unprotects it before it can be renamed`, "label_protected");
  if (renaming) await assertNameFree(input.name as string, label.id);
  try {
    const updated = await db.label.update({
      where: { id: label.id },
      data: {
        name: input.name,
        description: input.description,
        colorCode: input.color_code,
      },
    });
    // A rename changes what `@name` resolves to.
    if (renaming) await bumpPromptCacheGeneration();
    await recordChange(db, { action: "label.update", target: { type: "label", id: label.id, name: updated.name }, before: labelResponse(label), after: labelResponse(updated) });
    return labelResponse(updated);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A label named '${input.name}' already exists`);
    throw error;
  }
}

/** Deletes a custom label; the versions it pointed at stay, only the pointers go. */
export async function deleteLabel(ref: string) {
  const label = await labelOr404(ref);
  if (label.isSystem) throw forbidden(`The system label '${label.name}' can't be deleted`);
  if (label.protected) throw conflict(`Label '${label.name}' is protected: the owner unprotects it before it can be deleted`, "label_protected");
  await db.label.delete({ where: { id: label.id } });
  await recordChange(db, { action: "label.delete", target: { type: "label", id: label.id, name: label.name }, before: labelResponse(label) });
  await bumpPromptCacheGeneration();
  return {};
}

/** PUT /labels/ID/protection: whether the label is protected, and the approvals a release needs. */
export async function setLabelProtection(ref: string, input: LabelProtectionInput) {
  const label = await labelOr404(ref);
  const updated = await db.label.update({
    where: { id: label.id },
    data: { protected: input.protected, requiredApprovals: input.required_approvals },
  });
  await recordChange(db, { action: "label.protection", target: { type: "label", id: label.id, name: label.name }, before: { protected: label.protected, required_approvals: label.requiredApprovals }, after: { protected: updated.protected, required_approvals: updated.requiredApprovals } });
  return labelResponse(updated);
}
