"use client";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { putModelPriceSchema } from "@/lib/costs/schemas";
import { usePutModelPrice, type ModelPriceResponse } from "@/lib/hooks/use-model-prices";
import { useProviders } from "@/lib/hooks/use-providers";
import { FieldError, fieldErrors, type FieldErrors } from "./field-error";

type Draft = { provider: string; model: string; input: string; output: string; cached: string };

export const draftOf = (price?: ModelPriceResponse): Draft => ({
  provider: price?.provider ?? "openai",
  model: price?.model ?? "",
  input: price ? String(price.input_per_mtok) : "",
  output: price ? String(price.output_per_mtok) : "",
  cached: price?.cached_input_per_mtok == null ? "" : String(price.cached_input_per_mtok),
});

// An empty box is "not given" (zod then says it is required), not the zero Number("") would make.
const amount = (text: string) => (text.trim() === "" ? undefined : Number(text));

/** Sets an admin's price for a model: a new one, or the row picked with "Edit" (keyed by provider and model). */
export function ModelPriceForm({ draft, onDraft }: { draft: Draft; onDraft: (draft: Draft) => void }) {
  const put = usePutModelPrice();
  const providers = useProviders();
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (field: keyof Draft) => (event: { target: { value: string } }) => {
    onDraft({ ...draft, [field]: event.target.value });
    setErrors({});
    if (put.isError) put.reset();
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = putModelPriceSchema.safeParse({
      provider: draft.provider,
      model: draft.model,
      input_per_mtok: amount(draft.input),
      output_per_mtok: amount(draft.output),
      cached_input_per_mtok: draft.cached.trim() === "" ? null : Number(draft.cached),
    });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    put.mutate(parsed.data, {
      onSuccess: () => {
        toast.success(`Price of ${parsed.data.model} saved: logs from now on use it`);
        onDraft(draftOf());
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate className="mb-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" data-testid="model-price-form">
      <div className="flex flex-wrap items-start gap-3">
        <div className="w-44">
          <SelectField id="model-price-provider" label="Provider" value={draft.provider} onChange={set("provider")}>
            {(providers.data?.data ?? [{ id: draft.provider, displayName: draft.provider }]).map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.displayName}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="min-w-48 flex-1">
          <TextField id="model-price-model" label="Model" placeholder="gpt-4o-2024-05-13" value={draft.model} onChange={set("model")} aria-describedby="model_price_model-error" />
          <FieldError id="model_price_model-error" message={errors.model} />
        </div>
        {(
          [
            ["input", "input_per_mtok", "Input $ / 1M"],
            ["output", "output_per_mtok", "Output $ / 1M"],
            ["cached", "cached_input_per_mtok", "Cached input $ / 1M (optional)"],
          ] as const
        ).map(([field, key, label]) => (
          <div key={field} className="w-36">
            <TextField id={`model-price-${field}`} label={label} inputMode="decimal" value={draft[field]} onChange={set(field)} aria-invalid={Boolean(errors[key]) || undefined} />
            <FieldError id={`model-price-${field}-error`} message={errors[key]} />
          </div>
        ))}
        <Button type="submit" className="mt-6" disabled={put.isPending} data-testid="model-price-submit">
          {put.isPending ? "Saving…" : "Save price"}
        </Button>
      </div>
      {put.isError ? (
        <div className="mt-3">
          <ErrorAlert testId="model-price-error">{put.error.message}</ErrorAlert>
        </div>
      ) : null}
    </form>
  );
}
