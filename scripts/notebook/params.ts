/**
 * Notebook parameters, papermill-style, for TypeScript.
 *
 * A notebook's first code cell is tagged `parameters` and declares each parameter once, with a type:
 *     const K: number = 7;
 *     const LANG: "zh" | "en" = "zh";
 * `npm run reproduce` overrides them by inserting, right after that cell, a cell tagged `injected-parameters` that
 * declares them again with the new values (tslab allows re-declaring a const in a later cell). Values are written as
 * JSON, and the declared type is repeated, so types survive and a wrong value is a type error in that cell.
 *
 * Where overrides come from, strongest first:
 *   1. the environment: TP_<NAME>=value (NAME upper-cased), for every notebook that declares NAME;
 *      the value is read as JSON (TP_K=5, TP_FEATURES='["ftd","dtd"]'), except that a parameter whose default is a
 *      string takes the text as is (TP_LANG=en);
 *   2. `--params file.json`: { "<notebook name>": { "K": 5 }, "*": { "LANG": "en" } } ("*" = every notebook that
 *      declares the name). A name a notebook does not declare is an error (a typo must not pass silently).
 */
import ts from "typescript";
import { FileReadError, readBoundedFile } from "../../lib/core/inputFile";
import { INJECTED_TAG, joinText, parametersCellIndex, type Cell, type Notebook } from "./ipynb";

export type ValueKind = "string" | "number" | "boolean" | "array" | "object" | "other";

export interface ParameterDecl {
  name: string;
  keyword: "const" | "let" | "var";
  /** the declared type as written, if any */
  type: string | null;
  /** what kind of value the default is */
  kind: ValueKind;
}

function kindOf(node: ts.Expression | undefined): ValueKind {
  if (!node) return "other";
  while (ts.isAsExpression(node) || ts.isParenthesizedExpression(node) || ts.isSatisfiesExpression(node)) node = node.expression;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return "string";
  if (ts.isNumericLiteral(node)) return "number";
  if (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand)) return "number";
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return "boolean";
  if (ts.isArrayLiteralExpression(node)) return "array";
  if (ts.isObjectLiteralExpression(node)) return "object";
  return "other";
}

