// `push --dir DIR --plan|--apply`: what the tree changes on the server, printed as a diff,
// and with --apply done through the API. Push only adds: new folders, prompts, partials and
// versions, label moves (a protected label the key may not move becomes a release request),
// publishing. It never deletes anything; an unchanged tree plans nothing and creates nothing.

import fs from "node:fs";
import { createTwoFilesPatch } from "diff";
import { ApiCallError, listAll, progress, UsageError } from "./api.mjs";
import { PARTIAL_SUFFIX, PARTIALS_DIR, PROMPT_SUFFIX, SAFE_SLUG, parsePartial, parsePrompt, renderPartial, renderPrompt, versionKey } from "./files.mjs";
import { localTree } from "./pull.mjs";
import { folders, partials, prompts } from "./state.mjs";

// A folder push creates gets its slug from its directory name, which must already be one.
const FOLDER_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const VERSION_FIELDS = ["model", "parameters", "tools", "tool_choice", "functions", "response_format", "virtual_key"];

const patch = (rel, before, after) => createTwoFilesPatch(before === null ? "/dev/null" : `a/${rel}`, `b/${rel}`, before ?? "", after, "", "", { context: 3 }).split("\n").slice(2).join("\n");
const enc = encodeURIComponent;

function versionBody(local, message) {
  const fields = Object.fromEntries(VERSION_FIELDS.map((key) => [key, local[key]]));
  return { ...fields, string: local.string, template_metadata: { ...(local.template_metadata ?? {}), template_type: local.template_type }, ...(message ? { version_description: message } : {}) };
}

