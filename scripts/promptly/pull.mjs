// `pull --dir DIR`: writes the server's prompts and partials as files, folders as directories.

import fs from "node:fs";
import path from "node:path";
import { progress } from "./api.mjs";
import { PARTIAL_SUFFIX, PARTIALS_DIR, PROMPT_SUFFIX, SAFE_SLUG, renderPartial, renderPrompt } from "./files.mjs";
import { folders, partials, prompts } from "./state.mjs";

/** The tree as files: relative path → text. Also every folder's directory, empty or not. */
export async function serverTree(api) {
  const folderList = await folders(api);
  const files = new Map();
  const dirs = new Set();
  const skipped = [];
  for (const folder of folderList) {
    if (folder.path.split("/").every((slug) => SAFE_SLUG.test(slug))) dirs.add(folder.path);
    else skipped.push(`folder '${folder.path}'`);
  }
  for (const prompt of await prompts(api, folderList)) {
    if (!SAFE_SLUG.test(prompt.slug) || !dirs.has(prompt.folder)) skipped.push(`prompt '${prompt.slug}'`);
    else files.set(`${prompt.folder}/${prompt.slug}${PROMPT_SUFFIX}`, renderPrompt(prompt));
  }
  for (const partial of await partials(api)) {
    if (!SAFE_SLUG.test(partial.slug)) skipped.push(`partial '${partial.slug}'`);
    else files.set(`${PARTIALS_DIR}/${partial.slug}${PARTIAL_SUFFIX}`, renderPartial(partial));
  }
  return { files, dirs, skipped };
}

/** The prompt and partial files under `dir` (relative path → text) and its directories. */
export function localTree(dir) {
  const files = new Map();
  const dirs = new Set();
  const visit = (rel) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.name.startsWith(".")) continue;
      if (entry.isDirectory()) {
        if (child !== PARTIALS_DIR) dirs.add(child);
        visit(child);
      } else if (entry.isFile() && (entry.name.endsWith(PROMPT_SUFFIX) || entry.name.endsWith(PARTIAL_SUFFIX))) {
        files.set(child, fs.readFileSync(path.join(dir, child), "utf8"));
      }
    }
  };
  if (fs.existsSync(dir)) visit("");
  return { files, dirs };
}

export async function pull(api, dir) {
  progress(`pulling from ${api.baseUrl} into ${dir}`);
  const { files, dirs, skipped } = await serverTree(api);
  fs.mkdirSync(dir, { recursive: true });
  for (const folder of dirs) fs.mkdirSync(path.join(dir, folder), { recursive: true });
  let written = 0;
  for (const [rel, text] of files) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) continue;
    fs.writeFileSync(file, text);
    written++;
  }
  // A prompt or partial gone from the server (or moved) leaves no file behind.
  let removed = 0;
  for (const rel of localTree(dir).files.keys()) {
    if (files.has(rel)) continue;
    fs.rmSync(path.join(dir, rel));
    removed++;
  }
  // A folder gone from the server leaves no directory behind either, else a push would bring it back.
  const { dirs: localDirs } = localTree(dir);
  for (const rel of [...localDirs].sort((x, y) => y.split("/").length - x.split("/").length)) {
    if (dirs.has(rel) || [...dirs].some((kept) => kept.startsWith(`${rel}/`))) continue;
    const full = path.join(dir, rel);
    if (fs.readdirSync(full).length === 0) fs.rmdirSync(full);
  }
  for (const what of skipped) progress(`  skipped ${what}: its slug can't be a file name`);
  const prompts = [...files.keys()].filter((rel) => rel.endsWith(PROMPT_SUFFIX)).length;
  console.log(`Pulled ${prompts} prompt(s) and ${files.size - prompts} partial(s) in ${dirs.size} folder(s): ${written} file(s) written, ${removed} removed.`);
  return 0;
}
