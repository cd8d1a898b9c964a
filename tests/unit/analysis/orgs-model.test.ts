import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectOrganizations, findOrganizations, getOrgModel } from '../../../lib/analysis/orgs';
import { encodeModel, loadModel, quantize } from '../../../lib/analysis/orgs/model';
import { MODEL_BIAS, MODEL_BITS, MODEL_DATA, MODEL_SCALE, MODEL_THRESHOLD } from '../../../lib/analysis/orgs/model.generated';
import { TRAIN_DEFAULTS, crossValidate, makeExamples, trainWeights, type Gold } from '../../../lib/analysis/orgs/train';

const spans = (text: string, lang: string) => findOrganizations(text, lang).map((m) => m.text);

describe('organization tagger', () => {
  it('round-trips quantised sparse weights', () => {
    const w = new Float32Array(2 << 4);
    w[0] = 1.5;
    w[7] = -0.5;
    w[31] = 0.25;
    const q = quantize(w, 4);
    const m = loadModel(4, q.scale, encodeModel(q));
    expect([...m.w]).toEqual([...q.w]);
    expect(m.w[0]! * m.scale).toBeCloseTo(1.5, 6);
    expect(m.w[7]! * m.scale).toBeCloseTo(-0.5, 1);
    // Pruned: 0.25 is 21 steps of 1.5 / 127; pruning up to 30 steps drops it and keeps the others.
    const pruned = quantize(w, 4, 30);
    expect([pruned.w[0], pruned.w[7], pruned.w[31]]).toEqual([127, -42, 0]);
    expect([...loadModel(4, pruned.scale, encodeModel(pruned)).w]).toEqual([...pruned.w]);
  });

  it('ships a non-empty model', () => {
    expect(getOrgModel().w.some((x) => x !== 0)).toBe(true);
  });

  it('never proposes terms like AI or IA, nor names in title-case headings', () => {
    expect(spans('AI systems and GDPR compliance were discussed by AI experts.', 'en')).toEqual([]);
    expect(spans("L'IA et le RGPD.", 'fr')).toEqual([]);
  });

  it('keeps every rule name unless a tagger name overlaps it', () => {
    const text = 'The band signed with Killing Joke Records and toured with the Mad Hatters Club in 1999. Sue Black of the University of Westminster spoke.';
    const rules = detectOrganizations(text, 'en', { model: null });
    const all = findOrganizations(text, 'en');
    for (const r of rules) {
      const same = all.some((m) => m.start === r.start && m.end === r.end);
      const replaced = all.some((m) => m.id.startsWith('model:') && m.start < r.end && r.start < m.end);
      expect(same || replaced).toBe(true);
    }
  });

  it('does not propose lone acronyms defined as terms or shouted words', () => {
    expect(spans('We trained a long short-term memory (LSTM) network; the LSTM beat the baseline.', 'en')).toEqual([]);
    expect(spans('MS. PATTERSON: Thanks for the question.', 'en')).toEqual([]);
  });
});

describe('rules around the tagger', () => {
  it.each([
    ['Sue Black of the University of Westminster spoke.', ['University of Westminster']],
    ['It was redesignated 65th Air Division in 1952.', ['65th Air Division']],
    ['He was voted MVP by the Dallas Morning News and Houston Post.', ['Dallas Morning News', 'Houston Post']],
  ])('%s', (text, expected) => {
    expect(detectOrganizations(text, 'en', { model: null }).map((m) => m.text)).toEqual(expected);
  });
});

describe('sports teams and general organizations (gazetteer)', () => {
  it.each([
    ['fr', 'Il a joué pour les Penguins de Pittsburgh puis les Red Wings de Détroit.', ['Penguins de Pittsburgh', 'Red Wings de Détroit']],
    ['fr', 'Il rejoint les Hurricanes de la Caroline.', ['Hurricanes de la Caroline']],
    ['en', 'He was traded to the Pittsburgh Penguins by the Boston Bruins.', ['Pittsburgh Penguins', 'Boston Bruins']],
    ['fr', 'Le match est diffusé sur France 2 et Canal+.', ['France 2', 'Canal+']],
  ])('%s: %s', (lang, text, expected) => {
    expect(spans(text, lang)).toEqual(expected);
  });

  it('does not match ambiguous bare nicknames at sentence start or common words', () => {
    expect(spans('Penguins live in Antarctica.', 'en')).toEqual([]);
    expect(spans('Variety is good. Total revenue rose.', 'en')).toEqual([]);
  });
});

// The training data is read at test time from ../shared/eval (never copied into the repository).
const wikigold = fileURLToPath(new URL('../../../../shared/eval/data/ner_en_wikigold.dev.jsonl', import.meta.url));

describe('model.generated.ts', () => {
  it.runIf(existsSync(wikigold))(
    'is what scripts/train-orgs.ts gives (regenerate with `npx tsx scripts/train-orgs.ts`)',
    () => {
      const records = readFileSync(wikigold, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Gold);
      const examples = makeExamples(records, TRAIN_DEFAULTS.bits);
      const model = quantize(trainWeights(examples, TRAIN_DEFAULTS), TRAIN_DEFAULTS.bits, TRAIN_DEFAULTS.prune);
      expect(MODEL_BITS).toBe(TRAIN_DEFAULTS.bits);
      expect(MODEL_SCALE).toBe(model.scale);
      expect(encodeModel(model) === MODEL_DATA).toBe(true);
      const { bias, threshold } = crossValidate(examples, TRAIN_DEFAULTS).best;
      expect([MODEL_BIAS, MODEL_THRESHOLD]).toEqual([bias, threshold]);
    },
    120_000,
  );
});
