// The Russian entity stage: the trained tagger and the listed event names (events.ts), then resolution inside the article across cases and
// initials (Путин, Путина, Путину, В. В. Путин are one person; "МВД" is one organisation wherever it is).
import type { ArticleEntity, EntityMention, EntityType } from '../../../model/document.js';
import type { Stage } from '../../../pipeline/stage.js';
import { foldRu } from '../normalize.js';
import { stemRu } from '../stem.js';
import { loadRuTagger, type RuEntitySpan } from './tagger.js';
import { ruNameLists } from './lists.js';
import { findRuEvents, type RuEventSpan } from './events.js';
import type { NameLists } from './features.js';

/**
 * The case-free form of one name word: surnames in -ов/-ев/-ин and -ский keep their nominative
 * (Жапарова, Жапарову -> жапаров; Зеленского -> зеленский), other words their Snowball stem.
 */
export function ruNameKey(word: string): string {
  const w = foldRu(word).replace(/[«»"“”„]/g, '');
  if (/^[a-z0-9]/.test(w) || w.length <= 3 || /^[а-я]+$/.test(w) === false && !/-/.test(w)) return w;
  const sky = /^(.+?)(?:ский|ского|скому|ским|ском|ская|ской|скую|ские|ских|скими)$/.exec(w);
  if (sky) return `${sky[1]}ский`;
  const ov = /^(.+?(?:ов|ев|ин|ын))(?:а|у|ым|е|ой|ых|ыми|ы)?$/.exec(w);
  if (ov && ov[1]!.length >= 4) return ov[1]!;
  return stemRu(w);
}

const words = (s: string) => s.split(/[\s]+/).filter((x) => /[\p{L}\p{N}]/u.test(x));
const isInitial = (w: string) => /^\p{Lu}\.?$/u.test(w);

/** Mentions and the article's entities from tagged spans. */
export function resolveRu(text: string, tagged: readonly RuEntitySpan[], lists: NameLists = ruNameLists(), events: readonly RuEventSpan[] = []): { mentions: EntityMention[]; entities: ArticleEntity[] } {
  const entities: (ArticleEntity & { keys: Set<string> })[] = [];
  const mentions: EntityMention[] = [];
  // A listed event name wins over the tagger's spans inside it ("Великой Отечественной" tagged ORG, "Советского Союза" in a war's name).
  const outsideEvents = tagged.filter((s) => !events.some((e) => s.start < e.end && e.start < s.end));
  const spans: (RuEntitySpan | RuEventSpan)[] = [...consistentTypes(text, outsideEvents), ...events].sort((a, b) => a.start - b.start);
  for (const s of spans) {
    const surface = text.slice(s.start, s.end);
    const ws = words(surface).filter((w) => !isInitial(w));
    if (ws.length === 0) continue;
    // People are known by their surname (the last word); other names by all their words, and an organisation whose
    // name a country ends ("СК РФ", "МИД России") also by the words before it ("СК", "МИД").
    const key = s.type === 'PER' ? ruNameKey(ws[ws.length - 1]!) : ws.map(ruNameKey).join(' ');
    const core = s.type === 'ORG' ? withoutCountry(ws, lists) : null;
    let e = entities.find((x) => x.type === s.type && (x.keys.has(key) || (core !== null && x.keys.has(core))));
    if (e && core !== null && !e.keys.has(key)) {
      // Joined by the words before the country: the entity keeps its name and takes this one as an alias.
      e.keys.add(key);
      if (!e.aliases.includes(surface)) e.aliases.push(surface);
      mentions.push({ start: s.start, end: s.end, type: s.type as EntityType, entity: e.id, via: 'tagger' });
      continue;
    }
    // A one-word name of an organisation or place that is the first word of a longer one ("Газпром" / "Газпром нефть") stays apart.
    if (!e) {
      e = { id: `e${entities.length + 1}`, name: surface, type: s.type as EntityType, aliases: [], keys: new Set(core !== null ? [key, core] : [key]) };
      entities.push(e);
    } else if (ws.length > words(e.name).length) {
      if (!e.aliases.includes(e.name)) e.aliases.push(e.name);
      e.name = surface;
    } else if (surface !== e.name && !e.aliases.includes(surface)) e.aliases.push(surface);
    mentions.push({ start: s.start, end: s.end, type: s.type as EntityType, entity: e.id, via: 'tagger' });
  }
  joinAcronyms(entities, mentions, lists);
  return { mentions, entities: entities.map(({ keys: _keys, ...rest }) => rest) };
}

/**
 * One type per name in an article: a one-word mention that is the surname of a person named in full
 * ("Пётр Павленский" ... "Павленского") is that person, though '-ский' reads like a place adjective;
 * other one-word names take the type most of their mentions have.
 */
export function consistentTypes(text: string, spans: readonly RuEntitySpan[]): RuEntitySpan[] {
  const single = (s: RuEntitySpan) => {
    const ws = words(text.slice(s.start, s.end));
    return ws.length === 1 && /^\p{Lu}\p{Ll}/u.test(ws[0]!) ? ruNameKey(ws[0]!) : null;
  };
  const surnames = new Set<string>();
  for (const s of spans) {
    const ws = words(text.slice(s.start, s.end)).filter((w) => !isInitial(w));
    if (s.type === 'PER' && ws.length >= 2) surnames.add(ruNameKey(ws[ws.length - 1]!));
  }
  const votes = new Map<string, Map<RuEntitySpan['type'], number>>();
  for (const s of spans) {
    const k = single(s);
    if (k === null) continue;
    const v = votes.get(k) ?? new Map();
    v.set(s.type, (v.get(s.type) ?? 0) + 1);
    votes.set(k, v);
  }
  return spans.map((s) => {
    const k = single(s);
    if (k === null) return s;
    if (surnames.has(k)) return s.type === 'PER' ? s : { ...s, type: 'PER' };
    const v = [...votes.get(k)!].sort((a, b) => b[1] - a[1]);
    return v.length > 1 && v[0]![1] > v[1]![1] && v[0]![0] !== s.type ? { ...s, type: v[0]![0] } : s;
  });
}

/** The key of an organisation's name without the country that ends it ("СК РФ" -> "ск"), or null when no country ends it. */
function withoutCountry(ws: readonly string[], lists: NameLists): string | null {
  if (ws.length < 2) return null;
  const last = ws[ws.length - 1]!;
  const country = lists.countryAbbreviations.has(last) || (/^\p{Lu}/u.test(last) && lists.placeStems.has(stemRu(foldRu(last))));
  return country ? ws.slice(0, -1).map(ruNameKey).join(' ') : null;
}

const ACRONYM = /^[А-ЯЁA-Z]{2,6}$/u;
/** The initials of a name's words, function words left out ("Следственный комитет" -> "ск"; "Министерство иностранных дел" -> "мид"). */
function initials(name: string): string {
  return words(name).filter((w) => !/^(и|по|в|на|для|о|об|of|and|the|for)$/iu.test(w)).map((w) => foldRu(w)[0]).join('');
}

/** An acronym ("СК") and the name its initials spell ("Следственном комитете") in one article are one entity. */
function joinAcronyms(entities: (ArticleEntity & { keys: Set<string> })[], mentions: EntityMention[], lists: NameLists): void {
  for (const short of [...entities]) {
    // An acronym, and its other names only the acronym with a country ("СК РФ").
    const names = [short.name, ...short.aliases];
    const acronym = names.find((n) => ACRONYM.test(n));
    if (!acronym || names.some((n) => n !== acronym && withoutCountry(words(n), lists) !== ruNameKey(acronym))) continue;
    const full = entities.find((e) => e !== short && e.type === short.type && words(e.name).length >= 2 && initials(e.name) === foldRu(acronym));
    if (!full) continue;
    for (const m of mentions) if (m.entity === short.id) m.entity = full.id;
    for (const n of names) if (!full.aliases.includes(n)) full.aliases.push(n);
    entities.splice(entities.indexOf(short), 1);
  }
}

export const ruEntityStage: Stage = {
  name: 'entities',
  requires: ['tokens', 'sentences'],
  provides: ['entities', 'entityIndex'],
  run(article) {
    const tagger = loadRuTagger();
    if (!tagger) return { entities: [], entityIndex: [] };
    const lists = ruNameLists();
    const r = resolveRu(article.text, tagger.tag(article.text, article.layers.sentences), lists, findRuEvents(article.text, lists.eventNames));
    return { entities: r.mentions, entityIndex: r.entities };
  },
};
