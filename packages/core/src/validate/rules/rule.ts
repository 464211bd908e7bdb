import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { SourceHost } from '../../host';
import type { RecipeFacts } from '../../facts/recipe-facts';
import type { Recipe } from '../../types/recipe.generated';
import type { Locator } from '../../load/locate';

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
