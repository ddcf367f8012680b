/**
 * The project's modules across its languages: each question goes to the module system of the language
 * it concerns — the language of the file a specifier is written in, or of the module asked about.
 */
import type { ModuleExports, ModuleRef, ModuleSystem } from '../languages/language';
import { moduleKey } from '../languages/language';
import { languageOfFile } from '../languages';

export class ProjectResolver {
  /** Which system named each registry module, so its exports are read by the language that knows it. */
  private readonly owners = new Map<string, ModuleSystem>();

  constructor(readonly systems: readonly ModuleSystem[]) {}

  /** The module system of the language a file is written in. */
  systemForFile(file: string): ModuleSystem {
    const language = languageOfFile(file);
    return this.systems.find((system) => system.language === language) ?? this.systems[0];
  }

  systemOf(module: ModuleRef): ModuleSystem {
    return this.owners.get(moduleKey(module)) ?? (module.kind === 'file' ? this.systemForFile(module.path) : this.systems[0]);
  }

  /** A registry name ➔ its module, from the first language that can name it; else the first language's reason. */
  registryModule(name: string): { module: ModuleRef } | { problem: string } {
    let first: { problem: string } | undefined;
    for (const system of this.systems) {
      const found = system.resolveRegistryName(name);
      if ('module' in found) {
        this.owners.set(moduleKey(found.module), system);
        return found;
      }
      first ??= found;
    }
    return first!;
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
}
