import { posix as path } from 'node:path';
import type { Family } from '../../catalog/distros';
import type { Diagnostic, KeyPath } from '../../diagnostics/diagnostic';
import type { SourceHost } from '../../host';
import type { RecipeFacts } from '../../resolve/agent-facts';
import type { Recipe } from '../../types/recipe.generated';
import type { Locator } from '../locate';

export interface RuleContext {
  /** A recipe that passed the schema: shapes and enums hold, meaning is unchecked. */
  readonly recipe: Recipe;
  readonly facts: RecipeFacts;
  readonly locator: Locator;
  readonly host: SourceHost;
  /** `validate`/`compile` warn about missing files (the script checks on its host); `run` fails. */
  readonly missingFileSeverity: 'warning' | 'error';
}

/** A named semantic rule: reads the context, returns what is wrong. Never throws. */
export interface Rule {
  readonly name: string;
  check(ctx: RuleContext): Diagnostic[];
}

export function rule(name: string, check: (ctx: RuleContext) => Diagnostic[]): Rule {
  return { name, check };
}

export function familyOf(distro: string): Family {
  return distro === 'debian' || distro === 'ubuntu' ? 'deb' : 'rpm';
}

/**
 * Resolves a path written in the recipe relative to the file that set it (a value from
 * an `extends` base is relative to that base), as tib does when it builds.
 */
export function resolveRecipePath(locator: Locator, at: KeyPath, value: string): string {
  if (path.isAbsolute(value)) return path.normalize(value);
  const { file } = locator.where(at);
  const dir = file === '--set' ? '.' : path.dirname(file);
  return path.normalize(path.join(dir, value));
}
