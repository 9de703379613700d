// The project's import graph, type-only imports included, for the architecture checks
// (tests/unit/architecture.test.ts): import cycles, and imports that break the layer rules.
// TypeScript's own pre-processor lists a file's imports (`import type` and `export ... from`
// too), so no regex has to understand the syntax.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const EXTENSIONS = [".ts", ".tsx", ".mts", ".mjs", "/index.ts", "/index.tsx"];

/** Every source file below `roots` (relative to `root`), tests and generated code excluded. */
export function sourceFiles(root, roots, ignore = /(^|\/)(generated|node_modules)(\/|$)|\.test\.tsx?$/) {
  const out = [];
  const visit = (rel) => {
    const full = path.join(root, rel);
    if (!fs.existsSync(full) || ignore.test(rel)) return;
    if (fs.statSync(full).isDirectory()) for (const child of fs.readdirSync(full).sort()) visit(path.posix.join(rel, child));
    else if (SOURCE.test(rel)) out.push(rel);
  };
  roots.forEach(visit);
  return out;
}

/** `@/x` is the project root (tsconfig paths); relative specifiers are resolved; packages are left out. */
function resolve(root, from, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return null;
  for (const candidate of ["", ...EXTENSIONS]) {
    const rel = base + candidate;
    const full = path.join(root, rel);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return rel;
  }
  return null;
}

/** file → the project files it imports, by any kind of import. */
export function importGraph(root, files, read = (rel) => fs.readFileSync(path.join(root, rel), "utf8")) {
  const graph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(read(file), true, true);
    const targets = new Set();
    for (const { fileName } of importedFiles) {
      const target = resolve(root, file, fileName);
      if (target && target !== file) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** The graph's cycles, one per strongly connected component of more than one file (Tarjan). */
export function findCycles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const connect = (node) => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), indices.get(next)));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) connect(node);
  return cycles;
}

/**
 * Imports that break a layer rule. `layers` maps a layer name to the path prefixes it
 * covers, and `rules` says which layers a layer must not import: e.g. the bottom layer
 * imports no feature, and no shipped code imports test infrastructure.
 */
export function layerViolations(graph, layers, rules) {
  const layerOf = (file) => Object.entries(layers).find(([, prefixes]) => prefixes.some((prefix) => file === prefix || file.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`)))?.[0];
  const out = [];
  for (const [file, targets] of graph) {
    const forbidden = rules[layerOf(file)] ?? [];
    for (const target of targets) if (forbidden.includes(layerOf(target))) out.push(`${file} → ${target}`);
  }
  return out;
}
