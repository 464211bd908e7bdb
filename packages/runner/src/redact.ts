/**
 * Replaces secret values with a marker wherever text leaves tib: terminal, log file,
 * manifest. Longest values first, so a secret that contains another is hidden whole.
 */
export class Redactor {
  private readonly values: string[];

  constructor(secretValues: readonly string[]) {
    // Very short values would redact half the log and protect nothing.
    this.values = [...new Set(secretValues.filter((v) => v.length >= 4))].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const v of this.values) out = out.split(v).join('***');
    return out;
  }
}
