// Derives data/gazetteers/countries.json from the npm package `world-countries` (names, alternative
// spellings, demonyms, capitals, ISO codes), plus the few hand-written additions in
// data/gazetteers/country-extras.json. Run: node scripts/build-gazetteers.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const countries = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8'));
const version = JSON.parse(readFileSync(require.resolve('world-countries/package.json'), 'utf8')).version;
const extras = JSON.parse(readFileSync(join(root, 'data/gazetteers/country-extras.json'), 'utf8'));

const LATIN = /^[\p{Script=Latin}\s.'’,()-]+$/u;
const uniq = (xs) => [...new Set(xs.filter(Boolean))];

const out = [];
for (const c of countries) {
  if (c.status !== 'officially-assigned' && !c.independent) continue;
  const name = c.name.common;
  const aliases = [c.name.official, ...c.altSpellings].filter(
    (a) => LATIN.test(a) && a !== c.cca2 && !a.includes(',') && a !== name,
  );
  const adjectives = [c.demonyms?.eng?.m, c.demonyms?.eng?.f];
  // Adjectives that world-countries lists as language names ("Kyrgyz", "Kazakh"): kept when the
  // language name shares its first four letters with the country name.
  for (const lang of Object.values(c.languages ?? {})) {
    const l = String(lang).split(' ')[0];
    if (l.length >= 4 && name.slice(0, 4).toLowerCase() === l.slice(0, 4).toLowerCase()) adjectives.push(l);
  }
  const capitals = (c.capital ?? []).map((x) => x.replace(/\s+D\.C\.$/, ''));
  const extra = extras[name] ?? {};
  out.push({
    name,
    iso2: c.cca2,
    iso3: c.cca3,
    aliases: uniq([...aliases, ...(extra.aliases ?? [])]),
    adjectives: uniq([...adjectives, ...(extra.adjectives ?? [])]),
    capitals: uniq([...capitals, ...(extra.capitals ?? [])]),
    region: c.subregion || c.region || null,
  });
}
out.sort((a, b) => a.name.localeCompare(b.name));
// World regions as world-countries names them ("Central Asia", "Eastern Europe"), plus extras.
const regions = uniq([...countries.flatMap((c) => [c.region, c.subregion]), ...(extras['@regions'] ?? [])]).sort();
const file = join(root, 'data/gazetteers/countries.json');
writeFileSync(
  file,
  JSON.stringify({ source: `world-countries@${version} + country-extras.json`, regions, countries: out }).replace(/\},\{/g, '},\n{') + '\n',
);
console.log(`wrote ${out.length} countries to ${file}`);
