// Preload (NODE_OPTIONS=--require, which unlike --cpu-prof NODE_OPTIONS allows) used by
// `npm run bench -- --profile`: in the `next start` process only, samples the CPU with the
// inspector from start-up and writes a .cpuprofile into BENCH_CPU_PROF_DIR when it exits.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const dir = process.env.BENCH_CPU_PROF_DIR;
const script = process.argv[1] || "";
const isNextStart = /(^|\/)next(\/dist\/bin\/next)?$/.test(script) && process.argv.slice(2).includes("start");

if (dir && isNextStart) {
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
      fs.writeFileSync(path.join(dir, `CPU.${Date.now()}.${process.pid}.next-start.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on("exit", write);
  // The bench can also ask for the profile without stopping the server.
  process.on("SIGUSR2", write);
}
