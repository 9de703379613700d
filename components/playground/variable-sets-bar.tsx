"use client";
import { useState } from "react";
import { fieldClass } from "@/components/prompts/field-class";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useCan } from "@/lib/auth/role-context";
import { useVariableSets } from "@/lib/hooks/use-variable-sets";
import { variableSetNameSchema, type VariableSetEntry } from "@/lib/playground/variable-set-schemas";

const small = "rounded px-1.5 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 disabled:pointer-events-none disabled:opacity-40 dark:text-zinc-300 dark:hover:bg-zinc-800";

type Naming = { kind: "create" } | { kind: "rename"; set: VariableSetEntry } | null;

/**
 * The prompt's saved variable sets: pick one to fill the fields; editors save the fields as a
 * new set, update the picked one with them, rename or delete it.
 */
export function VariableSetsBar({ promptId, names, values, onLoad }: { promptId: string; names: string[]; values: Record<string, string>; onLoad: (values: Record<string, string>) => void }) {
  const sets = useVariableSets(promptId);
  const canWrite = useCan("write");
  const [pickedId, setPickedId] = useState("");
  const [naming, setNaming] = useState<Naming>(null);
  const [deleting, setDeleting] = useState(false);
  const list = sets.list.data?.data ?? [];
  const picked = list.find((set) => set.id === pickedId) ?? null;
  const current = Object.fromEntries(names.map((name) => [name, values[name] ?? ""]));
  const changed = picked !== null && names.some((name) => (picked.variables[name] ?? "") !== current[name]);

  const pick = (id: string) => {
    setPickedId(id);
    const set = list.find((s) => s.id === id);
    if (set) onLoad(set.variables);
  };
  const update = async () => {
    if (!picked) return;
    try {
      await sets.update.mutateAsync({ id: picked.id, variables: { ...picked.variables, ...current } });
      toast.success(`Updated "${picked.name}"`);
    } catch (error) {
      toast.error(error);
    }
  };

  return (
    <div className="mb-3 flex flex-wrap items-center gap-1.5" data-testid="variable-sets">
      <label htmlFor="variable-set-select" className="text-xs text-zinc-500">
        Set
      </label>
      <select
        id="variable-set-select"
        value={pickedId}
        onChange={(e) => pick(e.target.value)}
        disabled={sets.list.isPending || list.length === 0}
        data-testid="variable-set-select"
        className={`${fieldClass} w-auto max-w-[12rem] min-w-0 flex-1 px-2 py-1 text-xs`}
      >
        <option value="">{sets.list.isPending ? "Loading…" : list.length === 0 ? "No saved sets" : "Pick a saved set…"}</option>
        {list.map((set) => (
          <option key={set.id} value={set.id}>
            {set.name}
          </option>
        ))}
      </select>
      {sets.list.isError ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300" data-testid="variable-sets-error">
          {sets.list.error.message}
        </span>
      ) : null}
      {canWrite ? (
        <>
          <button type="button" className={small} onClick={() => setNaming({ kind: "create" })} disabled={names.length === 0} data-testid="variable-set-save-as">
            Save as…
          </button>
          <button type="button" className={small} onClick={() => void update()} disabled={!changed || sets.update.isPending} data-testid="variable-set-update" title={picked ? `Save the fields into "${picked.name}"` : "Pick a set first"}>
            Update
          </button>
          <button type="button" className={small} onClick={() => picked && setNaming({ kind: "rename", set: picked })} disabled={!picked} data-testid="variable-set-rename">
            Rename
          </button>
          <button type="button" className={`${small} hover:text-red-700 dark:hover:text-red-300`} onClick={() => setDeleting(true)} disabled={!picked} data-testid="variable-set-delete">
            Delete
          </button>
        </>
      ) : null}
      {naming ? (
        <NameDialog
          title={naming.kind === "create" ? "Save variables as a set" : "Rename variable set"}
          initial={naming.kind === "rename" ? naming.set.name : ""}
          onClose={() => setNaming(null)}
          onSubmit={async (name) => {
            if (naming.kind === "create") {
              const created = await sets.create.mutateAsync({ name, variables: current });
              setPickedId(created.id);
              toast.success(`Saved "${name}"`);
            } else {
              await sets.update.mutateAsync({ id: naming.set.id, name });
              toast.success(`Renamed to "${name}"`);
            }
            setNaming(null);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={deleting && picked !== null}
        title="Delete variable set"
        confirmLabel="Delete"
        pending={sets.remove.isPending}
        testId="variable-set-delete-dialog"
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          if (!picked) return;
          try {
            await sets.remove.mutateAsync(picked.id);
            toast.success(`Deleted "${picked.name}"`);
            setPickedId("");
          } catch (error) {
            toast.error(error);
          }
          setDeleting(false);
        }}
      >
        Delete the saved set <strong>{picked?.name}</strong>? The fields keep their values.
      </ConfirmDialog>
    </div>
  );
}

function NameDialog({ title, initial, onClose, onSubmit }: { title: string; initial: string; onClose: () => void; onSubmit: (name: string) => Promise<void> }) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async () => {
    const parsed = variableSetNameSchema.safeParse(name);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the name");
    setPending(true);
    try {
      await onSubmit(parsed.data);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setPending(false);
    }
  };
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      submit={submit}
      submitLabel={pending ? "Saving…" : "Save"}
      submitDisabled={pending}
      submitTestId="variable-set-name-submit"
      error={error}
      errorTestId="variable-set-name-error"
      testId="variable-set-name-dialog"
    >
      <TextField label="Name" id="variable-set-name" data-testid="variable-set-name" value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={100} />
    </FormDialog>
  );
}
