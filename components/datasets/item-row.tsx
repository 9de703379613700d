"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/alert";
import { Td } from "@/components/ui/table";
import { inputClass } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useUpdateItem, type DatasetItem } from "@/lib/hooks/use-datasets";
import { parseExpected, parseObject, showValue } from "./format";

/**
 * One item; with `editable`, Edit turns the row into fields in place (Escape cancels,
 * Ctrl/Cmd+Enter saves). Saving makes a new version of the dataset.
 */
export function ItemRow({ datasetId, item, index, editable, onDelete }: { datasetId: string; item: DatasetItem; index: number; editable: boolean; onDelete: () => void }) {
  const [editing, setEditing] = useState(false);
  const [variables, setVariables] = useState("");
  const [expected, setExpected] = useState("");
  const [expectedJson, setExpectedJson] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateItem(datasetId);

  const start = () => {
    setVariables(JSON.stringify(item.variables, null, 2));
    setExpectedJson(item.expected !== null && typeof item.expected !== "string");
    setExpected(item.expected === null ? "" : typeof item.expected === "string" ? item.expected : JSON.stringify(item.expected, null, 2));
    setError(null);
    setEditing(true);
  };

  const save = async () => {
    const vars = parseObject(variables, "variables");
    if ("error" in vars) return setError(vars.error);
    const answer = parseExpected(expected, expectedJson);
    if ("error" in answer) return setError(answer.error);
    try {
      const result = await update.mutateAsync({ itemId: item.id, variables: vars.value, expected: answer.value });
      toast.success(`Item saved: version ${result.version}`);
      setEditing(false);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  if (editing) {
    return (
      <tr data-testid="item-row" data-editing="true" className="bg-indigo-50/40 dark:bg-indigo-950/20">
        <Td className="align-top text-zinc-500 tabular-nums">{index + 1}</Td>
        <Td colSpan={3} className="align-top">
          <div
            className="grid gap-3 md:grid-cols-2"
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                event.preventDefault();
                setEditing(false);
              }
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) void save();
            }}
          >
            <label className="block space-y-1">
              <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Variables (JSON)</span>
              <textarea data-testid="item-edit-variables" rows={4} value={variables} onChange={(e) => setVariables(e.target.value)} className={`${inputClass} font-mono text-xs`} autoFocus />
            </label>
            <label className="block space-y-1">
              <span className="flex items-center justify-between text-xs font-medium text-zinc-600 dark:text-zinc-400">
                Expected
                <span className="flex items-center gap-1 font-normal">
                  <input type="checkbox" checked={expectedJson} onChange={(e) => setExpectedJson(e.target.checked)} data-testid="item-edit-expected-json" /> JSON
                </span>
              </span>
              <textarea data-testid="item-edit-expected" rows={4} value={expected} onChange={(e) => setExpected(e.target.value)} className={`${inputClass} text-xs`} />
            </label>
          </div>
          {error ? (
            <div className="mt-2">
              <ErrorAlert testId="item-edit-error">{error}</ErrorAlert>
            </div>
          ) : null}
        </Td>
        <Td className="align-top">
          <div className="flex flex-col gap-1">
            <Button onClick={() => void save()} disabled={update.isPending} data-testid="item-save">
              {update.isPending ? "Saving…" : "Save"}
            </Button>
            <Button variant="ghost" onClick={() => setEditing(false)} data-testid="item-cancel">
              Cancel
            </Button>
          </div>
        </Td>
      </tr>
    );
  }

  return (
    <tr data-testid="item-row">
      <Td className="align-top text-zinc-500 tabular-nums">{index + 1}</Td>
      <Td className="max-w-xs align-top font-mono text-xs break-all" data-testid="item-variables">
        {showValue(item.variables)}
      </Td>
      <Td className="max-w-xs align-top text-xs break-words whitespace-pre-wrap" data-testid="item-expected">
        {item.expected === null ? <span className="text-zinc-400">—</span> : showValue(item.expected)}
      </Td>
      <Td className="hidden max-w-[12rem] align-top font-mono text-xs break-all text-zinc-500 md:table-cell">{showValue(item.metadata)}</Td>
      <Td className="align-top">
        {editable ? (
          <div className="flex gap-1">
            <Button variant="ghost" onClick={start} data-testid="item-edit" aria-label={`Edit item ${index + 1}`}>
              Edit
            </Button>
            <Button variant="ghost" onClick={onDelete} data-testid="item-delete" aria-label={`Delete item ${index + 1}`} className="text-red-700 dark:text-red-300">
              Delete
            </Button>
          </div>
        ) : null}
      </Td>
    </tr>
  );
}
