// Starts `npm start`'s script on a fresh database: every e2e run begins from a new install.
import fs from "node:fs";
import { spawn } from "node:child_process";

const dir = process.env.PROMPTLY_DATA_DIR;
if (!dir) throw new Error("PROMPTLY_DATA_DIR must be set");
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const child = spawn(process.execPath, ["scripts/start.mjs"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
