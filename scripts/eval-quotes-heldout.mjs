// Scores the quote stage on the fixed held-out slice of PolNeAR train (src/eval/heldout.ts), with models
// trained without that slice, the figure models are selected on (the dev split is only reported).
//   npm run build
//   node scripts/train-quote-cues.mjs --holdout --out /tmp/ho/quote-cues.json
//   node scripts/train-quote-seq.mjs --holdout --cue /tmp/ho/quote-cues.json --out /tmp/ho/quote-seq.bin.gz
//   node scripts/eval-quotes-heldout.mjs /tmp/ho   (without quote-seq.bin.gz there: the rules alone)
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) throw new Error('usage: node scripts/eval-quotes-heldout.mjs MODEL_DIR');
const d = (p) => import(join(root, 'dist', 'src', ...p.split('/')));
const { predictAttributions } = await d('eval/quotes.js');
const { loadQuoteLexicon } = await d('annotate/quotes/lexicon.js');
const { loadCueModel } = await d('annotate/quotes/cue-model.js');
const { loadSeqModel } = await d('annotate/quotes/seq-model.js');
const { emptyQuoteCounts, scoreQuotesDoc, summarizeQuotes } = await d('eval/quotes-score.js');
const { isHeldOut } = await d('eval/heldout.js');

const lex = loadQuoteLexicon({ model: false });
lex.cueModel = loadCueModel(join(dir, 'quote-cues.json'));
lex.seqModel = loadSeqModel(join(dir, 'quote-seq.bin.gz'));
const train = join(root, '..', 'shared', 'eval', 'quotes', 'polnear.train.jsonl');
const docs = readFileSync(train, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)).filter((x) => isHeldOut(x.id));
const counts = emptyQuoteCounts();
for (const doc of docs) scoreQuotesDoc(doc.text, doc.attributions, predictAttributions(doc.text, lex, { entities: true }), counts);
console.log(JSON.stringify({ documents: docs.length, ...summarizeQuotes(counts) }));
