/**
 * URL slugs for tags and authors, readable in every script: `Cənubi Qafqaz` → `cənubi-qafqaz`,
 * `Бакы` → `бакы`, `C++ & Rust` → `c-rust`. The rule, in order:
 *
 * 1. Unicode NFKC (compatibility forms fold: `ﬁ` → `fi`, full-width letters → ASCII);
 * 2. lower case, locale-independent;
 * 3. every run of characters that are not letters, marks or digits becomes one `-`;
 * 4. `-` at either end is dropped.
 *
 * A name with no letter or digit at all (`!!!`, `🏳️‍🌈`) gets `x-` and the hex of its UTF-8 bytes,
 * so it still has a stable slug. Marks alone do not count as a letter: the variation selector in
 * `❤️` or `☀️` (U+FE0F, a mark) would otherwise be the whole slug, invisible and the same for
 * every such emoji. Names that give the same slug are the same tag (or author).
 */
export function slugify(name: string): string {
  let slug = slugs.get(name)
  if (slug === undefined) {
    if (slugs.size >= MEMO) slugs.clear()
    slug = makeSlug(name)
    slugs.set(name, slug)
  }
  return slug
}

// A site has few distinct tag and author names, each on many articles: listing the tags of
// 100,000 articles slugged 250,000 names (NFKC and two Unicode regexes each), 250 ms, and held a
// reloading server for that long. Remembered, bounded.
const MEMO = 50_000
const slugs = new Map<string, string>()

function makeSlug(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  if (/[\p{L}\p{N}]/u.test(slug)) return slug
  let hex = ''
  for (const byte of new TextEncoder().encode(name)) hex += byte.toString(16).padStart(2, '0')
  return `x-${hex}`
}
