import { badRequest } from "@/lib/core/http/errors";
import { logsAsTestCases } from "@/lib/logs/backtest";
import { findPromptOr404 } from "@/lib/prompts/lookup";
import { pickVersion } from "@/lib/prompts/resolve";
import { changeDataset, plural } from "./change";
import { datasetOr404 } from "./datasets";
import { MAX_LOGS_PER_REQUEST, type AddItemsInput, type DatasetItemInput, type FromLogsInput } from "./schemas";

/** POST /v1/datasets/:id/items with JSON: one item, `items`, or `from_logs` (a backtest set). */
export async function addItems(id: string, input: AddItemsInput, createdById: string | null) {
  const dataset = await datasetOr404(id);
  let items: DatasetItemInput[];
  let what: string;
  if ("from_logs" in input) {
    items = await itemsFromLogs(input.from_logs);
    if (items.length === 0) throw badRequest("No log matches: nothing was added", "from_logs", "no_matching_logs");
    what = "from logs";
  } else {
    items = "items" in input ? input.items : [input];
    what = "";
  }
  const result = await changeDataset(dataset.id, createdById, (change) => change.add(items), ({ added }) => `add ${plural(added, "item")}${what ? ` ${what}` : ""}`);
  return { version: result.version, item_count: result.itemCount, added: items.length, item_ids: result.value };
}

/** The logged variables become `variables`, the logged answer `expected`; the log is named in metadata. */
async function itemsFromLogs(input: FromLogsInput): Promise<DatasetItemInput[]> {
  const cases =
    "log_ids" in input
      ? await logsAsTestCases({ logIds: input.log_ids, limit: MAX_LOGS_PER_REQUEST })
      : await logsAsTestCases({
          ...(input.prompt ? await promptFilter(input.prompt, input.version, input.label) : {}),
          since: input.since,
          until: input.until,
          status: input.status,
          metadata: input.metadata,
          sample: input.sample,
          limit: MAX_LOGS_PER_REQUEST,
        });
  if ("log_ids" in input && cases.length < new Set(input.log_ids).size) {
    const found = new Set(cases.map((row) => row.logId));
    const missing = input.log_ids.find((logId) => !found.has(logId));
    throw badRequest(`Log '${missing}' not found`, "from_logs.log_ids");
  }
  return cases.map((row) => ({
    variables: row.variables,
    ...(row.answer === null ? {} : { expected: row.answer }),
    metadata: { source: "log", log_id: row.logId },
  }));
}

async function promptFilter(ref: string, version: number | undefined, label: string | undefined) {
  const prompt = await findPromptOr404(ref).catch(() => {
    throw badRequest(`Prompt '${ref}' not found`, "from_logs.prompt");
  });
  if (label !== undefined) {
    const picked = await pickVersion(prompt, { kind: "label", name: label }, ref).catch(() => {
      throw badRequest(`Label '${label}' points at no version of prompt '${ref}'`, "from_logs.label");
    });
    return { promptId: prompt.id, promptVersion: picked.version };
  }
  return { promptId: prompt.id, promptVersion: version };
}
