import type { Io } from '../io';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
  readonly description: string;
  readonly placeholder?: string;
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
}

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly minPositionals: number;
  readonly maxPositionals: number;
  readonly details?: string;
  /** Loaded only when the command runs: `tib validate` never pays for execa. */
  readonly load: () => Promise<{ run(args: ParsedArgs, io: Io): Promise<number> }>;
}

export const SET_OPTION: OptionSpec = {
  type: 'string',
  multiple: true,
  placeholder: 'path=value',
  description: 'override a recipe value (repeatable), e.g. --set output.sizeGb=5',
};
export const JSON_OPTION: OptionSpec = { type: 'boolean', description: 'print JSON instead of text' };
