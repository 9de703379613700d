"use client";
import { inputClass } from "@/components/ui/text-field";
import type { Collection } from "@/lib/hooks/use-collections";
import { buildFolderTree, flattenTree } from "./folder-model";

/** A folder picker showing the tree by indentation; `rootLabel` adds a "no parent" choice. */
export function FolderSelect({
  id,
  folders,
  value,
  onChange,
  exclude,
  rootLabel,
  testId,
}: {
  id: string;
  folders: Collection[];
  value: string;
  onChange: (value: string) => void;
  exclude?: Set<string>;
  rootLabel?: string;
  testId?: string;
}) {
  const options = flattenTree(buildFolderTree(folders)).filter(({ folder }) => !exclude?.has(folder.id));
  return (
    <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass}>
      {rootLabel !== undefined ? <option value="">{rootLabel}</option> : null}
      {options.map(({ folder, depth }) => (
        <option key={folder.id} value={folder.id}>
          {`${"\u00a0\u00a0\u00a0".repeat(depth)}${depth ? "└ " : ""}${folder.name}`}
        </option>
      ))}
    </select>
  );
}
