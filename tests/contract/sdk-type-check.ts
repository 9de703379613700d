import path from "node:path";
import ts from "typescript";

/**
 * A runtime check of a JSON value against a TypeScript type declared by a provider's SDK (its
 * .d.ts in node_modules, a dev dependency), read with the TypeScript compiler API: every key of
 * an object must be a property of the type (or fit its index signature), required properties
 * must be there, literals must match (`'image/jpeg'`, `'json_schema'`), unions take the variant
 * that fits. So a field the API does not have (`output_format`), a misspelt block type or a
 * media type outside the SDK's list fails here as it would at the API, without a cast to hide it.
 */
export interface TypeCheck {
  /** The problems found, as "path: what is wrong"; empty when the value fits. */
  errors(value: unknown, typeName: string): string[];
}

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

/**
 * Loads named type expressions written over the SDK's exports: `header` holds the imports
 * (`import type { X } from "@anthropic-ai/sdk/resources/messages";`), `types` maps a name to
 * its type (`"X"`, or `"X & { extra?: number }"`).
 */
export function sdkTypes(header: string, types: Record<string, string>): TypeCheck {
  const file = path.resolve("tests/contract/__sdk-types__.ts");
  const text = [header, ...Object.entries(types).map(([name, type]) => `export declare const value_${name}: ${type};`)].join("\n");
  const host = ts.createCompilerHost(OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => (path.resolve(name) === file ? ts.createSourceFile(name, text, language) : getSourceFile(name, language, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], OPTIONS, host);
  const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(file));
  if (diagnostics.length > 0) throw new Error(ts.flattenDiagnosticMessageText(diagnostics[0].messageText, "\n"));
  const checker = program.getTypeChecker();
  const loaded = new Map<string, ts.Type>();
  ts.forEachChild(program.getSourceFile(file)!, (node) => {
    if (!ts.isVariableStatement(node)) return;
    for (const declaration of node.declarationList.declarations) {
      loaded.set(declaration.name.getText().replace(/^value_/, ""), checker.getTypeAtLocation(declaration));
    }
  });

  function check(value: unknown, type: ts.Type, at: string): string[] {
    const flags = type.flags;
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return [];
    if (type.isUnion()) {
      let best: string[] | null = null;
      for (const member of type.types) {
        const errors = check(value, member, at);
        if (errors.length === 0) return [];
        // Report against the variant closest to the value, not against "undefined".
        const nullish = member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null);
        if (!nullish && (!best || errors.length < best.length)) best = errors;
      }
      return best ?? [`${at}: matches no member of ${checker.typeToString(type)}`];
    }
    if (type.isIntersection()) {
      // Objects intersected are one object (its properties merged); `string & {}` is checked member by member.
      if (type.types.every((member) => member.flags & ts.TypeFlags.Object)) return checkObject(value, type, at);
      return type.types.flatMap((member) => check(value, member, at));
    }
    const wrong = (expected: string) => [`${at}: expected ${expected}, got ${JSON.stringify(value)}`];
    if (type.isStringLiteral() || type.isNumberLiteral()) return value === type.value ? [] : wrong(JSON.stringify(type.value));
    if (flags & ts.TypeFlags.BooleanLiteral) return value === (checker.typeToString(type) === "true") ? [] : wrong(checker.typeToString(type));
    if (flags & ts.TypeFlags.String) return typeof value === "string" ? [] : wrong("a string");
    if (flags & ts.TypeFlags.Number) return typeof value === "number" ? [] : wrong("a number");
    if (flags & ts.TypeFlags.Boolean) return typeof value === "boolean" ? [] : wrong("a boolean");
    if (flags & ts.TypeFlags.Null) return value === null ? [] : wrong("null");
    if (flags & ts.TypeFlags.Undefined) return value === undefined ? [] : wrong("undefined");
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      if (!Array.isArray(value)) return wrong("an array");
      const element = checker.getTypeArguments(type as ts.TypeReference)[0];
      return value.flatMap((item, i) => check(item, element, `${at}[${i}]`));
    }
    if (flags & ts.TypeFlags.Object) return checkObject(value, type, at);
    return [`${at}: the check does not handle ${checker.typeToString(type)}`];
  }

  function checkObject(value: unknown, type: ts.Type, at: string): string[] {
    const properties = checker.getPropertiesOfType(type);
    const index = checker.getIndexTypeOfType(type, ts.IndexKind.String);
    // `{}` (as in `string & {}`): any value but null and undefined.
    if (properties.length === 0 && !index) return value === null || value === undefined ? [`${at}: expected a value`] : [];
    if (typeof value !== "object" || value === null || Array.isArray(value)) return [`${at}: expected an object, got ${JSON.stringify(value)}`];
    const record = value as Record<string, unknown>;
    const errors: string[] = [];
    for (const property of properties) {
      if (!(property.name in record)) {
        if (!(property.flags & ts.SymbolFlags.Optional)) errors.push(`${at}.${property.name}: required`);
        continue;
      }
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      const propertyType = declaration ? checker.getTypeOfSymbolAtLocation(property, declaration) : checker.getAnyType();
      errors.push(...check(record[property.name], propertyType, `${at}.${property.name}`));
    }
    for (const key of Object.keys(record)) {
      if (properties.some((property) => property.name === key)) continue;
      if (index) errors.push(...check(record[key], index, `${at}.${key}`));
      else errors.push(`${at}.${key}: not a field of ${checker.typeToString(type)}`);
    }
    return errors;
  }

  return {
    errors(value, typeName) {
      const type = loaded.get(typeName);
      if (!type) throw new Error(`type ${typeName} was not loaded`);
      return check(value, type, "body");
    },
  };
}
