"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { useDeleteModelPrice, useModelPrices, type ModelPriceResponse } from "@/lib/hooks/use-model-prices";
import { draftOf, ModelPriceForm } from "./model-price-form";
import { QueryError } from "./query-error";
import { SectionHeader } from "./section-header";

const perMTok = (value: number | null) => (value === null ? "—" : `$${value}`);

export function ModelPricesSection() {
  const prices = useModelPrices();
  const remove = useDeleteModelPrice();
  const [draft, setDraft] = useState(draftOf());

  const reset = (price: ModelPriceResponse) =>
    remove.mutate(
      { provider: price.provider, model: price.model },
      {
        onSuccess: () => toast.success(price.declared ? `${price.model} is back to its declared price` : `${price.model} has no price now (cost unknown)`),
        onError: (error) => toast.error(error.message),
      },
    );

  return (
    <section aria-labelledby="model-prices-title" data-testid="model-prices-section">
      <SectionHeader
        id="model-prices-title"
        title="Model prices"
        description={
          <>
            US dollars per million tokens, used to price each completion when it is logged. Declared prices come from the providers&apos; pricing
            pages; an override replaces one or prices a model that has none. A model without a price logs its cost as unknown. Changing a price
            changes the cost of later logs only. A dated snapshot (gpt-4o-2024-08-06) is priced as its model unless it has a price of its own.
          </>
        }
      />
      <ModelPriceForm draft={draft} onDraft={setDraft} />
      {prices.isError ? (
        <QueryError error={prices.error} onRetry={() => prices.refetch()} testId="model-prices-error" />
      ) : prices.data?.data.length === 0 ? (
        <EmptyState title="No model has a price" testId="model-prices-empty" />
      ) : (
        <Table label="Model prices" testId="model-prices-table">
          <thead>
            <tr>
              <Th>Provider</Th>
              <Th>Model</Th>
              <Th className="text-right">Input</Th>
              <Th className="text-right">Output</Th>
              <Th className="text-right">Cached input</Th>
              <Th>Source</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          {prices.isPending ? (
            <SkeletonRows columns={7} testId="model-prices-loading" />
          ) : (
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {prices.data.data.map((price) => (
                <tr key={`${price.provider}/${price.model}`} data-testid="model-price-row" data-model={price.model} data-source={price.source}>
                  <Td className="text-xs text-zinc-500">{price.provider}</Td>
                  <Td className="font-mono text-xs">{price.model}</Td>
                  <Td className="text-right tabular-nums">{perMTok(price.input_per_mtok)}</Td>
                  <Td className="text-right tabular-nums">{perMTok(price.output_per_mtok)}</Td>
                  <Td className="text-right tabular-nums">{perMTok(price.cached_input_per_mtok)}</Td>
                  <Td>
                    {price.source === "override" ? (
                      <Badge tone="info" title={price.declared ? `Declared: $${price.declared.input_per_mtok} / $${price.declared.output_per_mtok}` : "No declared price"}>
                        Override
                      </Badge>
                    ) : (
                      <span className="text-xs text-zinc-500">Declared, checked {price.checked}</span>
                    )}
                  </Td>
                  <Td className="text-right whitespace-nowrap">
                    <Button variant="secondary" onClick={() => setDraft(draftOf(price))} aria-label={`Edit the price of ${price.model}`}>
                      Edit
                    </Button>
                    {price.source === "override" ? (
                      <Button variant="secondary" className="ml-2" disabled={remove.isPending} onClick={() => reset(price)} aria-label={`Remove the override of ${price.model}`}>
                        {price.declared ? "Reset" : "Remove"}
                      </Button>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </tbody>
          )}
        </Table>
      )}
    </section>
  );
}
