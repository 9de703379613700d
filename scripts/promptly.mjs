// `npm run promptly -- pull|push|export|import ...`: prompts as code, and bundles between
// instances, against a running Promptly (PROMPTLY_URL, PROMPTLY_API_KEY). Plain Node (fetch),
// no build step: it only speaks the HTTP API.

import { client, UsageError } from "./promptly/api.mjs";
import { exportBundle, importBundle } from "./promptly/bundles.mjs";
import { FormatError } from "./promptly/files.mjs";
import { pull } from "./promptly/pull.mjs";
import { push } from "./promptly/push.mjs";

const USAGE = `usage: npm run promptly -- <command> [options]

  pull --dir DIR                       write every prompt and partial as a file, folders as directories
  push --dir DIR --plan                print what the tree would change on the server, as a diff
  push --dir DIR --apply [--message M] make those changes (a protected label becomes a release request)
  export --out FILE [--collection X]   a folder (id or slug) and its sub-folders, or the whole workspace,
                                       with full history, labels and partials, as one bundle file
  import FILE                          merge a bundle: what exists is skipped, conflicts are reported

environment: PROMPTLY_URL (default http://127.0.0.1:3000), PROMPTLY_API_KEY
exit codes: 0 done, 1 an API call failed or an import reported conflicts, 2 a usage or file format error`;

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const options = { command, positional: [] };
  const takes = { "--dir": "dir", "--out": "out", "--collection": "collection", "--message": "message" };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--plan") options.plan = true;
    else if (arg === "--apply") options.apply = true;
    else if (arg === "--help" || arg === "-h") throw new UsageError("");
    else if (takes[arg]) {
      if (rest[i + 1] === undefined) throw new UsageError(`${arg} needs a value`);
      options[takes[arg]] = rest[++i];
    } else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
    else options.positional.push(arg);
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  switch (options.command) {
    case "pull":
      if (!options.dir) throw new UsageError("pull needs --dir DIR");
      return pull(client(), options.dir);
    case "push":
      if (!options.dir) throw new UsageError("push needs --dir DIR");
      if (Boolean(options.plan) === Boolean(options.apply)) throw new UsageError("push needs one of --plan or --apply");
      return push(client(), options.dir, { apply: options.apply, message: options.message });
    case "export":
      if (!options.out) throw new UsageError("export needs --out FILE");
      return exportBundle(client(), options.out, options.collection);
    case "import":
      if (options.positional.length !== 1) throw new UsageError("import needs one bundle FILE");
      return importBundle(client(), options.positional[0]);
    case undefined:
    case "help":
      throw new UsageError("");
    default:
      throw new UsageError(`unknown command ${options.command}`);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError) {
      console.error(error.message ? `${error.message}\n\n${USAGE}` : USAGE);
      process.exit(2);
    }
    if (error instanceof FormatError) {
      console.error(`promptly: ${error.message}`);
      process.exit(2);
    }
    console.error(`promptly: ${error.message}`);
    process.exit(1);
  },
);
