import type { Diagnostic } from '../diagnostics/diagnostic';
import { isUnder } from '../util/key-path';
import { hasErrors } from '../diagnostics/diagnostic';
import type { SourceHost } from '../host';
import { loadRecipe } from '../load/load-recipe';
import type { LoadedRecipe } from '../load/load-recipe';
import type { RecipeFacts } from '../facts/recipe-facts';
import { deriveFacts } from '../facts/recipe-facts';
import type { Recipe } from '../types/recipe.generated';
import { Locator } from '../load/locate';
import { RULES } from './rules';
import type { RuleContext } from './rules';
import { pruneInvalid } from './prune-invalid';
import { validateSchema } from './schema-validate';

export interface ValidateOptions {
  readonly set?: readonly string[];
  /** `run` makes missing input files errors; `validate`/`compile` warn. */
  readonly mode?: 'validate' | 'run';
}

export interface ValidationResult {
  readonly loaded: LoadedRecipe;
  /** Present when the recipe passed both passes (warnings allowed). */
  readonly recipe?: Recipe;
  readonly facts?: RecipeFacts;
  readonly locator?: Locator;
  readonly diagnostics: Diagnostic[];
}

/**
 * load → schema → rules. YAML and file problems stop before the schema. The rules assume
 * the recipe's shape, so when the schema refuses values they judge the recipe without
 * those values (when what is left has the shape): every problem at once, not one round of
 * fixes per pass.
 */
export function validateRecipe(recipePath: string, host: SourceHost, options: ValidateOptions = {}): ValidationResult {
  const loaded = loadRecipe(recipePath, host, { ...(options.set ? { set: options.set } : {}) });
  if (hasErrors(loaded.diagnostics) || !loaded.value || !loaded.origins) {
    return { loaded, diagnostics: loaded.diagnostics };
  }
  const locator = new Locator(loaded.origins, loaded.files);
  const schemaDiagnostics = validateSchema(loaded.value, locator);
  const diagnostics = [...loaded.diagnostics, ...schemaDiagnostics];
  if (hasErrors(schemaDiagnostics)) {
    const { rest, pruned } = pruneInvalid(loaded.value, schemaDiagnostics);
    if (validateSchema(rest, locator).length === 0) {
      // A finding about a place whose refused value was taken out (a subscription "without"
      // the password that was written as a literal) only repeats the schema's finding.
      const echoes = (d: Diagnostic) => d.path !== undefined && d.path.length > 0 && pruned.some((p) => isUnder(p, d.path ?? []));
      const rules = runRules(rest as Recipe, deriveFacts(rest as Recipe), locator, host, recipePath, options);
      diagnostics.push(...rules.filter((d) => !echoes(d)));
    }
    return { loaded, locator, diagnostics };
  }

  const recipe = loaded.value as unknown as Recipe;
  const facts = deriveFacts(recipe);
  diagnostics.push(...runRules(recipe, facts, locator, host, recipePath, options));
  return hasErrors(diagnostics) ? { loaded, locator, facts, diagnostics } : { loaded, recipe, facts, locator, diagnostics };
}

function runRules(
  recipe: Recipe,
  facts: RecipeFacts,
  locator: Locator,
  host: SourceHost,
  recipePath: string,
  options: ValidateOptions,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ctx: RuleContext = { recipe, facts, locator, host, missingFileSeverity: options.mode === 'run' ? 'error' : 'warning' };
  for (const rule of RULES) {
    try {
      diagnostics.push(...rule.check(ctx));
    } catch (err) {
      // A rule that throws is a bug in tib; report it like any finding instead of crashing.
      diagnostics.push({
        code: 'TIB4001',
        severity: 'error',
        file: recipePath,
        message: `internal error in rule ${rule.name}: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }
  return diagnostics;
}
