import { RequestMappingError } from "./mapping-error";
import { isObject } from "./openai-messages";

/** OpenAI's `tools` and `tool_choice`, validated and reduced to what every provider can express. */

export interface FunctionTool {
  name: string;
  description?: string;
  /** The JSON Schema of the arguments, as given. */
  parameters?: Record<string, unknown>;
}

export type ToolChoice = { mode: "auto" } | { mode: "none" } | { mode: "required" } | { mode: "function"; name: string };

/** Function tools only: OpenAI's built-in tool types have no native equivalent here. */
export function functionTools(tools: unknown): FunctionTool[] {
  if (tools === undefined || tools === null) return [];
  if (!Array.isArray(tools)) throw new RequestMappingError("tools", "tools must be an array", "invalid_parameter");
  return tools.map((tool, i) => {
    const at = `tools[${i}]`;
    if (!isObject(tool) || (tool.type !== undefined && tool.type !== "function")) {
      throw new RequestMappingError(at, `tool type '${isObject(tool) ? String(tool.type) : typeof tool}' at ${at} is not supported: only function tools are`);
    }
    const fn = tool.function;
    if (!isObject(fn) || typeof fn.name !== "string" || !fn.name) {
      throw new RequestMappingError(at, `${at}.function.name is required`, "invalid_parameter");
    }
    if (fn.parameters !== undefined && fn.parameters !== null && !isObject(fn.parameters)) {
      throw new RequestMappingError(at, `${at}.function.parameters must be a JSON Schema object`, "invalid_parameter");
    }
    return {
      name: fn.name,
      ...(typeof fn.description === "string" && fn.description ? { description: fn.description } : {}),
      ...(isObject(fn.parameters) ? { parameters: fn.parameters } : {}),
    };
  });
}

/**
 * `"auto" | "none" | "required" | {type:"function", function:{name}}`; undefined when unset.
 * A named function must be one of the tools, as OpenAI checks.
 */
export function toolChoiceOf(choice: unknown, tools: FunctionTool[]): ToolChoice | undefined {
  if (choice === undefined || choice === null) return undefined;
  if (choice === "auto" || choice === "none" || choice === "required") return { mode: choice };
  if (isObject(choice) && isObject(choice.function) && typeof choice.function.name === "string") {
    const name = choice.function.name;
    if (!tools.some((tool) => tool.name === name)) {
      throw new RequestMappingError("tool_choice", `tool_choice names '${name}', which is not one of the tools`, "invalid_parameter");
    }
    return { mode: "function", name };
  }
  throw new RequestMappingError("tool_choice", "tool_choice must be 'auto', 'none', 'required' or {type:'function', function:{name}}", "invalid_parameter");
}
