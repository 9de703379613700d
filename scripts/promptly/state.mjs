// The server's side of a prompts-as-code tree: what `pull` writes and what `push` compares with.

import { listAll, progress } from "./api.mjs";

/** Folders by id, each with its path of slugs from the top (`team/support`). */
export async function folders(api) {
  const rows = await listAll(api, "/collections");
  const byId = new Map(rows.map((c) => [c.id, c]));
  const pathOf = (id, seen = new Set()) => {
    const c = byId.get(id);
    if (!c || seen.has(id)) return "";
    seen.add(id);
    const parent = c.parent_collection_id ? pathOf(c.parent_collection_id, seen) : "";
    return parent ? `${parent}/${c.slug}` : c.slug;
  };
  return rows.map((c) => ({ id: c.id, slug: c.slug, name: c.name, parent_id: c.parent_collection_id, is_default: c.is_default, path: pathOf(c.id) }));
}

/** Every prompt at its latest version, with its labels, published version and folder path. */
export async function prompts(api, folderList) {
  const pathById = new Map(folderList.map((f) => [f.id, f.path]));
  // Archived ones too: they still own their slugs, so a push must update them, not create them again.
  const rows = await listAll(api, "/prompts?archived=all");
  const out = [];
  for (const [index, row] of rows.entries()) {
    progress(`  reading prompt ${index + 1}/${rows.length}: ${row.slug}`);
    const versions = await api("GET", `/prompts/${encodeURIComponent(row.id)}/versions`);
    const latest = versions.reduce((a, b) => (b.prompt_version > a.prompt_version ? b : a));
    const t = latest.prompt_template;
    out.push({
      id: row.id,
      slug: row.slug,
      folder: pathById.get(row.collection_id) ?? "",
      name: row.name,
      labels: Object.fromEntries(row.labels.map((l) => [l.name, l.prompt_version]).sort(([a], [b]) => a.localeCompare(b))),
      published_version: row.prompt_version,
      latest_version: latest.prompt_version,
      versions: versions.map((v) => v.prompt_version),
      template_type: t.template_type,
      string: t.string,
      model: t.model,
      parameters: t.parameters ?? {},
      tools: t.tools,
      tool_choice: t.tool_choice,
      functions: t.functions,
      response_format: t.response_format,
      template_metadata: t.template_metadata,
      virtual_key: t.virtual_key,
    });
  }
  return out;
}

/** Every partial at its latest version, with its published version. */
export async function partials(api) {
  const rows = await listAll(api, "/prompts/partials");
  const out = [];
  for (const row of rows) {
    const versions = await api("GET", `/prompts/partials/${encodeURIComponent(row.id)}/versions`);
    const latest = versions.reduce((a, b) => (b.version > a.version ? b : a));
    const published = versions.find((v) => v.is_published);
    out.push({ id: row.id, slug: row.slug, name: row.name, string: latest.string, latest_version: latest.version, versions: versions.map((v) => v.version), published_version: published?.version ?? null });
  }
  return out;
}