/** The variables a parameters cell declares (top-level const/let/var with a plain name). */
export function parseParameters(source: string): ParameterDecl[] {
  const file = ts.createSourceFile("parameters.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const decls: ParameterDecl[] = [];
  for (const stmt of file.statements) {
    if (!ts.isVariableStatement(stmt)) continue;
    const flags = stmt.declarationList.flags;
    const keyword = flags & ts.NodeFlags.Const ? "const" : flags & ts.NodeFlags.Let ? "let" : "var";
    for (const d of stmt.declarationList.declarations) {
      if (!ts.isIdentifier(d.name)) continue;
      decls.push({ name: d.name.text, keyword, type: d.type ? d.type.getText(file) : null, kind: kindOf(d.initializer) });
    }
  }
  return decls;
}

/** Statements in a parameters cell other than variable declarations and imports (the hygiene test refuses them). */
export function nonDeclarationStatements(source: string): string[] {
  const file = ts.createSourceFile("parameters.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  return file.statements
    .filter((s) => !ts.isVariableStatement(s) && !ts.isImportDeclaration(s) && !ts.isTypeAliasDeclaration(s))
    .map((s) => s.getText(file).split("\n")[0]);
}

/** Parameters file contents: per notebook name (or "*"), parameter name → JSON value. */
export type ParamsFile = Record<string, Record<string, unknown>>;

/** Limit for a --params file (a few hundred bytes in practice). */
export const MAX_PARAMS_BYTES = 1024 * 1024;

export function readParamsFile(file: string): ParamsFile {
  let data: unknown;
  try {
    data = JSON.parse(readBoundedFile(file, MAX_PARAMS_BYTES).toString("utf8"));
  } catch (e) {
    throw new Error(`--params ${e instanceof FileReadError ? e.message : `${file}: ${(e as Error).message}`}`);
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error(`--params ${file}: expected {"<notebook>": {"NAME": value}}`);
  for (const [nb, values] of Object.entries(data)) {
    if (!values || typeof values !== "object" || Array.isArray(values)) throw new Error(`--params ${file}: "${nb}" must map parameter names to values`);
  }
  return data as ParamsFile;
}

/** The TP_* variables of an environment, by the upper-cased parameter name they set. */
export function envParams(env: NodeJS.ProcessEnv): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(env)) if (k.startsWith("TP_") && k.length > 3 && v !== undefined) out.set(k.slice(3), v);
  return out;
}

/** An environment value as the parameter's type wants it. */
export function parseEnvValue(decl: ParameterDecl, raw: string): unknown {
  if (decl.kind === "string" && !raw.startsWith('"')) return raw;
  try {
    return JSON.parse(raw);
  } catch {
    if (decl.kind === "other") return raw;
    throw new Error(`TP_${decl.name.toUpperCase()}=${raw}: not a valid JSON ${decl.kind} for parameter ${decl.name}`);
  }
}

export interface Override {
  name: string;
  value: unknown;
  /** e.g. "TP_K" or "params.json" */
  source: string;
}

/**
 * The overrides for one notebook. `paramsFileName` labels the source; environment variables not matching any
 * declared parameter are ignored here (reproduce warns about those no notebook declares).
 */
export function overridesFor(
  notebook: string,
  decls: readonly ParameterDecl[],
  file: ParamsFile | null,
  env: Map<string, string>,
  paramsFileName = "--params",
): Override[] {
  const byName = new Map(decls.map((d) => [d.name, d]));
  const chosen = new Map<string, Override>();
  for (const key of ["*", notebook]) {
    const values = file?.[key];
    if (!values) continue;
    for (const [name, value] of Object.entries(values)) {
      if (!byName.has(name)) {
        if (key === "*") continue;
        const known = decls.map((d) => d.name).join(", ") || "none";
        throw new Error(`${paramsFileName}: notebook ${notebook} has no parameter ${name} (its parameters: ${known})`);
      }
      chosen.set(name, { name, value, source: paramsFileName });
    }
  }
  for (const d of decls) {
    const raw = env.get(d.name.toUpperCase());
    if (raw !== undefined) chosen.set(d.name, { name: d.name, value: parseEnvValue(d, raw), source: `TP_${d.name.toUpperCase()}` });
  }
  return decls.flatMap((d) => (chosen.has(d.name) ? [chosen.get(d.name)!] : []));
}

function widenedType(value: unknown): string | null {
  if (typeof value === "number") return "number";
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  return null;
}

/**
 * `value` as a TypeScript expression that evaluates to exactly it: JSON, with U+2028 and U+2029 escaped (they end a
 * line in JavaScript, not in JSON). Refuses what JSON would change silently (a non-finite number: JSON.parse reads
 * 1e400 as Infinity, which JSON.stringify writes as null) and what an object literal would read differently from
 * JSON.parse (a "__proto__" key sets the prototype). `what` names the value in the message.
 */
export function literal(value: unknown, what: string): string {
  const check = (v: unknown, path: string): void => {
    if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`${what}${path}: ${v} is not a finite number`);
    if (v === undefined || typeof v === "function" || typeof v === "symbol" || typeof v === "bigint") throw new Error(`${what}${path}: ${String(v)} is not a JSON value`);
    if (Array.isArray(v)) v.forEach((x, i) => check(x, `${path}[${i}]`));
    else if (v !== null && typeof v === "object")
      for (const [k, x] of Object.entries(v)) {
        if (k === "__proto__") throw new Error(`${what}${path}: the key "__proto__" is not allowed in a parameter value`);
        check(x, `${path}.${k}`);
      }
  };
  check(value, "");
  return JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * Source of the injected-parameters cell. Nothing from a file name or a value reaches it but as an escaped literal:
 * values through literal(), the source of each override (a --params file name, TP_K) as a string literal in the
 * trailing comment, so no character of it (a newline, U+2028) can end the comment. Names and types come from the
 * notebook's own parameters cell.
 */
export function injectedSource(decls: readonly ParameterDecl[], overrides: readonly Override[]): string {
  const byName = new Map(decls.map((d) => [d.name, d]));
  const lines = ["// injected by `npm run reproduce`: these values replace the defaults above"];
  for (const o of overrides) {
    const d = byName.get(o.name);
    if (!d) throw new Error(`parameter ${o.name}: not declared in the notebook's parameters cell`);
    // the declared type, else the widened type of the value: `const K = 5` would otherwise make K the literal type 5
    const type = d.type ?? widenedType(o.value);
    const value = literal(o.value, `${o.source}: parameter ${o.name}`);
    lines.push(`${d.keyword} ${d.name}${type ? `: ${type}` : ""} = ${value}; // from ${literal(o.source, "source")}`);
  }
  return lines.join("\n");
}

/**
 * The notebook with an injected-parameters cell after its parameters cell (a copy; nothing if there are no
 * overrides). Overrides for a notebook without a parameters cell are an error.
 */
export function injectParameters(nb: Notebook, notebook: string, overrides: readonly Override[], decls: readonly ParameterDecl[]): Notebook {
  if (overrides.length === 0) return nb;
  const at = parametersCellIndex(nb);
  if (at < 0) throw new Error(`${notebook}: overrides given (${overrides.map((o) => o.name).join(", ")}) but the notebook has no cell tagged "parameters"`);
  const cell: Cell = {
    id: INJECTED_TAG,
    cell_type: "code",
    source: injectedSource(decls, overrides),
    metadata: { tags: [INJECTED_TAG] },
    outputs: [],
    execution_count: null,
  };
  return { ...nb, cells: [...nb.cells.slice(0, at + 1), cell, ...nb.cells.slice(at + 1)] };
}

/** The parameters a notebook declares (none if it has no parameters cell). */
export function notebookParameters(nb: Notebook): ParameterDecl[] {
  const at = parametersCellIndex(nb);
  return at < 0 ? [] : parseParameters(joinText(nb.cells[at].source));
}
