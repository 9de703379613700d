import type { VersionTemplate } from "@/lib/hooks/use-prompt-versions";

/**
 * The editable form of a prompt version. Numeric settings are kept as the text typed (""
 * means unset), so half-typed values like "0." never fight the input; they are parsed
 * when the draft is saved or run (see draft-body.ts).
 */
export type TemplateType = "chat" | "completion";
export type ResponseFormatType = "text" | "json_object" | "json_schema";

export interface DraftMessage {
  /** Local identity for React keys and reordering; never sent. */
  key: string;
  role: string;
  /** A string content; multi-part content stays in `extra.content` untouched. */
  content: string;
  /** Other fields of the message (name, tool_calls, non-string content...) kept as they were. */
  extra: Record<string, unknown>;
}

export const NUMERIC_PARAMS = ["temperature", "max_tokens", "top_p", "presence_penalty", "frequency_penalty", "seed"] as const;
export type NumericParam = (typeof NUMERIC_PARAMS)[number];

export interface DraftSettings {
  virtualKey: string;
  model: string;
  numbers: Record<NumericParam, string>;
  /** One stop sequence per line. */
  stop: string;
  responseFormat: ResponseFormatType;
  /** The json_schema object, as JSON text. */
  jsonSchema: string;
  /** The tools array, as JSON text ("" for none). */
  tools: string;
  /** "auto" | "none" | "required" | "" (unset) or a JSON object naming a function. */
  toolChoice: string;
  /** Stored parameters this form does not edit (n, logit_bias, user...), kept on save. */
  otherParameters: Record<string, unknown>;
}

export interface Draft {
  templateType: TemplateType;
  messages: DraftMessage[];
  text: string;
  settings: DraftSettings;
}

let keySeq = 0;
// Not crypto.randomUUID: it is missing on plain-http origins (a self-hosted LAN address).
export const newKey = () => `m${Date.now().toString(36)}${(keySeq++).toString(36)}`;

export const newMessage = (role: string, content = ""): DraftMessage => ({ key: newKey(), role, content, extra: {} });

export const EMPTY_NUMBERS: Record<NumericParam, string> = {
  temperature: "",
  max_tokens: "",
  top_p: "",
  presence_penalty: "",
  frequency_penalty: "",
  seed: "",
};

export const EXAMPLE_SCHEMA = JSON.stringify(
  { name: "answer", strict: true, schema: { type: "object", properties: { answer: { type: "string" } }, required: ["answer"], additionalProperties: false } },
  null,
  2,
);

/** What the New prompt dialog creates as v1: a system and a user message to fill in. */
export function starterTemplate(type: TemplateType): string {
  if (type === "completion") return "";
  return JSON.stringify([
    { role: "system", content: "" },
    { role: "user", content: "" },
  ]);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function parseMessages(text: string): DraftMessage[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [newMessage("user", text)];
    return parsed.filter(isObject).map((raw) => {
      const { role, content, ...rest } = raw;
      const extra: Record<string, unknown> = { ...rest };
      if (content !== undefined && typeof content !== "string") extra.content = content;
      return { key: newKey(), role: typeof role === "string" ? role : "user", content: typeof content === "string" ? content : "", extra };
    });
  } catch {
    return [newMessage("user", text)];
  }
}

const asText = (value: unknown) => (value === undefined || value === null ? "" : String(value));

/** A saved version (its `prompt_template`) as a draft. */
export function draftFromVersion(template: VersionTemplate): Draft {
  const parameters = isObject(template.parameters) ? { ...template.parameters } : {};
  const numbers = { ...EMPTY_NUMBERS };
  for (const name of Object.keys(numbers) as NumericParam[]) {
    numbers[name] = asText(parameters[name]);
    delete parameters[name];
  }
  const stop = parameters.stop;
  delete parameters.stop;
  const paramModel = typeof parameters.model === "string" ? parameters.model : "";
  delete parameters.model;
  const format = isObject(template.response_format) ? template.response_format : null;
  const formatType = format?.type === "json_object" || format?.type === "json_schema" ? format.type : "text";
  const toolChoice = template.tool_choice;
  const templateType: TemplateType = template.template_type === "completion" ? "completion" : "chat";
  return {
    templateType,
    messages: templateType === "chat" ? parseMessages(template.string) : [],
    text: templateType === "completion" ? template.string : "",
    settings: {
      virtualKey: template.virtual_key ?? "",
      model: template.model ?? paramModel,
      numbers,
      stop: Array.isArray(stop) ? stop.join("\n") : asText(stop),
      responseFormat: formatType,
      jsonSchema: formatType === "json_schema" && format?.json_schema ? JSON.stringify(format.json_schema, null, 2) : "",
      tools: Array.isArray(template.tools) && template.tools.length > 0 ? JSON.stringify(template.tools, null, 2) : "",
      toolChoice: toolChoice == null ? "" : typeof toolChoice === "string" ? toolChoice : JSON.stringify(toolChoice),
      otherParameters: parameters,
    },
  };
}

/** The template string as stored: a JSON array of messages for chat, the text otherwise. */
export function templateString(draft: Draft): string {
  if (draft.templateType === "completion") return draft.text;
  return JSON.stringify(draft.messages.map((m) => ({ role: m.role, content: m.content, ...m.extra })));
}
