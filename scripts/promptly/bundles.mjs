// `export --out FILE [--collection X]` and `import FILE`: a folder or the workspace, with full
// history, as one bundle file (GET /v1/bundles/export, POST /v1/bundles/import).

import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { progress, UsageError } from "./api.mjs";

export async function exportBundle(api, out, collection) {
  const query = collection ? `?collection_id=${encodeURIComponent(collection)}` : "";
  progress(`exporting ${collection ? `folder ${collection}` : "the workspace"} from ${api.baseUrl}`);
  const response = await api("GET", `/bundles/export${query}`, undefined, { raw: true });
  let bytes = 0;
  const counted = Readable.fromWeb(response.body);
  counted.on("data", (chunk) => {
    const before = Math.floor(bytes / 1_048_576);
    bytes += chunk.length;
    if (Math.floor(bytes / 1_048_576) > before) progress(`  ${Math.floor(bytes / 1_048_576)} MiB`);
  });
  const partial = `${out}.part`;
  await pipeline(counted, fs.createWriteStream(partial, { mode: 0o600 }));
  // Only a whole bundle takes the name: a broken download never passes for one.
  const bundle = JSON.parse(fs.readFileSync(partial, "utf8"));
  fs.renameSync(partial, out);
  const versions = bundle.prompts.reduce((n, p) => n + p.versions.length, 0);
  console.log(`Exported ${bundle.prompts.length} prompt(s) (${versions} version(s)), ${bundle.partials.length} partial(s), ${bundle.labels.length} label(s), ${bundle.collections.length} folder(s) to ${out} (${bytes} bytes).`);
  return 0;
}

const KINDS = ["collections", "labels", "partials", "partial_versions", "partial_label_assignments", "prompts", "versions", "label_assignments", "variable_sets"];

export async function importBundle(api, file) {
  if (!fs.existsSync(file)) throw new UsageError(`no file ${file}`);
  const text = fs.readFileSync(file, "utf8");
  progress(`importing ${file} (${Buffer.byteLength(text)} bytes) into ${api.baseUrl}`);
  const report = await api("POST", "/bundles/import", text);
  const line = (counts) => KINDS.filter((k) => counts[k]).map((k) => `${counts[k]} ${k.replaceAll("_", " ")}`).join(", ") || "nothing";
  console.log(`Created: ${line(report.created)}`);
  console.log(`Skipped (already there): ${line(report.skipped)}`);
  for (const note of report.notes) console.log(`note: ${note}`);
  for (const conflict of report.conflicts) console.log(`CONFLICT ${conflict.kind} ${conflict.ref}: ${conflict.message}`);
  // Conflicts leave the target short of the bundle: a script must notice.
  return report.conflicts.length ? 1 : 0;
}
