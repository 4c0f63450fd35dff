import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

/** The file an import specifier names (the `@/` alias or a relative path), or null for a package. */
function resolveModule(specifier: string, from: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${specifier} (imported by ${path.relative(ROOT, from)}) does not resolve`);
}

/** The specifiers a module loads when it runs: static imports and re-exports, not type-only ones, not `import()` (loaded later on purpose). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly = clause && (clause.isTypeOnly || (!clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      const exportsTypesOnly = statement.exportClause && ts.isNamedExports(statement.exportClause) && statement.exportClause.elements.every((element) => element.isTypeOnly);
      if (!exportsTypesOnly) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

/** Every package the modules reachable from `entries` load when they run, with the chain of files that brings each in. */
function packagesLoadedBy(entries: string[]): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      const resolved = resolveModule(specifier, file);
      if (resolved) visit(resolved, [...chain, path.relative(ROOT, resolved)]);
      else {
        const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
        if (!packages.has(name)) packages.set(name, chain);
      }
    }
  };
  for (const entry of entries) visit(path.join(ROOT, entry), [entry]);
  return packages;
}

/*
 * The scripts a reader page loads before it is interactive are every client module its server
 * components render, with everything those import statically (Next.js fetches them all before
 * hydrating). zod (~106 KB) was among them through the kinds registry, the text stretches' size, the
 * live feed's protocol and the export formats, though the reader validates nothing: it costs parse
 * and run time before the first selection can be annotated.
 */
describe("the reader page's first scripts", () => {
  const entries = ["components/reader/reader-workspace.tsx", "components/reader/project-layer-select.tsx", "components/projects/guidelines-drawer.tsx", "components/site-header.tsx", "instrumentation-client.ts"];

  it("load no zod", () => {
    expect(packagesLoadedBy(entries).get("zod")).toBeUndefined();
  });

  it("are found by following imports (the check above sees a package that is there)", () => {
    const packages = packagesLoadedBy(entries);
    expect(packages.get("react")).toBeDefined();
    // The routes' own validation, reached from the same registry, does load zod.
    expect(packagesLoadedBy(["lib/validations/annotation.ts"]).get("zod")).toEqual(["lib/validations/annotation.ts"]);
  });
});
