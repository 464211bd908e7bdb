/**
 * The one shell-quoting function of tib. Every value that comes from a recipe and lands
 * in a shell script goes through here (templates call it as `{{sh value}}`).
 *
 * POSIX single quotes: inside '…' nothing is special to bash — not $, `, \, ! or a
 * newline — except ' itself, written as '\'' (close, escaped quote, reopen). Words made
 * only of unambiguous characters stay unquoted so generated scripts read naturally.
 * NUL cannot be represented in a shell word (nor in argv or the environment), so it is
 * refused; validation rejects it earlier with a positioned diagnostic.
 */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(value: string): string {
  if (value.includes('\0')) throw new Error('shellQuote: NUL cannot be passed through a shell');
  if (value !== '' && SAFE_WORD.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Quotes each word and joins them with spaces. */
export function shellQuoteAll(values: readonly string[]): string {
  return values.map(shellQuote).join(' ');
}
