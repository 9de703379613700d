// Bundles the custom server's fast routes (server/fast-routes.ts) into
// .next/promptly-server/fast-routes.mjs, and the primary of several workers
// (server/cluster-primary.ts) into cluster-primary.mjs beside it: lib/ and app/ code inlined (resolving the `@/` alias),
// every package left to node_modules, so the bundle loads the same package instances as Next.
// Run by scripts/start.mjs after `next build`, and on its own: `node scripts/build-server.mjs`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function buildServer() {
  await build({
    entryPoints: ["fast-routes", "cluster-primary"].map((name) => path.join(root, "server", `${name}.ts`)),
    outdir: path.join(root, ".next", "promptly-server"),
    outExtension: { ".js": ".mjs" },
    absWorkingDir: root,
    tsconfig: path.join(root, "tsconfig.json"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    // As Next's server bundles see it: the lib/ code branches on these.
    define: { "process.env.NEXT_RUNTIME": '"nodejs"' },
    sourcemap: "linked",
    logLevel: "warning",
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildServer();
