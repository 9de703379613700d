import { db } from "@/lib/core/db";
import { conflict, notFound } from "@/lib/core/http/errors";
import type { Prisma, Scorer } from "@/lib/generated/prisma/client";
import { isUniqueViolation, pageArgs } from "@/lib/prompts/db-helpers";
import { collectionIdFromBody } from "@/lib/prompts/lookup";
import { checkScorerDefinition } from "./check";
import { scoreCase, type DeterministicDefinition } from "./score";
import { scorerDefinitionSchema, type CreateScorerInput, type ListScorersQuery, type ScorerTrial, type UpdateScorerInput } from "./schemas";

/** Saved scorers: named checks kept per folder (collection) for experiments to reuse. */

export function scorerResponse(scorer: Scorer) {
  return {
    id: scorer.id,
    collection_id: scorer.collectionId,
    name: scorer.name,
    description: scorer.description,
    // Read through the schema: a definition stored by an older version still reads, or is shown as is.
    definition: scorerDefinitionSchema.safeParse(scorer.definition).data ?? scorer.definition,
    threshold: scorer.threshold,
    created_at: scorer.createdAt.toISOString(),
    updated_at: scorer.updatedAt.toISOString(),
  };
}

async function scorerOr404(id: string): Promise<Scorer> {
  const scorer = await db.scorer.findUnique({ where: { id } });
  if (!scorer) throw notFound(`Scorer '${id}' not found`);
  return scorer;
}

function nameTaken(name: string) {
  return conflict(`A scorer named '${name}' already exists in this folder`);
}

export async function createScorer(input: CreateScorerInput) {
  await checkScorerDefinition(input.definition);
  const collectionId = await collectionIdFromBody(input.collection_id);
  try {
    const scorer = await db.scorer.create({
      data: {
        collectionId,
        name: input.name,
        description: input.description ?? null,
        definition: input.definition as Prisma.InputJsonValue,
        threshold: input.threshold ?? null,
      },
    });
    return scorerResponse(scorer);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function listScorers(query: ListScorersQuery) {
  const collectionId = query.collection_id ? await collectionIdFromBody(query.collection_id) : undefined;
  const where = {
    ...(collectionId ? { collectionId } : {}),
    ...(query.search ? { name: { contains: query.search } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.scorer.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], ...pageArgs(query) }),
    db.scorer.count({ where }),
  ]);
  return { total, data: rows.map(scorerResponse) };
}

export async function getScorer(id: string) {
  return scorerResponse(await scorerOr404(id));
}

export async function updateScorer(id: string, input: UpdateScorerInput) {
  const scorer = await scorerOr404(id);
  if (input.definition) await checkScorerDefinition(input.definition);
  const collectionId = input.collection_id === undefined ? undefined : await collectionIdFromBody(input.collection_id);
  try {
    const data: Prisma.ScorerUncheckedUpdateInput = {
      collectionId,
      name: input.name,
      description: input.description,
      definition: input.definition as Prisma.InputJsonValue | undefined,
      threshold: input.threshold,
    };
    const updated = await db.scorer.update({ where: { id: scorer.id }, data });
    return scorerResponse(updated);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name ?? scorer.name);
    throw error;
  }
}

export async function deleteScorer(id: string) {
  const scorer = await scorerOr404(id);
  await db.scorer.delete({ where: { id: scorer.id } });
  return {};
}

/**
 * Scores one answer with a scorer that need not be saved (the form's "try it"). A judge is
 * checked, not run: running it is an LLM call, which experiments make and log.
 */
export async function tryScorer(trial: ScorerTrial) {
  await checkScorerDefinition(trial.scorer.definition, "scorer.definition");
  if (trial.scorer.definition.type === "llm_judge") {
    return { score: null, passed: null, reason: "An LLM judge runs in experiments: its prompt exists and can be used" };
  }
  return scoreCase({ ...trial.scorer, definition: trial.scorer.definition as DeterministicDefinition }, trial);
}
