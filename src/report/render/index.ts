export { escapeHtml, escapeAttr, safeToken } from './escape.js';
export { marksForArticle, renderHighlightedText, type MarkSpan } from './highlight.js';
export { articleLabels, orderedFindings, storyTitle, KIND_LABEL, TYPE_LABEL } from './labels.js';
export * from './sections.js';
export { renderFramingSvg } from './framing-svg.js';
export { renderStoryBody, type StoryRenderOptions } from './story.js';
export { STORY_CSS } from './styles.js';
export { attachInteractions } from './interact.js';
