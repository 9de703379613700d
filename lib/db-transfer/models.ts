import type { PrismaClient } from "@/lib/core/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * What moves, in an order that satisfies every foreign key: parents before children.
 * Three references point "forward" or at their own table (a collection's parent, a
 * prompt's or partial's published version); they are written as null first and set once
 * every row exists (see transfer.ts). The unit test fails when a model is missing here.
 */
export const TRANSFER_ORDER = [
  "User",
  "Session",
  "Account",
  "Verification",
  "ApiKey",
  "Invite",
  "RateLimit",
  "OwnerClaim",
  "SignInLock",
  "Collection",
  "VirtualKey",
  "Prompt",
  "VariableSet",
  "PromptVersion",
  "Label",
  "PromptLabel",
  "LabelMove",
  "ReleaseRequest",
  "ReleaseReview",
  "LabelGate",
  "Partial",
  "PartialVersion",
  "PartialLabel",
  "Scorer",
  "ModelPrice",
  "CompletionLog",
  "Feedback",
  "LogExport",
  "AppSetting",
  "AnalyticsRollup",
  "AnalyticsBackfill",
  "Dataset",
  "DatasetVersion",
  "DatasetItem",
  "Experiment",
  "ExperimentCase",
  "AuditLog",
  "WebhookEndpoint",
  "WebhookEvent",
  "WebhookDelivery",
] as const;

export type ModelName = (typeof TRANSFER_ORDER)[number];

export const DEFERRED_FIELDS: Partial<Record<ModelName, string[]>> = {
  Collection: ["parentId"],
  Prompt: ["publishedVersionId"],
  Partial: ["publishedVersionId"],
};

/** The primary key of each model, to page through it in a stable order. */
export const PRIMARY_KEY: Partial<Record<ModelName, string[]>> = { PromptLabel: ["promptId", "labelId"], PartialLabel: ["partialId", "labelId"], ModelPrice: ["provider", "model"], RateLimit: ["key"], SignInLock: ["key"], AppSetting: ["key"] };
export const primaryKey = (model: ModelName) => PRIMARY_KEY[model] ?? ["id"];

export type Row = Record<string, unknown>;

/** The generic face of a model delegate (db.user, db.prompt...), enough to copy rows. */
export interface Delegate {
  findMany(args: Row): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  update(args: { where: Row; data: Row }): Promise<Row>;
  count(): Promise<number>;
}

export function delegate(client: PrismaClient, model: ModelName): Delegate {
  const key = model[0].toLowerCase() + model.slice(1);
  return (client as unknown as Record<string, Delegate>)[key];
}

interface FieldInfo {
  name: string;
  kind: string;
  type: string;
}

/**
 * Scalar fields by type, from the client's own data model. `_runtimeDataModel` is internal
 * to Prisma, but it is exactly what the client itself uses, so it can't drift from the
 * schema; should a Prisma upgrade rename it, this throws and the unit test says so.
 */
export function scalarFields(client: PrismaClient, model: ModelName): FieldInfo[] {
  const dataModel = (client as unknown as { _runtimeDataModel?: { models: Record<string, { fields: FieldInfo[] }> } })._runtimeDataModel;
  const fields = dataModel?.models[model]?.fields;
  if (!fields) throw new Error(`db-transfer: no field list for model ${model} in the Prisma client`);
  return fields.filter((field) => field.kind === "scalar");
}

export function modelNames(client: PrismaClient): string[] {
  const dataModel = (client as unknown as { _runtimeDataModel?: { models: Record<string, unknown> } })._runtimeDataModel;
  return Object.keys(dataModel?.models ?? {});
}

/**
 * A row as read (or parsed from an export file) into what createMany accepts: dates
 * revived from their ISO text, and a null JSON column spelled Prisma.DbNull.
 */
export function toWritable(fields: FieldInfo[], row: Row): Row {
  const out: Row = {};
  for (const field of fields) {
    const value = row[field.name];
    if (value === undefined) continue;
    if (field.type === "Json") out[field.name] = value === null ? Prisma.DbNull : value;
    else if (field.type === "DateTime" && value !== null) out[field.name] = value instanceof Date ? value : new Date(String(value));
    else out[field.name] = value;
  }
  return out;
}
