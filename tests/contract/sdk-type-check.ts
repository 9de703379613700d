import path from "node:path";
import ts from "typescript";

/**
 * A runtime check of a JSON value against a TypeScript type declared by a provider's SDK (its
 * .d.ts in node_modules, a dev dependency), read with the TypeScript compiler API: every key of
 * every object must be a property of the type at that place (or fit its index signature),
 * required properties must be there, primitives must be of the declared kind, literal and enum
 * values must match (`'image/jpeg'`, `'json_schema'`, `FunctionCallingConfigMode.ANY`), unions
 * take the variant that fits, `any` and `unknown` accept anything. So a field the API does not
 * have (`output_format`), a field in the wrong object, a misspelt block type or a number where
 * the API wants a string fails here as it would at the API, without a cast to hide it.
 *
 * The value is checked as it goes on the wire, after JSON.stringify: a key set to `undefined`
 * is absent.
 */
export interface TypeCheck {
  /** The problems found, as "body.path: what is wrong"; empty when the value fits. */
  errors(value: unknown, typeName: string): string[];
}

export interface TypeCheckOptions {
  /**
   * SDK enums (by name) whose values the API takes in any case. Google's Schema `type` is the
   * enum `Type`, declared upper case (`"OBJECT"`), and the API takes lower case as well. Every
   * other literal and enum value must match exactly.
   */
  caseInsensitiveEnums?: readonly string[];
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

const NULLISH = ts.TypeFlags.Undefined | ts.TypeFlags.Null;

/**
 * Loads named types written over the SDK's exports: `header` holds the imports
 * (`import type { X } from "@anthropic-ai/sdk/resources/messages";`), `types` maps a name to
 * its type (`"X"`, `"X & { extra?: number }"` or a whole object type).
 */
export function sdkTypes(header: string, types: Record<string, string>, options: TypeCheckOptions = {}): TypeCheck {
  const file = path.resolve("tests/contract/__sdk-types__.ts");
  const text = [header, ...Object.entries(types).map(([name, type]) => `export type ${name} = ${type};`)].join("\n");
  const host = ts.createCompilerHost(OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => (path.resolve(name) === file ? ts.createSourceFile(name, text, language) : getSourceFile(name, language, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], OPTIONS, host);
  const source = program.getSourceFile(file)!;
  const diagnostics = ts.getPreEmitDiagnostics(program, source);
  if (diagnostics.length > 0) throw new Error(ts.flattenDiagnosticMessageText(diagnostics[0].messageText, "\n"));
  const checker = program.getTypeChecker();
  const loaded = new Map<string, ts.Type>();
  ts.forEachChild(source, (node) => {
    if (ts.isTypeAliasDeclaration(node)) loaded.set(node.name.text, checker.getTypeAtLocation(node.name));
  });
  const caseInsensitive = new Set(options.caseInsensitiveEnums ?? []);

  function check(value: unknown, type: ts.Type, at: string): string[] {
    const flags = type.flags;
    const wrong = (expected: string) => [`${at}: expected ${expected}, got ${JSON.stringify(value)}`];
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return [];
    if (type.isUnion()) {
      const attempts = type.types.map((member) => ({ member, errors: check(value, member, at) }));
      if (attempts.some(({ errors }) => errors.length === 0)) return [];
      // Report against the variant closest to the value, not against "undefined".
      const shapes = attempts.filter(({ member }) => !(member.flags & NULLISH));
      if (shapes.length === 0) return wrong(checker.typeToString(type));
      if (shapes.every(({ member }) => isLiteral(member))) return wrong(`one of ${shapes.map(({ member }) => literalText(member)).join(", ")}`);
      return shapes.reduce((best, next) => (next.errors.length < best.errors.length ? next : best)).errors;
    }
    if (type.isIntersection()) {
      // Objects intersected are one object (their properties merged). `string & {}` is a string
      // written so that editors still suggest the literals beside it: the `{}` adds nothing.
      if (type.types.every((member) => member.flags & ts.TypeFlags.Object)) return checkObject(value, type, at);
      return type.types.filter((member) => !isEmptyObject(member)).flatMap((member) => check(value, member, at));
    }
    if (isLiteral(type)) return literalMatches(value, type) ? [] : wrong(literalText(type));
    if (flags & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping)) return typeof value === "string" ? [] : wrong("a string");
    if (flags & ts.TypeFlags.Number) return typeof value === "number" ? [] : wrong("a number");
    if (flags & ts.TypeFlags.Null) return value === null ? [] : wrong("null");
    if (flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return value === undefined ? [] : wrong("nothing");
    if (checker.isArrayType(type)) {
      if (!Array.isArray(value)) return wrong("an array");
      const [element] = checker.getTypeArguments(type as ts.TypeReference);
      return value.flatMap((item, i) => check(item, element, `${at}[${i}]`));
    }
    if (flags & ts.TypeFlags.NonPrimitive) return isRecord(value) ? [] : wrong("an object");
    if (flags & ts.TypeFlags.Object && !checker.isTupleType(type)) return checkObject(value, type, at);
    return [`${at}: the check does not handle ${checker.typeToString(type)}`];
  }

  function checkObject(value: unknown, type: ts.Type, at: string): string[] {
    if (!isRecord(value)) return [`${at}: expected an object, got ${JSON.stringify(value)}`];
    // Methods (on the SDK's classes) are not data: a JSON body has none.
    const properties = checker.getPropertiesOfType(type).filter((property) => !(property.flags & ts.SymbolFlags.Method));
    const index = checker.getIndexTypeOfType(type, ts.IndexKind.String);
    const errors: string[] = [];
    for (const property of properties) {
      if (!Object.hasOwn(value, property.name)) {
        if (!(property.flags & ts.SymbolFlags.Optional)) errors.push(`${at}.${property.name}: required`);
        continue;
      }
      errors.push(...check(value[property.name], checker.getTypeOfSymbol(property), `${at}.${property.name}`));
    }
    for (const key of Object.keys(value)) {
      if (properties.some((property) => property.name === key)) continue;
      if (index) errors.push(...check(value[key], index, `${at}.${key}`));
      else errors.push(`${at}.${key}: not a field of ${checker.typeToString(type)}`);
    }
    return errors;
  }

  function isEmptyObject(type: ts.Type): boolean {
    return Boolean(type.flags & ts.TypeFlags.Object) && checker.getPropertiesOfType(type).length === 0 && checker.getIndexInfosOfType(type).length === 0;
  }

  function literalText(type: ts.Type): string {
    return type.isLiteral() ? JSON.stringify(type.value) : checker.typeToString(type);
  }

  function literalMatches(value: unknown, type: ts.Type): boolean {
    if (!type.isLiteral()) return value === (checker.typeToString(type) === "true");
    if (value === type.value) return true;
    const declaration = type.symbol?.valueDeclaration;
    const anyCase = declaration !== undefined && ts.isEnumMember(declaration) && caseInsensitive.has(declaration.parent.name.text);
    return anyCase && typeof value === "string" && typeof type.value === "string" && value.toLowerCase() === type.value.toLowerCase();
  }

  return {
    errors(value, typeName) {
      const type = loaded.get(typeName);
      if (!type) throw new Error(`type ${typeName} was not loaded`);
      return check(value === undefined ? undefined : JSON.parse(JSON.stringify(value)), type, "body");
    },
  };
}

/** A string, number or boolean literal type, enum members included. */
function isLiteral(type: ts.Type): boolean {
  return type.isStringLiteral() || type.isNumberLiteral() || Boolean(type.flags & ts.TypeFlags.BooleanLiteral);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
