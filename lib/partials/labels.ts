import { recordChange } from "@/lib/audit/record";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/core/db";
import { notFound } from "@/lib/core/http/errors";
import { findLabel } from "@/lib/labels/labels";
import { assertMayMove } from "@/lib/labels/moves";
import { bumpPromptCacheGeneration } from "@/lib/prompts/cache";
import { partialChange, partialOr404 } from "./partials";
import type { PartialLabelInput } from "./schemas";
import { promptsUsingPartial } from "./usage";

/**
 * Labels on partials: `{{>slug@staging}}` includes the version the label points at. The
 * same global labels as prompts, with the same protection (a protected label moves only
 * with the publish permission). Every move changes what templates render, so each one
 * bumps the shared cache generation.
 */

async function partialAndLabel(partialRef: string, labelRef: string) {
  const [partial, label] = await Promise.all([partialOr404(partialRef), findLabel(labelRef)]);
  if (!label) throw notFound(`Label '${labelRef}' not found`);
  return { partial, label };
}

/** PUT /prompts/partials/ID/labels/LABEL: points the label at version N (sets it when absent). */
export async function setPartialLabel(partialRef: string, labelRef: string, input: PartialLabelInput, caller: Caller) {
  const { partial, label } = await partialAndLabel(partialRef, labelRef);
  assertMayMove(label, caller);
  const version = await db.partialVersion.findUnique({
    where: { partialId_version: { partialId: partial.id, version: input.version } },
    select: { id: true, version: true },
  });
  if (!version) throw notFound(`Version ${input.version} of partial '${partialRef}' not found`);
  const prompts = await promptsUsingPartial(partial);
  await db.$transaction(async (tx) => {
    const before = await tx.partialLabel.findUnique({
      where: { partialId_labelId: { partialId: partial.id, labelId: label.id } },
      include: { version: { select: { version: true } } },
    });
    await tx.partialLabel.upsert({
      where: { partialId_labelId: { partialId: partial.id, labelId: label.id } },
      create: { partialId: partial.id, labelId: label.id, versionId: version.id },
      update: { versionId: version.id },
    });
    await recordChange(
      tx,
      partialChange("partial.label", partial, prompts, before ? { label: label.name, version: before.version.version } : null, { label: label.name, version: version.version }),
    );
  });
  await bumpPromptCacheGeneration();
  return { label: label.name, version: version.version };
}

/** DELETE /prompts/partials/ID/labels/LABEL: `{{>slug@LABEL}}` stops resolving. */
export async function removePartialLabel(partialRef: string, labelRef: string, caller: Caller) {
  const { partial, label } = await partialAndLabel(partialRef, labelRef);
  assertMayMove(label, caller);
  const prompts = await promptsUsingPartial(partial);
  await db.$transaction(async (tx) => {
    const before = await tx.partialLabel.findUnique({
      where: { partialId_labelId: { partialId: partial.id, labelId: label.id } },
      include: { version: { select: { version: true } } },
    });
    if (!before) throw notFound(`Label '${label.name}' is not set on partial '${partial.slug}'`);
    await tx.partialLabel.delete({ where: { partialId_labelId: { partialId: partial.id, labelId: label.id } } });
    await recordChange(tx, partialChange("partial.label", partial, prompts, { label: label.name, version: before.version.version }, null));
  });
  await bumpPromptCacheGeneration();
  return {};
}
