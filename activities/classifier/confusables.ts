/**
 * Look-alike characters spammers use to dodge keyword filters, mapped to the Latin letter they imitate.
 * NFKC already folds fullwidth, circled and mathematical letters; these are the ones it leaves alone.
 */
const LOOKALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', з: '3', і: 'i', ї: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't',
  у: 'y', х: 'x', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', һ: 'h', ӏ: 'l', г: 'r', п: 'n', ь: 'b', ц: 'u', д: 'd', л: 'n',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y', ω: 'w', μ: 'u',
  // Small capitals and other IPA letters that render like Latin ones
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm', ɴ: 'n', ᴏ: 'o',
  ᴘ: 'p', ǫ: 'q', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z', ı: 'i', ȷ: 'j', ɑ: 'a', ɩ: 'i', ʋ: 'v',
  // Punctuation look-alikes
  '’': "'", '‘': "'", '`': "'", '´': "'", '‐': '-', '‑': '-', '–': '-', '—': '-',
};

export function foldLookalikes(text: string): string {
  let out = '';
  for (const char of text) out += LOOKALIKES[char] ?? char;
  return out;
}
