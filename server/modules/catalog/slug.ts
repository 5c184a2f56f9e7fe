/**
 * A URL-friendly form of a name: accents dropped, lower case, runs of anything but letters and digits
 * turned into one dash. Letters of any script stay ("Чай" → "чай"); a name of symbols only gives "category".
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return [...slug].slice(0, 72).join('').replace(/-+$/, '') || 'category'
}
