"use client";
import { useMemo, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { CsvParser, type CsvRecord } from "@/lib/datasets/csv";
import { csvItemMapper, defaultTarget } from "@/lib/datasets/mapping";
import type { ColumnMapping } from "@/lib/datasets/schemas";
import { useImportItems } from "@/lib/hooks/use-datasets";
import { showValue } from "./format";

type Format = "csv" | "jsonl";
type Choice = "variables" | "expected" | "metadata" | "ignore";

const PREVIEW_ROWS = 5;
const CHOICES: { value: Choice; label: string }[] = [
  { value: "variables", label: "Variable" },
  { value: "expected", label: "Expected" },
  { value: "metadata", label: "Metadata" },
  { value: "ignore", label: "Ignore" },
];

const choiceOf = (column: string): Choice => defaultTarget(column).split(".")[0] as Choice;

/** The header and the first records, from the start of the text only (a file may be huge). */
function previewCsv(text: string): { header: CsvRecord; rows: CsvRecord[] } | { error: string } | null {
  if (text.trim() === "") return null;
  const parser = new CsvParser();
  const records: CsvRecord[] = [];
  try {
    const head = text.length > 262_144 ? text.slice(0, 262_144) : text;
    records.push(...parser.push(head));
    if (head.length === text.length) records.push(...parser.end());
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (records.length === 0) return null;
  return { header: records[0], rows: records.slice(1, PREVIEW_ROWS + 1) };
}

/**
 * Import a CSV (with a preview and a target per column) or a JSON Lines file. The server
 * checks every line; a bad one refuses the whole import and names its line.
 */
export function ImportDialog({ datasetId, onClose }: { datasetId: string; onClose: () => void }) {
  const [text, setText] = useState("");
  const [format, setFormat] = useState<Format>("csv");
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [error, setError] = useState<string | null>(null);
  const importItems = useImportItems(datasetId);

  const csv = useMemo(() => (format === "csv" ? previewCsv(text) : null), [format, text]);
  const columns = csv && "header" in csv ? csv.header.fields.map((name) => name.trim()) : [];
  const mapping: ColumnMapping = Object.fromEntries(columns.map((column) => [column, choices[column] ?? choiceOf(column)]));
  // A few rows: cheap enough to redo on every render (the CSV's head is parsed once, above).
  const preview = (() => {
    if (format === "jsonl") {
      return text
        .slice(0, 262_144)
        .split("\n")
        .filter((line) => line.trim() !== "")
        .slice(0, PREVIEW_ROWS)
        .map((line, i) => {
          try {
            const item = JSON.parse(line) as Record<string, unknown>;
            return { variables: item.variables, expected: item.expected, metadata: item.metadata };
          } catch {
            return { problem: `line ${i + 1}: not valid JSON` };
          }
        });
    }
    if (!csv || !("header" in csv)) return [];
    try {
      const toItem = csvItemMapper(csv.header, mapping);
      return csv.rows.map((row) => {
        try {
          return toItem(row);
        } catch (problem) {
          return { problem: problem instanceof Error ? problem.message : String(problem) };
        }
      });
    } catch (problem) {
      return [{ problem: problem instanceof Error ? problem.message : String(problem) }];
    }
  })();

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setFormat(/\.(jsonl|ndjson|json)$/i.test(file.name) ? "jsonl" : "csv");
    setChoices({});
    setError(null);
    setText(await file.text());
  };

  const submit = async () => {
    setError(null);
    try {
      const result = await importItems.mutateAsync({ text, format, mapping: format === "csv" ? mapping : undefined });
      toast.success(`Imported ${result.added} items: version ${result.version}`);
      onClose();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="Import items"
      description="CSV with a header row, or JSON Lines (one item per line). All or nothing: a bad line stops the import and is named."
      size="xl"
      testId="import-dialog"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} disabled={!text.trim() || importItems.isPending} data-testid="import-submit">
            {importItems.isPending ? "Importing…" : "Import"}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <div className="flex flex-wrap items-end gap-3">
          <label className="block space-y-1">
            <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">File</span>
            <input type="file" accept=".csv,.jsonl,.ndjson,.json,text/csv" data-testid="import-file" onChange={(e) => void readFile(e.target.files?.[0])} className="block text-sm" />
          </label>
          <label htmlFor="import-format" className="block space-y-1">
            <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Format</span>
            <select id="import-format" data-testid="import-format" value={format} onChange={(e) => setFormat(e.target.value as Format)} className={inputClass}>
              <option value="csv">CSV</option>
              <option value="jsonl">JSON Lines</option>
            </select>
          </label>
        </div>
        <label htmlFor="import-text" className="block space-y-1">
          <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Or paste</span>
          <textarea
            id="import-text"
            data-testid="import-text"
            rows={5}
            value={text.length > 20_000 ? `${text.slice(0, 20_000)}\n…` : text}
            readOnly={text.length > 20_000}
            onChange={(e) => setText(e.target.value)}
            placeholder={format === "csv" ? "question,expected\nWhat is 2+2?,4" : '{"variables": {"question": "What is 2+2?"}, "expected": "4"}'}
            className={`${inputClass} font-mono text-xs`}
          />
        </label>

        {csv && "error" in csv ? <ErrorAlert testId="import-preview-error">{csv.error}</ErrorAlert> : null}
        {columns.length > 0 ? (
          <fieldset className="space-y-2" data-testid="import-mapping">
            <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Columns</legend>
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {columns.map((column) => (
                <label key={column} className="flex items-center gap-2 text-sm">
                  <span className="min-w-0 flex-1 truncate font-mono" title={column}>
                    {column}
                  </span>
                  <select
                    aria-label={`Column ${column}`}
                    data-testid={`import-map-${column}`}
                    value={mapping[column]}
                    onChange={(e) => setChoices({ ...choices, [column]: e.target.value as Choice })}
                    className={`${inputClass} w-32`}
                  >
                    {CHOICES.map((choice) => (
                      <option key={choice.value} value={choice.value}>
                        {choice.label}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}

        {preview.length > 0 ? (
          <div className="space-y-1">
            <p className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Preview (first {preview.length})</p>
            <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
              <table className="min-w-full text-xs" data-testid="import-preview">
                <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
                  <tr>
                    <th className="px-2 py-1">Variables</th>
                    <th className="px-2 py-1">Expected</th>
                    <th className="px-2 py-1">Metadata</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100 font-mono dark:divide-zinc-800">
                  {preview.map((item, i) =>
                    "problem" in item ? (
                      <tr key={i}>
                        <td colSpan={3} className="px-2 py-1 text-red-700 dark:text-red-300">
                          {item.problem}
                        </td>
                      </tr>
                    ) : (
                      <tr key={i} data-testid="import-preview-row">
                        <td className="px-2 py-1 break-all">{showValue(item.variables)}</td>
                        <td className="px-2 py-1 break-all">{showValue(item.expected)}</td>
                        <td className="px-2 py-1 break-all">{showValue(item.metadata)}</td>
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            </div>
          </div>
        ) : null}
        {error ? <ErrorAlert testId="import-error">{error}</ErrorAlert> : null}
      </div>
    </Dialog>
  );
}
