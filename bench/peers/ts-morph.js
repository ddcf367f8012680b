#!/usr/bin/env node
/**
 * The job as a user would script it with ts-morph: add the registry's files to a Project (each one parsed
 * by the TypeScript compiler, as ts-morph does), then, per file, rewrite imports and `export … from` of
 * legacy modules onto the canonical ones (references renamed), repoint moved modules' `require`/`import()`
 * strings, and turn `new Legacy(…)` into the factory call; print without saving. Same decisions as the
 * ast-grep script (bench/peers/job.js), through ts-morph's manipulation API.
 *
 *   node bench/peers/ts-morph.js <tree>        prints one JSON line: files, changed
 */
'use strict';
const path = require('node:path');
const { Project, SyntaxKind } = require('ts-morph');
const { loadJob, rewriteNamed } = require('./job');

function transform(job, sourceFile) {
  const file = sourceFile.getFilePath();
  const renames = new Map();
  const constructs = new Map();
  const declarations = [...sourceFile.getImportDeclarations(), ...sourceFile.getExportDeclarations().filter((d) => d.getModuleSpecifier())];
  for (const decl of declarations) {
    const literal = decl.getModuleSpecifier();
    const specifier = literal.getLiteralValue();
    const isImport = decl.getKind() === SyntaxKind.ImportDeclaration;
    const named = (isImport ? decl.getNamedImports() : decl.getNamedExports()).map((s) => ({
      imported: s.getNameNode().getText(),
      local: s.getAliasNode()?.getText() ?? s.getNameNode().getText(),
    }));
    const head = isImport ? [decl.getDefaultImport()?.getText(), decl.getNamespaceImport() ? `* as ${decl.getNamespaceImport().getText()}` : ''].filter(Boolean).join(', ') : '';
    const plan = rewriteNamed(job, file, specifier, named, { kind: isImport ? 'import' : 'export', typeOnly: decl.isTypeOnly(), quote: literal.getText()[0], head });
    if (!plan) continue;
    const rules = job.legacy.get(job.resolve(specifier, file))?.constructs;
    for (const spec of named) if (rules?.has(spec.imported)) constructs.set(spec.local, rules.get(spec.imported));
    for (const [from, to] of plan.renames) renames.set(from, to);
    if (plan.repoint) decl.setModuleSpecifier(plan.repoint);
    else decl.replaceWithText(plan.statements.join('\n'));
  }
  for (const call of sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const fn = call.getExpression().getText();
    const [first] = call.getArguments();
    if (!first || first.getKind() !== SyntaxKind.StringLiteral) continue;
    if (!(fn === 'require' || fn === 'import' || /^(jest|vi)\.\w+$/.test(fn))) continue;
    const target = job.legacy.get(job.resolve(first.getLiteralValue(), file))?.movedTo;
    if (target) first.setLiteralValue(job.specifierFor(target, file));
  }
  const factories = new Map();
  for (const call of sourceFile.getDescendantsOfKind(SyntaxKind.NewExpression).reverse()) {
    const rule = constructs.get(call.getExpression().getText());
    if (!rule || call.getArguments().length < rule.minArgs) continue;
    call.replaceWithText(`${rule.factory}(${call.getArguments().map((a) => a.getText()).join(', ')})`);
    factories.set(rule.factory, rule.module);
  }
  for (const [factory, module] of factories) sourceFile.insertImportDeclaration(0, { namedImports: [factory], moduleSpecifier: job.specifierFor(module, file) });
  if (renames.size > 0) {
    for (const id of sourceFile.getDescendantsOfKind(SyntaxKind.Identifier).reverse()) {
      const to = renames.get(id.getText());
      if (to && !id.wasForgotten()) id.replaceWithText(to);
    }
  }
}

function main() {
  const tree = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '.');
  const job = loadJob(tree);
  const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, compilerOptions: { allowJs: true, jsx: 2 } });
  const files = job.files.filter((f) => !job.isRegistryFile(f));
  for (const file of files) project.addSourceFileAtPath(file);
  let changed = 0;
  for (const sourceFile of project.getSourceFiles()) {
    const before = sourceFile.getFullText();
    transform(job, sourceFile);
    if (sourceFile.getFullText() !== before) changed++;
  }
  process.stdout.write(`${JSON.stringify({ files: job.files.length, parsed: files.length, changed })}\n`);
}

main();
