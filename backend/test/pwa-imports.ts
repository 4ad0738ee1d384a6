import { readFileSync } from 'node:fs'
import ts from 'typescript'

/** One module a file loads at run time: its specifier, how, and the names it takes (static only). */
export interface RuntimeImport {
  readonly specifier: string
  readonly dynamic: boolean
  /** The value names a static `import { a, b }` takes; undefined for `*`, a default or a bare import. */
  readonly names: readonly string[] | undefined
}

const valueNames = (clause: ts.ImportClause | undefined): string[] | undefined => {
  const bindings = clause?.namedBindings
  if (!clause || clause.name || !bindings || !ts.isNamedImports(bindings)) return undefined
  return bindings.elements
    .filter((element) => !element.isTypeOnly)
    .map((element) => (element.propertyName ?? element.name).text)
}

/**
 * The modules `file` loads at run time. `import type` and `export type` are left out: they are
 * erased, so they tie no modules together. Under `verbatimModuleSyntax` an import whose names are
 * all marked `type` inline still loads the module, so it counts. `typeof import('./x.ts')` is a
 * type, not a call, and does not count.
 */
export const runtimeImports = (file: string): RuntimeImport[] => {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const found: RuntimeImport[] = []
  const visit = (node: ts.Node): void => {
    if (
      ts.isImportDeclaration(node) &&
      !node.importClause?.isTypeOnly &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const names = valueNames(node.importClause)
      found.push({ specifier: node.moduleSpecifier.text, dynamic: false, names })
    } else if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ specifier: node.moduleSpecifier.text, dynamic: false, names: undefined })
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, dynamic: true, names: undefined })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** The names `file` exports as values (`export const`, `function`, `class`). */
export const exportedValues = (file: string): string[] => {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  return source.statements.flatMap((statement) => {
    const exported = ts
      .getModifiers(statement as ts.HasModifiers)
      ?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
    if (!exported) return []
    if (ts.isVariableStatement(statement)) {
      return statement.declarationList.declarations.flatMap((d) =>
        ts.isIdentifier(d.name) ? [d.name.text] : []
      )
    }
    if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) &&
      statement.name
    ) {
      return [statement.name.text]
    }
    return []
  })
}
