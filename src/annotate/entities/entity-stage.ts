import { join } from 'node:path';
import type { Article } from '../../model/document.js';
import type { Stage } from '../../pipeline/stage.js';
import { attachRoles, placesByCue } from './attach-roles.js';
import type { Candidate } from './candidate.js';
import { articleView, type DocView } from './doc-view.js';
import { createGazetteer, loadGazetteerData, type Gazetteer } from './gazetteer.js';
import { resolveArticle, type Resolved } from './resolve-article.js';
import { ruleSpans } from './rule-spans.js';
import { taggerProposer } from './tagger-proposer.js';
import { loadDefaultTagger } from './tagger/load.js';

/** Proposes candidate spans for one article (rules, a tagger, or both). */
export type Proposer = (view: DocView, gaz: Gazetteer) => Candidate[];

export interface EntityStageDeps {
  /** Called once, on first use. */
  gazetteer: () => Gazetteer;
  /** Called once, on first use, with the gazetteer. */
  proposer: (gaz: Gazetteer) => Proposer;
}

/** The committed gazetteers of the repository at `root` (loadResources() reads them; the stage is handed them). */
export function defaultGazetteer(root: string): Gazetteer {
  return createGazetteer(loadGazetteerData(join(root, 'data', 'gazetteers')));
}

export const ruleProposer: Proposer = ruleSpans;

/** The committed tagger refined by rules; the rules alone when no model file is there. */
export function defaultProposer(gaz: Gazetteer, root: string): Proposer {
  const tagger = loadDefaultTagger(gaz, root);
  return tagger ? taggerProposer(tagger) : ruleProposer;
}

/** Finds and resolves entity mentions: candidates first, then refiners (roles), then resolution. */
export function createEntityStage(deps: EntityStageDeps): Stage & { annotate(article: Article): Resolved } {
  let gaz: Gazetteer | undefined;
  let propose: Proposer | undefined;
  const annotate = (article: Article): Resolved => {
    gaz ??= deps.gazetteer();
    propose ??= deps.proposer(gaz);
    const view = articleView(article);
    const cands = placesByCue(view, gaz, attachRoles(view, gaz, propose(view, gaz)));
    return resolveArticle(view, gaz, cands);
  };
  return {
    name: 'entities',
    requires: ['tokens', 'sentences'],
    provides: ['entities', 'entityIndex'],
    annotate,
    run(article, ctx) {
      const r = annotate(article);
      ctx.debug(() => `entities: ${r.mentions.length} mentions, ${r.entities.length} entities`);
      return { entities: r.mentions, entityIndex: r.entities };
    },
  };
}
