// Trains the NER tagger (structured averaged perceptron) on CoNLL-2003 train, picks the number of
// epochs on dev, and writes models/ner-tagger.bin.gz. Needs a build first (npm run build).
//   nice node scripts/train-ner.mjs                 train, tune epochs on dev, write the model
//   nice node scripts/train-ner.mjs --cv 5          5-fold cross-validation on train (by document)
// Options: --epochs N (max epochs, default 15), --seed S (default 20261123), --min-count N (default 2).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => join(root, 'dist', 'src', p);
const { defaultGazetteer } = await import(dist('annotate/entities/entity-stage.js'));
const { Featurizer } = await import(dist('annotate/entities/tagger/features.js'));
const { parseConll } = await import(dist('annotate/entities/tagger/conll.js'));
const { ConllScorer } = await import(dist('eval/conlleval.js'));
const { trainPerceptron, pruneModel } = await import(dist('training/perceptron.js'));
const { serializeModel, deserializeModel } = await import(dist('annotate/entities/tagger/model.js'));
const { createTagger, gazetteerResources } = await import(dist('annotate/entities/tagger/tagger.js'));
const { loadWordClusters } = await import(dist('annotate/entities/tagger/word-clusters.js'));
const { evalPath, repoRoot } = await import(dist('shared-paths.js'));

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '15' },
    seed: { type: 'string', default: '20261123' },
    'min-count': { type: 'string', default: '2' },
    cv: { type: 'string' },
    prune: { type: 'string', default: '0.02' },
    out: { type: 'string', default: join(root, 'models', 'ner-tagger.bin.gz') },
    clusters: { type: 'string', default: join(root, 'data', 'ner', 'word-clusters.txt') },
    'limit-docs': { type: 'string' },
  },
});
const epochs = Number(values.epochs);
const seed = Number(values.seed);
const minCount = Number(values['min-count']);
const log = (s) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${s}\n`);

const gaz = defaultGazetteer(repoRoot());
const resources = gazetteerResources(gaz, loadWordClusters(values.clusters));
const featurizer = new Featurizer(resources);
const load = (file) => {
  let { docs } = parseConll(readFileSync(file, 'utf8'));
  if (values['limit-docs']) docs = docs.slice(0, Number(values['limit-docs']));
  return docs.map((d) => ({ ...d, feats: featurizer.document(d.words, d.sentences, resources.codes(d.words)) }));
};
const score = (model, docs) => {
  const tagger = createTagger(model, resources);
  const scorer = new ConllScorer();
  for (const d of docs) scorer.add(d, tagger.tagDocument(d.words, d.sentences));
  return scorer.summary();
};

const train = load(evalPath('ner', 'conll2003.train.txt'));
log(`train: ${train.length} documents`);

if (values.cv) {
  const k = Number(values.cv);
  const scorer = new ConllScorer();
  for (let fold = 0; fold < k; fold++) {
    const held = train.filter((_, i) => i % k === fold);
    const rest = train.filter((_, i) => i % k !== fold);
    const { model } = trainPerceptron(rest, { epochs, seed, minCount, log });
    const tagger = createTagger(model, resources);
    for (const d of held) scorer.add(d, tagger.tagDocument(d.words, d.sentences));
    log(`fold ${fold + 1}/${k}: ${JSON.stringify(score(model, held))}`);
  }
  console.log(JSON.stringify({ crossValidation: k, epochs, seed, minCount, ...scorer.summary() }, null, 2));
  process.exit(0);
}

const dev = load(evalPath('ner', 'conll2003.dev.txt'));
let best = { f1: -1, epoch: 0, model: null };
const trained = trainPerceptron(train, {
  epochs,
  seed,
  minCount,
  log,
  onEpoch(epoch, model) {
    const s = score(model, dev);
    log(`epoch ${epoch}: dev F1 ${s.f1} (P ${s.precision} R ${s.recall})`);
    if (s.f1 > best.f1) best = { f1: s.f1, epoch, model };
  },
});
log(`best dev F1 ${best.f1} at epoch ${best.epoch}`);
// The averaged model of the best epoch (training again for that many epochs gives the same one).
const pruned = pruneModel({ model: best.model, keys: trained.keys }, Number(values.prune));
pruned.model.meta = { trainedOn: 'conll2003.train.txt', epochs: best.epoch, seed, minCount, prune: Number(values.prune), devF1: best.f1 };
const buf = serializeModel(pruned.model, pruned.keys);
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, buf);
const reloaded = score(deserializeModel(buf), dev);
log(`wrote ${values.out}: ${(buf.length / 1e6).toFixed(1)} MB, ${pruned.keys.length} features; dev F1 after pruning and quantising ${reloaded.f1}`);
console.log(JSON.stringify({ epochs: best.epoch, seed, minCount, features: pruned.keys.length, bytes: buf.length, dev: reloaded }, null, 2));
