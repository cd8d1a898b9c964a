import { describe, expect, it } from 'vitest';
import { analyze, textRegister } from '../../../lib/analysis';
import { analyzeInChunks } from '../../../lib/analysis/chunked';
import { checkworthyScore, readRegister, REGISTER_SAMPLE_CHARS } from '../../../lib/analysis/claims/register';
import { REGISTER_MODEL } from '../../../lib/analysis/claims/register.generated';
import { CLAIM_THRESHOLD } from '../../../lib/analysis/claims/model';
import { documentModes, predictAll } from '../../../scripts/analyze';

// Written by the project in the register of a televised debate (no sentence from any dataset).
const DEBATE = [
  "Well, let me say this about my opponent's record.",
  'Senator, you know as well as I do that you voted against that bill three times.',
  'I think the American people are tired of hearing promises they know won’t be kept.',
  "We're going to bring those jobs back, and we're going to do it in the first year.",
  "Look, I've been to those factories, I've talked to those workers, and they're hurting.",
  'My opponent says he will balance the budget, but his own plan adds four trillion dollars to the debt.',
  "Now, let me tell you what I'd do as president.",
  'I believe that every child in this country deserves a good school.',
  'The governor cut education spending by twenty percent in his state.',
  "And I'll tell you something else: we can't keep borrowing money from China.",
  'I want to thank the moderator and I want to thank the folks here tonight.',
  'We need a president who will stand up for working families.',
].join('\n');

// Written by the project in the register of a policy news article.
const ARTICLE = [
  'The European Commission published its draft guidelines on general-purpose AI models on Tuesday.',
  'According to the Commission, providers of the largest models will have to document their training data.',
  'Investment in AI start-ups in France rose by 40% last year, the ministry said.',
  'Critics argue that the rules favour large companies over smaller labs.',
  'Hugging Face said the guidelines should protect open-source developers.',
  'The AI Office will review the guidelines after a public consultation.',
].join('\n');

const OPINION = 'I believe that every child in this country deserves a good school.';
const FACT = 'The governor cut education spending by twenty percent in his state.';
const RECORD = 'Senator, you know as well as I do that you voted against that bill three times.';
const claimTexts = (text: string, mode?: 'auto' | 'policy' | 'checkworthy'): string[] =>
  analyze(text, { lang: 'en', claimMode: mode }).claims.map((c) => text.slice(c.start, c.end));

describe('claim convention by register', () => {
  it('reads a debate transcript as such and an article as policy text', () => {
    const debate = readRegister(DEBATE.split('\n'), 'en');
    const article = readRegister(ARTICLE.split('\n'), 'en');
    expect(debate.mode).toBe('checkworthy');
    expect(debate.transcript).toBeGreaterThanOrEqual(REGISTER_MODEL.docThreshold);
    expect(article.mode).toBe('policy');
    expect(article.transcript).toBeLessThan(REGISTER_MODEL.docThreshold);
  });

  it('never detects a transcript in French or in too short a text', () => {
    expect(readRegister(DEBATE.split('\n'), 'fr')).toEqual({ mode: 'policy', transcript: null });
    expect(readRegister(DEBATE.split('\n').slice(0, REGISTER_MODEL.minSentences - 1), 'en').mode).toBe('policy');
    expect(analyze(DEBATE, { lang: 'fr' }).claimMode).toBe('policy');
  });

  it('in a transcript suggests the factual claims, not the speakers’ opinions', () => {
    const auto = claimTexts(DEBATE);
    expect(analyze(DEBATE, { lang: 'en' }).claimMode).toBe('checkworthy');
    expect(auto).toContain(FACT);
    expect(auto).not.toContain(OPINION);
    // The same text read as policy text counts the opinion as a position (GUIDELINES §2).
    // Kinds: a figure is a statistic either way; a record with no kind cue is a fact in a transcript.
    const kindOf = (mode: 'checkworthy' | 'policy', sentence: string) => {
      const r = analyze(DEBATE, { lang: 'en', claimMode: mode });
      return r.claims.find((c) => DEBATE.slice(c.start, c.end) === sentence)?.kind;
    };
    expect(kindOf('checkworthy', FACT)).toBe('statistic');
    expect(kindOf('checkworthy', RECORD)).toBe('fact');
    expect(analyze(DEBATE, { lang: 'en', claimMode: 'policy' }).claims.some((c) => c.kind === 'fact')).toBe(false);
    const policy = claimTexts(DEBATE, 'policy');
    expect(policy).toContain(OPINION);
    expect(policy.length).toBeGreaterThan(auto.length);
  });

  it('keeps positions in an article, and the reader can force either convention', () => {
    const auto = analyze(ARTICLE, { lang: 'en' });
    expect(auto.claimMode).toBe('policy');
    const stance = 'Hugging Face said the guidelines should protect open-source developers.';
    expect(claimTexts(ARTICLE)).toContain(stance);
    const forced = analyze(ARTICLE, { lang: 'en', claimMode: 'checkworthy' });
    expect(forced.claimMode).toBe('checkworthy');
    expect(claimTexts(ARTICLE, 'checkworthy')).not.toContain(stance);
    expect(claimTexts(ARTICLE, 'checkworthy')).toContain('Investment in AI start-ups in France rose by 40% last year, the ministry said.');
  });

  it('is read on the beginning of the text only, so a chunked pass agrees with one pass', async () => {
    const long = `${DEBATE}\n`.repeat(30) + ARTICLE.repeat(200);
    expect(textRegister(long, 'en')).toBe(textRegister(long.slice(0, REGISTER_SAMPLE_CHARS), 'en'));
    const whole = analyze(long, { lang: 'en', maxChars: 1_000_000, budgetMs: 60_000 });
    const chunked = await analyzeInChunks(long, { chunkChars: 2000, maxChars: 1_000_000, budgetMs: 60_000 });
    expect(chunked.claimMode).toBe('checkworthy');
    expect(chunked.claims.map((c) => [c.start, c.end])).toEqual(whole.claims.map((c) => [c.start, c.end]));
  });

  it('moves the check-worthiness threshold onto CLAIM_THRESHOLD', () => {
    const t = 1 / (1 + Math.exp(REGISTER_MODEL.checkShift)); // the probability whose shifted logit is 0
    expect(checkworthyScore(t)).toBeCloseTo(0.5, 6);
    expect(checkworthyScore(0.01)).toBeLessThan(CLAIM_THRESHOLD);
    expect(checkworthyScore(0.99)).toBeGreaterThan(CLAIM_THRESHOLD);
  });
});

describe('npm run analyze: documents', () => {
  const records = (text: string, doc?: string) =>
    text.split('\n').map((t, i) => ({ id: `${doc ?? 'x'}-${i}`, text: t, lang: 'en', ...(doc ? { doc } : {}) }));

  it('reads each `doc` as one document and a file without `doc` as one', () => {
    const modes = documentModes([...records(DEBATE, 'd1'), ...records(ARTICLE, 'a1')]);
    expect(modes.get('doc:d1')).toBe('checkworthy');
    expect(modes.get('doc:a1')).toBe('policy');
    expect(documentModes(records(DEBATE)).get('')).toBe('checkworthy');
  });

  it('labels a debate sentence by its document, not by itself alone', () => {
    const inDebate = predictAll(records(DEBATE, 'd1')).find((p) => p.id === `d1-${DEBATE.split('\n').indexOf(OPINION)}`);
    const alone = predictAll([{ id: 'o', text: OPINION, lang: 'en' }])[0];
    expect(inDebate?.label).toBe(0);
    expect(alone?.label).toBe(1);
  });
});
