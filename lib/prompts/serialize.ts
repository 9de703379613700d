import { db } from "@/lib/core/db";
import type { Prompt, PromptVersion } from "@/lib/generated/prisma/client";
import { promptSettingsOut } from "./prompt-settings";

/** What the wire shapes need beside a version row: its virtual key's slug and its labels. */
export const versionInclude = {
  virtualKey: { select: { slug: true } },
  labels: { select: { labelId: true, candidateVersionId: true, candidateWeight: true, label: { select: { name: true } } }, orderBy: { updatedAt: "asc" } },
} as const;

export type VersionWithRefs = PromptVersion & {
  virtualKey: { slug: string } | null;
  labels: { labelId: string; candidateVersionId: string | null; candidateWeight: number | null; label: { name: string } }[];
};

/** A version's labels; a label running a canary from this version names its candidate and share. */
function labelsOf(version: VersionWithRefs) {
  return version.labels.map((l) => ({
    id: l.labelId,
    name: l.label.name,
    split: l.candidateVersionId && l.candidateWeight ? { candidate_version_id: l.candidateVersionId, weight: l.candidateWeight } : null,
  }));
}

export function withRefs(version: PromptVersion): Promise<VersionWithRefs> {
  return db.promptVersion.findUniqueOrThrow({ where: { id: version.id }, include: versionInclude });
}

/** The version's fields, named as Portkey names them (a version's `prompt_template`). */
export function versionTemplate(version: VersionWithRefs) {
  const metadata = version.templateMetadata && typeof version.templateMetadata === "object" ? version.templateMetadata : {};
  return {
    string: version.template,
    parameters: version.parameters,
    model: version.model,
    virtual_key: version.virtualKey?.slug ?? null,
    tools: version.tools,
    tool_choice: version.toolChoice,
    functions: version.functions,
    response_format: version.responseFormat,
    // The stored metadata, with the effective template type always present.
    template_metadata: { ...metadata, template_type: version.templateType },
    template_type: version.templateType,
  };
}

/** Portkey's `status` is always "active"; an archived prompt says "archived" and since when. */
export function archiveStatus(prompt: Pick<Prompt, "archivedAt">) {
  return {
    status: (prompt.archivedAt ? "archived" : "active") as "active" | "archived",
    archived_at: prompt.archivedAt?.toISOString() ?? null,
  };
}

/** GET /prompts/ID and GET /prompts/ID/versions/VID: the prompt seen at one version. */
export function promptAtVersion(prompt: Prompt, version: VersionWithRefs) {
  return {
    id: prompt.id,
    slug: prompt.slug,
    name: prompt.name,
    collection_id: prompt.collectionId,
    ...promptSettingsOut(prompt),
    ...versionTemplate(version),
    prompt_version: version.version,
    prompt_version_id: version.id,
    prompt_version_description: version.description,
    prompt_version_label_id: version.labels[0]?.labelId ?? null,
    prompt_version_labels: labelsOf(version),
    is_published: prompt.publishedVersionId === version.id,
    ...archiveStatus(prompt),
    created_at: prompt.createdAt.toISOString(),
    last_updated_at: prompt.updatedAt.toISOString(),
    object: "prompt" as const,
  };
}

/** An entry of GET /prompts/ID/versions. */
export function versionListEntry(prompt: Prompt, version: VersionWithRefs) {
  return {
    id: version.id,
    prompt_id: prompt.id,
    prompt_template: versionTemplate(version),
    prompt_version: version.version,
    prompt_description: version.description,
    label_id: version.labels[0]?.labelId ?? null,
    labels: labelsOf(version),
    is_published: prompt.publishedVersionId === version.id,
    created_at: version.createdAt.toISOString(),
    status: "active" as const,
  };
}
