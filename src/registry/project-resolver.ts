/**
 * The project's modules across its languages: each question goes to the module system of the language
 * it concerns — the language of the file a specifier is written in, or of the module asked about.
 */
import type { ModuleExports, ModuleRef, ModuleSystem, SetupMock } from '../languages/language';
import { moduleKey } from '../languages/language';

export class ProjectResolver {
  /** Which system named each registry module, so its exports are read by the language that knows it. */
  private readonly owners = new Map<string, ModuleSystem>();

  constructor(readonly systems: readonly ModuleSystem[]) {}

  /**
   * The module system of the language a file is written in. A file no language claims is read as the first
   * language's, as a file the `include` globs ask for has always been read as JavaScript.
   */
  systemForFile(file: string): ModuleSystem {
    return this.handlerOf(file) ?? this.systems[0];
  }

  /** The system of the language that handles a file of this name; undefined when none does. */
  private handlerOf(file: string): ModuleSystem | undefined {
    return this.systems.find((system) => system.language.handles(file));
  }

  systemOf(module: ModuleRef): ModuleSystem {
    return this.owners.get(moduleKey(module)) ?? (module.kind === 'file' ? this.systemForFile(module.path) : this.systems[0]);
  }

  /**
   * A registry name ➔ its module, from the language that names it. A file belongs to the language that
   * handles it; a name that two languages both claim is refused rather than given to one of them, and a
   * name none can use gets the reason of every language that reads such names.
   */
  registryModule(name: string): { module: ModuleRef } | { problem: string } {
    const found: { system: ModuleSystem; module: ModuleRef }[] = [];
    const problems: { system: ModuleSystem; problem: string }[] = [];
    for (const system of this.systems) {
      const answer = system.resolveRegistryName(name);
      if (!answer) continue;
      if ('module' in answer) found.push({ system, module: answer.module });
      else problems.push({ system, problem: answer.problem });
    }
    // A reason names its language when more than one language read the name.
    const readers = found.length + problems.length;
    const reasons = problems.map(({ system, problem }) => (readers === 1 ? problem : `${system.language.name}: ${problem}`));
    // A file another language handles is that language's (JavaScript would take any file that exists).
    const claims = found.filter(({ system, module }) => module.kind === 'package' || [system, undefined].includes(this.handlerOf(module.path)));
    if (claims.length > 1) {
      const modules = claims.map(({ system, module }) => `${module.kind === 'file' ? module.path : module.name} (${system.language.name})`);
      return { problem: `"${name}" names a module in more than one language: ${modules.join(', ')} (expected a name only one language reads, such as the file's path with its extension)` };
    }
    if (claims.length === 0) return { problem: reasons.join('; ') || `"${name}" names no module (expected a module name one of the languages reads)` };
    this.owners.set(moduleKey(claims[0].module), claims[0].system);
    return { module: claims[0].module };
  }

  resolveRegistryName(name: string): ModuleRef | null {
    const found = this.registryModule(name);
    return 'module' in found ? found.module : null;
  }

  resolve(specifier: string, fromFile: string): ModuleRef | null {
    return this.systemForFile(fromFile).resolve(specifier, fromFile);
  }

  specifierFor(target: ModuleRef, fromFile: string, styleOf?: string): string {
    return this.systemForFile(fromFile).specifierFor(target, fromFile, styleOf);
  }

  moduleOfFile(file: string): ModuleRef {
    return this.systemForFile(file).moduleOfFile(file);
  }

  /** Throws ModuleReadError when the module's own file cannot be read or parsed. */
  exports(module: ModuleRef): ModuleExports | null {
    return this.systemOf(module).exports(module);
  }

  /** The modules the test runners' setup files mock for every test of a file (none where its language has no such setup). */
  setupMocks(file: string): readonly SetupMock[] {
    return this.systemForFile(file).setupMocks?.(file) ?? [];
  }

  /** The modules a module loads when it is loaded (module-graph.ts follows them). */
  imports(module: ModuleRef): readonly ModuleRef[] {
    return this.systemOf(module).imports(module);
  }
}
