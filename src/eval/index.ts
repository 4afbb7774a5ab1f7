import type { EvalTask } from './task.js';

// Tasks load lazily: each may pull in models or peer libraries.
export const evalTasks: Record<string, () => Promise<EvalTask>> = {};
evalTasks.pairs = async () => (await import('./pairs.js')).pairsTask;
evalTasks.boilerplate = async () => (await import('./boilerplate.js')).boilerplateTask;
evalTasks.stories = async () => (await import('./stories.js')).storiesTask;
evalTasks.timex = async () => (await import('./timex.js')).timexTask;
evalTasks.quotes = async () => (await import('./quotes.js')).quotesTask;
evalTasks.ner = async () => (await import('./ner.js')).nerTask;
evalTasks.real = async () => (await import('./real.js')).realTask;
evalTasks['ner-ru'] = async () => (await import('./ner-ru.js')).nerRuTask;
evalTasks.align = async () => (await import('./align.js')).alignTask;