export async function plan(api, dir, { message } = {}) {
  if (!fs.existsSync(dir)) throw new UsageError(`no directory ${dir}: pull first`);
  const local = localTree(dir);
  progress(`reading ${api.baseUrl}`);
  const folderList = await folders(api);
  const bySlug = new Map(folderList.map((f) => [f.slug, f]));
  const serverPrompts = new Map((await prompts(api, folderList)).map((p) => [p.slug, p]));
  const serverPartials = new Map((await partials(api)).map((p) => [p.slug, p]));
  const labels = new Map((await listAll(api, "/labels")).map((l) => [l.name, l]));
  const openRequests = new Set((await listAll(api, "/release-requests?status=open")).map((r) => `${r.prompt.slug} ${r.label.name} ${r.version}`));

  const actions = [];
  const add = (kind, line, run, diff) => actions.push({ kind, line, run, diff });
  const notes = [];

  // Folders, parents first: the server's, and directories holding prompt files (any other
  // directory, for notes or scripts, is not a folder).
  const holding = new Set();
  for (const rel of local.files.keys()) {
    if (!rel.endsWith(PROMPT_SUFFIX)) continue;
    const parts = rel.split("/").slice(0, -1);
    for (let n = 1; n <= parts.length; n++) holding.add(parts.slice(0, n).join("/"));
  }
  const serverPaths = new Set(folderList.map((f) => f.path));
  const folderDirs = [...local.dirs].filter((d) => !d.startsWith(`${PARTIALS_DIR}/`) && (holding.has(d) || serverPaths.has(d)));
  for (const path of folderDirs.sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b))) {
    const slugs = path.split("/");
    const slug = slugs[slugs.length - 1];
    const parent = slugs.length > 1 ? slugs[slugs.length - 2] : null;
    const existing = bySlug.get(slug);
    if (!existing) {
      if (!FOLDER_SLUG.test(slug)) throw new UsageError(`${path}: a new folder's directory name must be a slug (lower-case letters, digits and -)`);
      bySlug.set(slug, { slug, path });
      add("new folder", `+ folder ${path}`, async () => {
        const created = await api("POST", "/collections", { name: slug, parent_collection_id: parent });
        if (created.slug !== slug) throw new Error(`folder '${path}' was created as '${created.slug}' (a slug taken?): rename the directory to match`);
      });
    } else {
      const serverParent = existing.parent_id ? folderList.find((f) => f.id === existing.parent_id)?.slug ?? null : null;
      if (existing.path !== undefined && serverParent !== parent && existing.id) {
        add("folder move", `~ folder ${slug}: moved from ${existing.path} to ${path}`, () => api("PUT", `/collections/${enc(slug)}`, { parent_collection_id: parent }));
      }
    }
  }

  // Partials before prompts: a new prompt may include a new partial.
  for (const [rel, text] of local.files) {
    if (!rel.endsWith(PARTIAL_SUFFIX)) continue;
    if (!rel.startsWith(`${PARTIALS_DIR}/`) || rel.split("/").length !== 2) throw new UsageError(`${rel}: partial files belong directly in ${PARTIALS_DIR}/`);
    const slug = rel.slice(PARTIALS_DIR.length + 1, -PARTIAL_SUFFIX.length);
    if (!SAFE_SLUG.test(slug)) throw new UsageError(`${rel}: the file name must be the partial's slug`);
    const mine = parsePartial(text, rel);
    const theirs = serverPartials.get(slug);
    if (!theirs) {
      const diff = patch(rel, null, renderPartial({ ...mine, published_version: 1 }));
      add("new partial", `+ partial ${slug} (v1)`, () => api("POST", "/prompts/partials", { name: mine.name, slug, string: mine.string, ...(message ? { version_description: message } : {}) }), diff);
      continue;
    }
    const diff = patch(rel, renderPartial(theirs), renderPartial(mine));
    let latest = theirs.latest_version;
    if (mine.string !== theirs.string) {
      latest += 1;
      add("new version", `~ partial ${slug}: new version v${latest}`, () => api("PUT", `/prompts/partials/${enc(theirs.id)}`, { string: mine.string, ...(message ? { version_description: message } : {}) }), diff);
    }
    if (mine.name !== theirs.name) add("rename", `~ partial ${slug}: renamed to ${JSON.stringify(mine.name)}`, () => api("PUT", `/prompts/partials/${enc(theirs.id)}`, { name: mine.name }), mine.string === theirs.string ? diff : undefined);
    const publish = mine.published_version === "latest" ? latest : mine.published_version;
    if (publish !== null && publish !== theirs.published_version) {
      if (publish > latest) throw new UsageError(`${rel}: version ${publish} does not exist`);
      add("publish", `~ partial ${slug}: publish v${publish}`, () => api("PUT", `/prompts/partials/${enc(theirs.id)}/makeDefault`, { version: publish }));
    }
  }

  const labelsToCreate = new Set();
  for (const [rel, text] of local.files) {
    if (!rel.endsWith(PROMPT_SUFFIX)) continue;
    const parts = rel.split("/");
    const slug = parts.pop().slice(0, -PROMPT_SUFFIX.length);
    const folder = parts.join("/");
    if (!folder || parts[0] === PARTIALS_DIR) throw new UsageError(`${rel}: a prompt file belongs in a folder's directory`);
    if (!SAFE_SLUG.test(slug)) throw new UsageError(`${rel}: the file name must be the prompt's slug`);
    const mine = parsePrompt(text, rel);
    const theirs = serverPrompts.get(slug);
    const folderSlug = parts[parts.length - 1];
    let id = theirs?.id ?? null;
    let latest;
    let versions;
    let current = {};
    if (!theirs) {
      latest = 1;
      versions = [1];
      const diff = patch(rel, null, renderPrompt({ ...mine, published_version: 1, labels: {} }));
      add("new prompt", `+ prompt ${folder}/${slug} (v1)`, async () => {
        id = (await api("POST", "/prompts", { name: mine.name, slug, collection_id: folderSlug, ...versionBody(mine, message) })).id;
      }, diff);
    } else {
      latest = theirs.latest_version;
      versions = [...theirs.versions];
      current = theirs.labels;
      const diff = patch(rel, renderPrompt(theirs), renderPrompt(mine));
      let shown = false;
      const withDiff = () => (shown ? undefined : ((shown = true), diff));
      if (versionKey(mine) !== versionKey(theirs)) {
        latest += 1;
        versions.push(latest);
        add("new version", `~ prompt ${folder}/${slug}: new version v${latest}`, () => api("PUT", `/prompts/${enc(id)}`, versionBody(mine, message)), withDiff());
      }
      if (mine.name !== theirs.name) add("rename", `~ prompt ${folder}/${slug}: renamed to ${JSON.stringify(mine.name)}`, () => api("PUT", `/prompts/${enc(id)}`, { name: mine.name }), withDiff());
      if (theirs.folder !== folder) add("prompt move", `~ prompt ${slug}: moved from ${theirs.folder} to ${folder}`, () => api("PUT", `/prompts/${enc(id)}`, { collection_id: folderSlug }), withDiff());
      const publish = mine.published_version === "latest" ? latest : mine.published_version;
      if (publish !== null && publish !== theirs.published_version) {
        if (!versions.includes(publish)) throw new UsageError(`${rel}: published_version ${publish} does not exist`);
        add("publish", `~ prompt ${folder}/${slug}: publish v${publish}`, () => api("PUT", `/prompts/${enc(id)}/makeDefault`, { version: publish }), withDiff());
      }
    }
    for (const [name, wanted] of Object.entries(mine.labels)) {
      const version = wanted === "latest" ? latest : wanted;
      if (current[name] === version) continue;
      if (!versions.includes(version)) throw new UsageError(`${rel}: label '${name}' points at version ${version}, which does not exist`);
      const label = labels.get(name);
      if (!label && !labelsToCreate.has(name)) {
        labelsToCreate.add(name);
        add("new label", `+ label ${name}`, () => api("POST", "/labels", { name }));
      }
      if (openRequests.has(`${slug} ${name} ${version}`)) {
        notes.push(`= prompt ${folder}/${slug}: a release request for ${name} → v${version} is already open`);
        continue;
      }
      const from = current[name] ? `v${current[name]}` : "unset";
      add(label?.protected ? "release request" : "label move", `~ prompt ${folder}/${slug}: label ${name} ${from} → v${version}${label?.protected ? " (protected: a release request unless this key may publish)" : ""}`, async () => {
        try {
          await api("PUT", `/prompts/${enc(id)}/versions/${version}`, { label_id: name });
          return "moved";
        } catch (error) {
          if (!(error instanceof ApiCallError) || error.code !== "label_protected") throw error;
          const request = await api("POST", "/release-requests", { prompt_id: id, label: name, version, ...(message ? { comment: message } : {}) });
          return `release request ${request.id} opened`;
        }
      });
    }
  }
  const untracked = [...serverPrompts.keys()].filter((slug) => ![...local.files.keys()].some((rel) => rel.endsWith(`/${slug}${PROMPT_SUFFIX}`)));
  if (untracked.length) notes.push(`${untracked.length} prompt(s) on the server have no file here: left alone`);
  return { actions, notes };
}

function summary(actions) {
  const counts = new Map();
  for (const action of actions) counts.set(action.kind, (counts.get(action.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}${n === 1 ? "" : kind.endsWith("s") ? "es" : "s"}`).join(", ");
}

export async function push(api, dir, { apply, message }) {
  const { actions, notes } = await plan(api, dir, { message });
  for (const action of actions) console.log(action.line);
  for (const note of notes) console.log(note);
  if (actions.length === 0) {
    console.log(`Nothing to do: ${api.baseUrl} matches ${dir}.`);
    return 0;
  }
  const diffs = actions.filter((a) => a.diff).map((a) => a.diff);
  if (diffs.length) console.log(`\n${diffs.join("\n")}`);
  if (!apply) {
    console.log(`Plan: ${summary(actions)}. Run with --apply to make these changes.`);
    return 0;
  }
  for (const [index, action] of actions.entries()) {
    progress(`[${index + 1}/${actions.length}] ${action.line.slice(2)}`);
    const outcome = await action.run();
    if (typeof outcome === "string" && outcome !== "moved") progress(`  ${outcome}`);
  }
  console.log(`Applied: ${summary(actions)}.`);
  return 0;
}
