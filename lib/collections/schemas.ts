import { z } from "zod";
import { listQuerySchema } from "@/lib/prompts/schemas";

const collectionName = z.string().trim().min(1, "must not be empty").max(200);

export const createCollectionSchema = z.object({
  name: collectionName,
  // A collection id or slug; absent or null puts the folder at the top level.
  parent_collection_id: z.string().min(1).nullish(),
});
export type CreateCollectionInput = z.infer<typeof createCollectionSchema>;

export const updateCollectionSchema = z.object({
  name: collectionName.optional(),
  // null moves the folder to the top level; absent leaves it where it is.
  parent_collection_id: z.string().min(1).nullish(),
});
export type UpdateCollectionInput = z.infer<typeof updateCollectionSchema>;

export const listCollectionsQuerySchema = listQuerySchema.extend({
  parent_collection_id: z.string().min(1).optional(),
});
export type ListCollectionsQuery = z.infer<typeof listCollectionsQuerySchema>;
