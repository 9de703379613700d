import { recordChange } from "@/lib/audit/record";
import { db } from "@/lib/core/db";
import { conflict, notFound } from "@/lib/core/http/errors";
import type { VariableSet } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/prompts/db-helpers";
import { findPromptOr404 } from "@/lib/prompts/lookup";
import { variableSetValuesSchema, type CreateVariableSetInput, type UpdateVariableSetInput, type VariableSetEntry } from "./variable-set-schemas";

/** Saved variable values per prompt, for the playground to pick from. */

function variableSetResponse(set: VariableSet): VariableSetEntry {
  return {
    id: set.id,
    prompt_id: set.promptId,
    name: set.name,
    // Read through the schema: anything else stored reads as no values rather than failing the list.
    variables: variableSetValuesSchema.safeParse(set.variables).data ?? {},
    created_at: set.createdAt.toISOString(),
    updated_at: set.updatedAt.toISOString(),
  };
}

const nameTaken = (name: string) => conflict(`This prompt already has a variable set named '${name}'`);
const target = (set: VariableSet) => ({ type: "variable_set", id: set.id, name: set.name });

async function setOr404(promptId: string, setId: string): Promise<VariableSet> {
  const set = await db.variableSet.findFirst({ where: { id: setId, promptId } });
  if (!set) throw notFound(`Variable set '${setId}' not found`);
  return set;
}

export async function listVariableSets(promptRef: string): Promise<{ data: VariableSetEntry[] }> {
  const prompt = await findPromptOr404(promptRef);
  const rows = await db.variableSet.findMany({ where: { promptId: prompt.id }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return { data: rows.map(variableSetResponse) };
}

export async function createVariableSet(promptRef: string, input: CreateVariableSetInput): Promise<VariableSetEntry> {
  const prompt = await findPromptOr404(promptRef);
  try {
    const created = await db.variableSet.create({ data: { promptId: prompt.id, name: input.name, variables: input.variables } });
    await recordChange(db, { action: "variable_set.create", target: target(created), after: variableSetResponse(created) });
    return variableSetResponse(created);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function updateVariableSet(promptRef: string, setId: string, input: UpdateVariableSetInput): Promise<VariableSetEntry> {
  const prompt = await findPromptOr404(promptRef);
  const set = await setOr404(prompt.id, setId);
  try {
    const updated = await db.variableSet.update({ where: { id: set.id }, data: { name: input.name, variables: input.variables } });
    await recordChange(db, { action: "variable_set.update", target: target(updated), before: variableSetResponse(set), after: variableSetResponse(updated) });
    return variableSetResponse(updated);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name ?? set.name);
    throw error;
  }
}

export async function deleteVariableSet(promptRef: string, setId: string): Promise<Record<string, never>> {
  const prompt = await findPromptOr404(promptRef);
  const set = await setOr404(prompt.id, setId);
  await db.variableSet.delete({ where: { id: set.id } });
  await recordChange(db, { action: "variable_set.delete", target: target(set), before: variableSetResponse(set) });
  return {};
}
