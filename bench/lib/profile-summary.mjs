// Reads V8 .cpuprofile files (node --cpu-prof) and summarises the busiest one: self time by
// function, inclusive time by function, and self time by package / area.
// Also usable alone: node bench/lib/profile-summary.mjs [file-or-dir] [--top=N]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function loadProfile(file) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map(); // node id -> µs
  const { samples = [], timeDeltas = [] } = profile;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attribute the interval after it to it.
    const dt = timeDeltas[i + 1] ?? 0;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + Math.max(0, dt));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return { profile, byId, self, total };
}

/** Where a frame comes from: a package, node internals, the app's own compiled code... */
export function areaOf(url, name) {
  if (!url) return name === "(garbage collector)" ? "(gc)" : name === "(idle)" ? "(idle)" : name === "(program)" ? "(program: native/unknown)" : "(native)";
  if (url.startsWith("node:")) {
    // node:internal/deps/undici/undici -> node:internal/deps/undici (fetch), webstreams, ...
    const parts = url.slice(5).split("/");
    if (parts[0] !== "internal") return `node:${parts[0]}`;
    return `node:${parts.slice(0, parts[1] === "deps" || parts[1] === "bootstrap" || parts[1] === "modules" ? 3 : 2).join("/")}`;
  }
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split("/");
    const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    if (pkg === "next") {
      const sub = rest.slice(1).join("/");
      if (sub.includes("compiled/next-server/")) return "next (server runtime bundle)";
      if (sub.includes("/compiled/")) return `next/compiled/${sub.split("/compiled/")[1].split("/")[0]}`;
      return "next";
    }
    return pkg;
  }
  if (url.includes("/.next/server/")) return "app (.next/server chunks)";
  return path.basename(url);
}

function frameKey(n) {
  const cf = n.callFrame;
  return `${cf.functionName || "(anonymous)"}  ${cf.url ? `${cf.url.replace(/^file:\/\//, "").replace(/^.*\/(node_modules|\.next)\//, "$1/")}:${cf.lineNumber + 1}` : ""}`;
}

export function analyzeProfile(file, top = 25) {
  const { profile, byId, self, total } = loadProfile(file);
  const selfByKey = new Map();
  const byArea = new Map();
  for (const [id, us] of self) {
    const n = byId.get(id);
    const key = frameKey(n);
    selfByKey.set(key, (selfByKey.get(key) ?? 0) + us);
    const area = areaOf(n.callFrame.url, n.callFrame.functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  // Inclusive time: a node's self time counts for every distinct frame on its stack.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map();
  for (const [id, us] of self) {
    const keys = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) keys.add(frameKey(byId.get(cur)));
    for (const key of keys) inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
  const idle = [...self].filter(([id]) => byId.get(id).callFrame.functionName === "(idle)").reduce((a, [, us]) => a + us, 0);
  const busy = total - idle;
  const rank = (map) =>
    [...map]
      .filter(([key]) => !key.startsWith("(idle)") && !key.startsWith("(root)") && key !== "(idle)")
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, us]) => ({ key, ms: Math.round(us / 1000), pctOfBusy: Math.round((1000 * us) / busy) / 10 }));
  return {
    file,
    totalMs: Math.round(total / 1000),
    busyMs: Math.round(busy / 1000),
    self: rank(selfByKey),
    inclusive: rank(inclusive),
    areas: rank(byArea),
  };
}

/**
 * Who calls the frames whose key contains `needle`: their time (self + below, counted once
 * per sample) grouped by the chain of `depth` callers above the outermost matching frame.
 */
export function callersOf(file, needle, { depth = 6, top = 15 } = {}) {
  const { profile, byId, self } = loadProfile(file);
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const chains = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const stack = [];
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur));
    // Outermost match (closest to the root).
    let at = -1;
    for (let i = stack.length - 1; i >= 0; i--) {
      if (frameKey(stack[i]).includes(needle)) {
        at = i;
        break;
      }
    }
    if (at < 0) continue;
    total += us;
    const chain = stack.slice(at, at + 1 + depth).map((n) => frameKey(n).replace(/\s+/g, " ")).join("  <  ");
    chains.set(chain, (chains.get(chain) ?? 0) + us);
  }
  const rows = [...chains].sort((a, b) => b[1] - a[1]).slice(0, top).map(([chain, us]) => ({ ms: Math.round(us / 1000), chain }));
  return { needle, totalMs: Math.round(total / 1000), rows };
}

/** The busiest profile in `dir` (the serving process), analysed, plus a printable text. */
export function summarizeProfiles(dir, top = 25) {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).map((f) => path.join(dir, f)) : [];
  if (!files.length) return { text: `[bench] no CPU profile found in ${dir}`, files: [] };
  const analysed = files.map((f) => analyzeProfile(f, top)).sort((a, b) => b.busyMs - a.busyMs);
  const main = analysed[0];
  const text = formatAnalysis(main, `busiest of ${files.length}`);
  return { text, files: analysed.map((a) => ({ file: a.file, busyMs: a.busyMs })), main };
}

export function formatAnalysis(a, note = "") {
  const lines = [`CPU profile ${path.basename(a.file)}${note ? ` (${note})` : ""}: ${a.busyMs} ms busy of ${a.totalMs} ms`];
  const table = (title, rows) => {
    lines.push("", title);
    for (const r of rows) lines.push(`  ${String(r.pctOfBusy).padStart(5)} %  ${String(r.ms).padStart(7)} ms  ${r.key}`);
  };
  table("Self time by area:", a.areas);
  table("Self time by function:", a.self);
  table("Inclusive time by function:", a.inclusive);
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const target = args.find((a) => !a.startsWith("--")) ?? "bench/.cache/profiles";
  const top = Number(option("top") ?? 25);
  const isDir = fs.statSync(target).isDirectory();
  const summary = isDir ? summarizeProfiles(target, top) : { text: formatAnalysis(analyzeProfile(target, top)) };
  const file = isDir ? summary.main?.file : target;
  const needle = option("callers");
  if (needle && file) {
    // --callers=NAME[,NAME...] [--depth=N]: where the time under those frames comes from.
    for (const one of needle.split(",")) {
      const c = callersOf(file, one, { depth: Number(option("depth") ?? 6), top });
      console.log(`\nFrames matching "${one}": ${c.totalMs} ms in all, by caller chain:`);
      for (const r of c.rows) console.log(`  ${String(r.ms).padStart(7)} ms  ${r.chain}`);
    }
  } else {
    console.log(summary.text);
  }
}
