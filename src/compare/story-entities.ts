import type { Article, EntityType } from '../model/document.js';

/** One entity across the articles of a story. */
export interface StoryEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  members: { article: string; entity: string }[];
}

export type ResolveStoryEntities = (articles: Article[]) => StoryEntity[];

/** article id -> article entity id -> story entity id. */
export type EntityMap = Map<string, Map<string, string>>;

export function entityMap(entities: readonly StoryEntity[]): EntityMap {
  const map: EntityMap = new Map();
  for (const e of entities) {
    for (const m of e.members) {
      let inner = map.get(m.article);
      if (!inner) map.set(m.article, (inner = new Map()));
      inner.set(m.entity, e.id);
    }
  }
  return map;
}

/**
 * Fallback resolution when no resolver is given: entities with the same normalised name (or the same
 * last word for people) are one. The entity stage provides a better resolver.
 */
export const resolveByName: ResolveStoryEntities = (articles) => {
  const byKey = new Map<string, StoryEntity>();
  for (const a of articles) {
    for (const e of a.layers.entityIndex ?? []) {
      const key = `${e.type}:${e.name.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '')}`;
      let se = byKey.get(key);
      if (!se) byKey.set(key, (se = { id: `e${byKey.size + 1}`, name: e.name, type: e.type, aliases: [], members: [] }));
      se.members.push({ article: a.id, entity: e.id });
      for (const al of e.aliases) if (!se.aliases.includes(al)) se.aliases.push(al);
    }
  }
  return [...byKey.values()];
};
