import { parseArgs } from 'node:util';
import type { CommandSpec, ParsedArgs } from './commands/command';
import { UsageError } from './exit-codes';

export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, o] of Object.entries(spec.options)) {
    options[name] = { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.replace(/\. To specify.*$/s, '') : String(err));
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (values['help']) return { positionals: parsed.positionals, values };
  // `-o ''` would write to the directory, `--out ''` silently fall back to the default:
  // an empty value is never what was meant.
  for (const [name, o] of Object.entries(spec.options)) {
    if (o.type === 'string' && !o.multiple && values[name] === '')
      throw new UsageError(`--${name} must not be empty${name === 'output' ? ' (give a file name, or - for stdout)' : ''}`);
  }
  if (parsed.positionals.length < spec.minPositionals) throw new UsageError(`missing argument: ${spec.usage}`);
  if (parsed.positionals.length > spec.maxPositionals)
    throw new UsageError(`unexpected argument '${parsed.positionals[spec.maxPositionals]}': ${spec.usage}`);
  return { positionals: parsed.positionals, values };
}

export function commandHelp(spec: CommandSpec): string {
  const lines = [`${spec.usage}`, '', `  ${spec.summary}`, ''];
  const entries = Object.entries(spec.options);
  if (entries.length > 0) {
    lines.push('Options:');
    for (const [name, o] of entries) {
      const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.placeholder ? ` ${o.placeholder}` : ''}`;
      lines.push(`  ${flag.padEnd(28)} ${o.description}`);
    }
  }
  lines.push(`  ${'-h, --help'.padEnd(28)} show this help`);
  if (spec.details) lines.push('', spec.details);
  return `${lines.join('\n')}\n`;
}
