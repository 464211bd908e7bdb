/**
 * The facts tib encodes carry their sources inside the repository (issue 11, "the rule
 * behind them"): code and elements cite docs/facts/<file>.md §N, every such citation
 * names a section that exists, and nothing cites notes outside the repository.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const FACTS = path.join(ROOT, 'docs/facts');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(ROOT, path.join(e.parentPath ?? e.path, e.name)))
    .filter((f) => !/(^|\/)(node_modules|dist)\//.test(f) && !f.includes('/golden/'));
}

const SOURCES = [
  ...filesUnder('packages').filter((f) => /\/(src|test|test-integration)\//.test(f)),
  ...filesUnder('elements'),
  ...filesUnder('templates'),
];

/** Section numbers ("2", "2.7", "10.3") of a facts document, from its headings. */
function sections(doc: string): Set<string> {
  const text = fs.readFileSync(path.join(FACTS, doc), 'utf8');
  return new Set([...text.matchAll(/^#{2,4} (\d+(?:\.\d+)*)\.? /gm)].map((m) => m[1] ?? ''));
}

describe('citations of facts', () => {
  it('nothing under packages/, elements/ or templates/ cites notes outside the repository', () => {
    const outside = /shared\/reference|\.\.\/shared\/|catalog-facts\.md|dib-and-peers\.md|host-setup\.md|trove-guest-images\.md|\/work\//;
    const offenders = SOURCES.filter((f) => f !== 'packages/core/test/catalog/citations.test.ts').filter((f) =>
      outside.test(fs.readFileSync(path.join(ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('every docs/facts citation names an existing document and section', () => {
    const known = new Map<string, Set<string>>();
    const broken: string[] = [];
    for (const f of SOURCES) {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      for (const m of text.matchAll(/docs\/facts\/([a-z-]+\.md)((?: §\d+(?:\.\d+)*,?)*)/g)) {
        const doc = m[1] ?? '';
        if (!fs.existsSync(path.join(FACTS, doc))) {
          broken.push(`${f}: ${doc}`);
          continue;
        }
        if (!known.has(doc)) known.set(doc, sections(doc));
        for (const s of (m[2] ?? '').matchAll(/§(\d+(?:\.\d+)*)/g)) {
          if (!known.get(doc)?.has(s[1] ?? '')) broken.push(`${f}: ${doc} §${s[1] ?? ''}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('every catalog module that holds upstream facts names its docs/facts sources', () => {
    const logicOnly = new Set(['matrix.ts', 'agent-sources.ts', 'catalog-date.ts']);
    const catalog = fs.readdirSync(path.join(ROOT, 'packages/core/src/catalog')).filter((f) => f.endsWith('.ts') && !logicOnly.has(f));
    const silent = catalog.filter((f) => !fs.readFileSync(path.join(ROOT, 'packages/core/src/catalog', f), 'utf8').includes('docs/facts/'));
    expect(silent).toEqual([]);
  });
});
