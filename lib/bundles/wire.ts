import { stableStringify } from "@/lib/core/json/stable-stringify";
import type { PartialVersion, PromptVersion } from "@/lib/generated/prisma/client";
import type { BundlePromptVersion } from "./schemas";

/** A stored prompt version as a bundle holds it; the same shape for export and for comparing on import. */
export function promptVersionOut(row: PromptVersion & { virtualKey: { slug: string } | null }) {
  return {
    version: row.version,
    template_type: row.templateType as "chat" | "completion",
    string: row.template,
    model: row.model,
    virtual_key: row.virtualKey?.slug ?? null,
    parameters: (row.parameters ?? {}) as Record<string, unknown>,
    tools: (row.tools ?? null) as unknown[] | null,
    tool_choice: (row.toolChoice ?? null) as string | Record<string, unknown> | null,
    functions: (row.functions ?? null) as unknown[] | null,
    response_format: (row.responseFormat ?? null) as Record<string, unknown> | null,
    template_metadata: (row.templateMetadata ?? null) as Record<string, unknown> | null,
    description: row.description,
    created_at: row.createdAt.toISOString(),
  };
}

export function partialVersionOut(row: PartialVersion) {
  return { version: row.version, string: row.template, description: row.description, created_at: row.createdAt.toISOString() };
}

/** The content of a version, without when it was made: equal texts mean the same version. */
export function versionContent(version: Omit<BundlePromptVersion, "created_at"> & { created_at?: string }): string {
  const { created_at: _created, ...content } = version; // eslint-disable-line @typescript-eslint/no-unused-vars
  return stableStringify(content);
}
