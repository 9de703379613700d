import { RequestMappingError } from "../native/mapping-error";
import { isObject, messagesOf } from "../native/openai-messages";
import { checkParameters, declaredPolicy, maxTokensOf, modelChecked, noOp, numberParam, OPENAI_ONLY_FIELDS, stopSequences } from "../native/parameters";
import { functionTools, toolChoiceOf, type FunctionTool, type ToolChoice } from "../native/tools";
import { modelCapabilities, modelFamily } from "../model-policy";
import { googleDeclaration } from "./declaration";
import { toGeminiContents } from "./contents";
import { takesJsonSchemaFields } from "./model-families";
import { toGeminiJsonSchema, toGeminiSchema } from "./schema";

// logprobs is refused from the capability table (declaredPolicy), which also checks that
// n, penalties and seed, declared supported, are mapped here.
const POLICY = declaredPolicy(googleDeclaration, {
  handled: [
    "model", "messages", "stream", "max_tokens", "max_completion_tokens", "temperature", "top_p", "top_k", "stop", "n",
    "presence_penalty", "frequency_penalty", "seed", "tools", "tool_choice", "response_format",
  ],
  // `user` only identifies the end user to OpenAI's abuse monitoring; Gemini has no such field.
  ignored: ["stream_options", "store", "metadata", "service_tier", "user"],
  unsupported: {
    ...OPENAI_ONLY_FIELDS,
    // Gemini may always answer with several calls: "at most one" cannot be promised.
    parallel_tool_calls: noOp.isTrue,
  },
});

export interface GeminiRequestOptions {
  /**
   * Whether the API version reached takes full JSON Schema (`parametersJsonSchema`,
   * `responseJsonSchema`): v1beta does; the stable v1 is given Gemini's Schema subset.
   */
  jsonSchemaFields: boolean;
}

/** An OpenAI chat body → a Gemini GenerateContentRequest (the model goes in the URL). */
export function toGeminiRequest(requested: Record<string, unknown>, options: GeminiRequestOptions = { jsonSchemaFields: true }): Record<string, unknown> {
  // What this Gemini model refuses or ignores (./model-families.ts), then what no Gemini maps.
  const body = modelChecked(googleDeclaration, requested);
  checkParameters(body, POLICY, "Google Gemini");
  const { systemInstruction, contents } = toGeminiContents(messagesOf(body));
  const tools = functionTools(body.tools);
  const schema = schemaDialect(options.jsonSchemaFields && takesJsonSchemaFields(modelFamily(googleDeclaration, body.model)));
  const generationConfig = generationConfigOf(body, schema);
  return {
    contents,
    ...(systemInstruction ? { systemInstruction } : {}),
    ...toolFields(tools, toolChoiceOf(body.tool_choice, tools), schema),
    ...(Object.keys(generationConfig).length > 0 ? { generationConfig } : {}),
  };
}

interface SchemaDialect {
  parameters: string;
  response: string;
  convert: (schema: Record<string, unknown>, param: string) => Record<string, unknown>;
}

function schemaDialect(jsonSchema: boolean): SchemaDialect {
  return jsonSchema
    ? { parameters: "parametersJsonSchema", response: "responseJsonSchema", convert: toGeminiJsonSchema }
    : { parameters: "parameters", response: "responseSchema", convert: toGeminiSchema };
}

function generationConfigOf(body: Record<string, unknown>, schema: SchemaDialect): Record<string, unknown> {
  // A setting the model lacks got here only at its no-op value (modelChecked refused the rest):
  // it is not sent, since these models refuse the field whatever its value.
  const capabilities = modelCapabilities(googleDeclaration, body.model);
  const config: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) config[key] = value;
  };
  set("maxOutputTokens", maxTokensOf(body));
  set("temperature", numberParam(body, "temperature"));
  set("topP", numberParam(body, "top_p"));
  set("topK", numberParam(body, "top_k"));
  set("stopSequences", stopSequences(body.stop));
  const n = numberParam(body, "n");
  if (n !== undefined && n > 1 && capabilities.multipleChoices) config.candidateCount = n;
  if (capabilities.penalties) {
    set("presencePenalty", numberParam(body, "presence_penalty"));
    set("frequencyPenalty", numberParam(body, "frequency_penalty"));
  }
  set("seed", numberParam(body, "seed"));
  Object.assign(config, responseFormatOf(body.response_format, schema));
  return config;
}

/** json_object → JSON output; json_schema → JSON output constrained by the (translated) schema. */
function responseFormatOf(format: unknown, schema: SchemaDialect): Record<string, unknown> {
  if (format === undefined || format === null) return {};
  const type = isObject(format) ? format.type : undefined;
  if (type === "text") return {};
  if (type === "json_object") return { responseMimeType: "application/json" };
  if (type === "json_schema") {
    const spec = isObject(format) && isObject(format.json_schema) ? format.json_schema : null;
    if (!spec || !isObject(spec.schema)) {
      throw new RequestMappingError("response_format", "response_format json_schema needs json_schema.schema", "invalid_parameter");
    }
    return { responseMimeType: "application/json", [schema.response]: schema.convert(spec.schema, "response_format") };
  }
  throw new RequestMappingError("response_format", `response_format type '${String(type)}' is not supported by Google Gemini`);
}

function toolFields(tools: FunctionTool[], choice: ToolChoice | undefined, schema: SchemaDialect): Record<string, unknown> {
  // Without tools a tool_choice constrains nothing: dropping it changes no answer.
  if (tools.length === 0) return {};
  const functionDeclarations = tools.map((tool, i) => ({
    name: tool.name,
    ...(tool.description ? { description: tool.description } : {}),
    // Gemini rejects an object schema without properties: a function without arguments has none.
    ...(tool.parameters && hasArguments(tool.parameters) ? { [schema.parameters]: schema.convert(tool.parameters, `tools[${i}]`) } : {}),
  }));
  const functionCallingConfig =
    choice?.mode === "none" ? { mode: "NONE" }
    : choice?.mode === "required" ? { mode: "ANY" }
    : choice?.mode === "function" ? { mode: "ANY", allowedFunctionNames: [choice.name] }
    : choice?.mode === "auto" ? { mode: "AUTO" }
    : null;
  return { tools: [{ functionDeclarations }], ...(functionCallingConfig ? { toolConfig: { functionCallingConfig } } : {}) };
}

function hasArguments(schema: Record<string, unknown>): boolean {
  const objectSchema = schema.type === undefined || schema.type === "object";
  const hasProperties = isObject(schema.properties) && Object.keys(schema.properties).length > 0;
  return !objectSchema || hasProperties || schema.$ref !== undefined;
}
