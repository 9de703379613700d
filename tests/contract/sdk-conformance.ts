import path from "node:path";
import ts from "typescript";

/**
 * A runtime check of a JSON value against a TypeScript type declared in a file (typically one
 * built from a provider SDK's request types), read with the TypeScript compiler: every key of
 * every object must be a property of the type at that place (or fit its index signature),
 * every primitive the declared kind, every enum value one of the enum's. `unknown` and `any`
 * accept anything. This catches what a cast would hide: a misnamed field, a field in the wrong
 * object, a number where the API wants a string.
 *
 * Enum values are compared without case: Google's Schema `type` is declared upper case and
 * the API takes lower case as well.
 */
export function typeChecker(file: string, typeName: string): (value: unknown) => string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(path.resolve(file));
  if (!source) throw new Error(`cannot read ${file}`);
  const symbol = checker.getSymbolAtLocation(source)?.exports?.get(ts.escapeLeadingUnderscores(typeName));
  if (!symbol) throw new Error(`${file} does not export ${typeName}`);
  const root = checker.getDeclaredTypeOfSymbol(symbol);

  function check(value: unknown, type: ts.Type, at: string, errors: string[]): void {
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
    if (type.isUnion()) {
      const members = type.types.filter((member) => !(member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
      if (members.some((member) => member.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown))) return;
      const literals = members.filter((member) => member.isLiteral() || member.flags & ts.TypeFlags.BooleanLiteral);
      if (literals.length === members.length) {
        const allowed = literals.map((member) => (member.isLiteral() ? String(member.value) : checker.typeToString(member)));
        const matches = allowed.some((option) => String(value).toLowerCase() === option.toLowerCase());
        if (!matches) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${allowed.join(", ")}`);
        return;
      }
      // Several shapes: the value must fit one of them.
      const attempts = members.map((member) => {
        const found: string[] = [];
        check(value, member, at, found);
        return found;
      });
      if (!attempts.some((found) => found.length === 0)) errors.push(...attempts.reduce((a, b) => (a.length <= b.length ? a : b)));
      return;
    }
    if (type.isLiteral()) {
      if (String(value).toLowerCase() !== String(type.value).toLowerCase()) errors.push(`${at}: ${JSON.stringify(value)} is not ${String(type.value)}`);
      return;
    }
    if (type.flags & ts.TypeFlags.StringLike) return void (typeof value !== "string" && errors.push(`${at}: ${JSON.stringify(value)} is not a string`));
    if (type.flags & ts.TypeFlags.NumberLike) return void (typeof value !== "number" && errors.push(`${at}: ${JSON.stringify(value)} is not a number`));
    if (type.flags & ts.TypeFlags.BooleanLike) return void (typeof value !== "boolean" && errors.push(`${at}: ${JSON.stringify(value)} is not a boolean`));
    if (checker.isArrayType(type)) {
      if (!Array.isArray(value)) return void errors.push(`${at}: not an array`);
      const [element] = checker.getTypeArguments(type as ts.TypeReference);
      value.forEach((item, i) => check(item, element, `${at}[${i}]`, errors));
      return;
    }
    if (type.flags & ts.TypeFlags.Object) {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return void errors.push(`${at}: not an object`);
      const index = checker.getIndexInfosOfType(type).find((info) => info.keyType.flags & ts.TypeFlags.String);
      for (const [key, item] of Object.entries(value)) {
        const property = type.getProperty(key);
        if (property) check(item, checker.getTypeOfSymbol(property), `${at}.${key}`, errors);
        else if (index) check(item, index.type, `${at}.${key}`, errors);
        else errors.push(`${at}.${key}: not a field of ${checker.typeToString(type)}`);
      }
      return;
    }
    errors.push(`${at}: no check for type ${checker.typeToString(type)}`);
  }

  return (value) => {
    const errors: string[] = [];
    check(value, root, typeName, errors);
    return errors;
  };
}
