import type { ValidationIssue } from "./issues";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const JSON_TYPES = new Set(["object", "array", "string", "number", "integer", "boolean", "null"]);

/**
 * What makes a JSON schema unreadable to a provider, checked structurally (providers each
 * accept their own subset of keywords, so unknown keywords are left to them).
 */
export function schemaProblem(schema: unknown): string | null {
  if (!isObject(schema)) return "must be a JSON schema object";
  const { type, properties, required, items } = schema;
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  const bad = types.find((t) => typeof t !== "string" || !JSON_TYPES.has(t));
  if (bad !== undefined) return `"type" ${JSON.stringify(bad)} is not a JSON schema type`;
  if (properties !== undefined) {
    if (!isObject(properties)) return '"properties" must be an object';
    for (const [name, property] of Object.entries(properties)) {
      const inner = schemaProblem(property);
      if (inner) return `property "${name}" ${inner}`;
    }
  }
  if (required !== undefined && !(Array.isArray(required) && required.every((r) => typeof r === "string"))) return '"required" must be a list of property names';
  if (items !== undefined && !isObject(items) && !Array.isArray(items)) return '"items" must be a schema';
  return null;
}

const toolIssue = (message: string, path: string, index?: number): ValidationIssue => ({
  severity: "error",
  code: "tools_invalid",
  message,
  path,
  where: index === undefined ? "tools" : `tool ${index + 1}`,
});

/** Tools: a list of {type: "function", function: {name, description?, parameters?: schema}}. */
export function toolsIssues(tools: unknown): ValidationIssue[] {
  if (tools == null) return [];
  if (!Array.isArray(tools)) return [toolIssue("must be a JSON array of tools", "tools")];
  const issues: ValidationIssue[] = [];
  const names = new Set<string>();
  tools.forEach((tool, i) => {
    const path = `tools[${i}]`;
    if (!isObject(tool) || tool.type !== "function" || !isObject(tool.function)) {
      issues.push(toolIssue('must look like {"type": "function", "function": {"name": "...", "parameters": {...}}}', path, i));
      return;
    }
    const { name, parameters } = tool.function;
    if (typeof name !== "string" || name.trim() === "") issues.push(toolIssue("needs a function name", `${path}.function.name`, i));
    else if (names.has(name)) issues.push(toolIssue(`"${name}" is defined twice`, `${path}.function.name`, i));
    else names.add(name);
    const problem = parameters === undefined ? null : schemaProblem(parameters);
    if (problem) issues.push(toolIssue(`parameters ${problem}`, `${path}.function.parameters`, i));
  });
  return issues;
}

const formatIssue = (message: string, path = "response_format"): ValidationIssue => ({
  severity: "error",
  code: "response_format_invalid",
  message,
  path,
  where: "the response format",
});

/** {type: "text"}, {type: "json_object"} or {type: "json_schema", json_schema: {name, schema}}. */
export function responseFormatIssues(format: unknown): ValidationIssue[] {
  if (format == null) return [];
  if (!isObject(format)) return [formatIssue("must be an object")];
  if (format.type === "text" || format.type === "json_object") return [];
  if (format.type !== "json_schema") return [formatIssue('"type" must be "text", "json_object" or "json_schema"', "response_format.type")];
  const spec = format.json_schema;
  if (!isObject(spec)) return [formatIssue('needs "json_schema": {"name": "...", "schema": {...}}', "response_format.json_schema")];
  const issues: ValidationIssue[] = [];
  if (typeof spec.name !== "string" || spec.name.trim() === "") issues.push(formatIssue("needs a schema name", "response_format.json_schema.name"));
  const problem = spec.schema === undefined ? "is missing" : schemaProblem(spec.schema);
  if (problem) issues.push(formatIssue(`schema ${problem}`, "response_format.json_schema.schema"));
  return issues;
}
