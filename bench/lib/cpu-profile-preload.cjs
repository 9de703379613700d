// Preload (NODE_OPTIONS=--require, which unlike --cpu-prof NODE_OPTIONS allows) used by
// `npm run bench -- --profile`: in the serving process only (scripts/start.mjs serves in
// process when started with the heap flag, else it spawns scripts/server.mjs), samples the CPU with the
// inspector from start-up and writes a .cpuprofile into BENCH_CPU_PROF_DIR when it exits.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const dir = process.env.BENCH_CPU_PROF_DIR;
const script = process.argv[1] || "";
const isServer = /(^|\/)scripts\/(start|server)\.mjs$/.test(script) && !process.argv.includes("--dev");

if (dir && isServer) {
  const { Session } = require("node:inspector");
  const session = new Session();
  session.connect();
  // The in-process session answers synchronously, so this also works inside 'exit'.
  session.post("Profiler.enable");
  session.post("Profiler.start");
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    session.post("Profiler.stop", (error, result) => {
      if (error || !result) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `CPU.${Date.now()}.${process.pid}.server.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  // Only at exit: SIGUSR2 belongs to the stats windows (lib/core/process-stats.ts), and a
  // profile written at the first one would cover start-up and warm-up instead of the run.
  process.on("exit", write);
}
