// The Russian entity stage: the trained tagger, then resolution inside the article across cases and
// initials (Путин, Путина, Путину, В. В. Путин are one person; "МВД" is one organisation wherever it is).
import type { ArticleEntity, EntityMention, EntityType } from '../../../model/document.js';
import type { Stage } from '../../../pipeline/stage.js';
import { foldRu } from '../normalize.js';
import { stemRu } from '../stem.js';
import { loadRuTagger, type RuEntitySpan } from './tagger.js';

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
export function resolveRu(text: string, spans: readonly RuEntitySpan[]): { mentions: EntityMention[]; entities: ArticleEntity[] } {
  const entities: (ArticleEntity & { keys: Set<string> })[] = [];
  const mentions: EntityMention[] = [];
  for (const s of spans) {
    const surface = text.slice(s.start, s.end);
    const ws = words(surface).filter((w) => !isInitial(w));
    if (ws.length === 0) continue;
    // People are known by their surname (the last word); other names by all their words.
    const key = s.type === 'PER' ? ruNameKey(ws[ws.length - 1]!) : ws.map(ruNameKey).join(' ');
    let e = entities.find((x) => x.type === s.type && x.keys.has(key));
    // A one-word name of an organisation or place that is the first word of a longer one ("Газпром" / "Газпром нефть") stays apart.
    if (!e) {
      e = { id: `e${entities.length + 1}`, name: surface, type: s.type as EntityType, aliases: [], keys: new Set([key]) };
      entities.push(e);
    } else if (ws.length > words(e.name).length) {
      if (!e.aliases.includes(e.name)) e.aliases.push(e.name);
      e.name = surface;
    } else if (surface !== e.name && !e.aliases.includes(surface)) e.aliases.push(surface);
    mentions.push({ start: s.start, end: s.end, type: s.type as EntityType, entity: e.id, via: 'tagger' });
  }
  return { mentions, entities: entities.map(({ keys: _keys, ...rest }) => rest) };
}

export const ruEntityStage: Stage = {
  name: 'entities',
  requires: ['tokens', 'sentences'],
  provides: ['entities', 'entityIndex'],
  run(article) {
    const tagger = loadRuTagger();
    if (!tagger) return { entities: [], entityIndex: [] };
    const r = resolveRu(article.text, tagger.tag(article.text, article.layers.sentences));
    return { entities: r.mentions, entityIndex: r.entities };
  },
};
