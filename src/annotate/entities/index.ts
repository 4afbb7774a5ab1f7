// Entities: people, organisations, places and other names, resolved inside an article and across a story.
export { createEntityStage, defaultGazetteer, defaultProposer, ruleProposer, type EntityStageDeps, type Proposer } from './entity-stage.js';
export { resolveStoryEntities, type StoryEntity } from './resolve-story.js';
export { phoneticKey, sameSurname } from './phonetic.js';
