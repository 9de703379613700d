import { z } from "zod";
import { listQuerySchema } from "@/lib/prompts/schemas";
import { hostRequired, keyRequired, optionsRequiredWithoutHost, VIRTUAL_KEY_PROVIDERS } from "./providers";

/** A base URL such as http://127.0.0.1:11434/v1; the trailing slash is dropped. */
const customHost = z
  .string()
  .trim()
  .refine((value) => {
    try {
      return ["http:", "https:"].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, "must be an http(s) URL, e.g. http://127.0.0.1:11434/v1")
  .transform((value) => value.replace(/\/+$/, ""));

const option = z.string().trim().min(1).max(200);

// The Node SDK snake-cases top-level keys: apiVersion arrives as api_version.
const providerOptions = {
  note: z.string().max(1000).nullish(),
  api_version: option.nullish(),
  resource_name: option.nullish(),
  deployment_name: option.nullish(),
  custom_host: customHost.nullish(),
};

export const createVirtualKeySchema = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(200),
    provider: z.enum(VIRTUAL_KEY_PROVIDERS, {
      error: () => `must be one of: ${VIRTUAL_KEY_PROVIDERS.join(", ")}`,
    }),
    key: z.string().trim().max(10_000).optional(),
    ...providerOptions,
  })
  .superRefine((body, ctx) => {
    if (!body.key && keyRequired(body.provider)) {
      ctx.addIssue({ code: "custom", path: ["key"], message: `an API key is required for ${body.provider}` });
    }
    if (!body.custom_host && hostRequired(body.provider)) {
      ctx.addIssue({ code: "custom", path: ["custom_host"], message: `custom_host is required for ${body.provider}` });
    }
    for (const name of body.custom_host ? [] : optionsRequiredWithoutHost(body.provider)) {
      if (!body[name as keyof typeof body]) {
        ctx.addIssue({ code: "custom", path: [name], message: `${body.provider} needs ${name} (or custom_host)` });
      }
    }
  });
export type CreateVirtualKeyInput = z.infer<typeof createVirtualKeySchema>;

export const updateVirtualKeySchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(200).optional(),
  // Accepted only when unchanged: a key belongs to one provider for life.
  provider: z.string().optional(),
  key: z.string().trim().min(1, "must not be empty").max(10_000).optional(),
  ...providerOptions,
});
export type UpdateVirtualKeyInput = z.infer<typeof updateVirtualKeySchema>;

export const listVirtualKeysQuerySchema = listQuerySchema;
