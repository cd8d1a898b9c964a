import { describe, expect, it } from 'vitest';
import { analyze, DETECTOR_VERSION } from '../../../lib/analysis';

const EN = 'OpenAI said its models will double in size by 2026. Critics argue that this is dangerous. ';
const FR = "Selon la Cnil, 55 % des entreprises utilisent l'IA. Il faut réguler ces usages. ";

describe('analyze', () => {
  it.each([
    ['empty', '', {}, { lang: 'und', claimsEnabled: false, gaveUp: undefined }],
    ['English', EN, {}, { lang: 'en', claimsEnabled: true, gaveUp: undefined }],
    ['French', FR, {}, { lang: 'fr', claimsEnabled: true, gaveUp: undefined }],
    ['French with an fr-FR hint', FR, { lang: 'fr-FR' }, { lang: 'fr', claimsEnabled: true, gaveUp: undefined }],
    ['German (other language)', 'Die Kommission sagte, dass die neuen Regeln für alle Anbieter gelten werden und nicht nur für die großen.', {}, { lang: 'de', claimsEnabled: false, gaveUp: undefined }],
    ['binary-looking', '\u0000\u0001\u0002\u0003PK\u0003\u0004\u0000\u0000'.repeat(200), {}, { lang: 'und', claimsEnabled: false, gaveUp: 'not-text' }],
  ])('%s', (_name, text, opts, expected) => {
    const r = analyze(text, opts);
    expect(r.lang).toBe(expected.lang);
    expect(r.claimsEnabled).toBe(expected.claimsEnabled);
    expect(r.gaveUp?.reason).toBe(expected.gaveUp);
    expect(r.detectorVersion).toBe(DETECTOR_VERSION);
    if (!r.claimsEnabled) expect(r.claims).toEqual([]);
  });

  it('finds claims and orgs in English and French', () => {
    const en = analyze(EN);
    expect(en.claims.length).toBe(2);
    expect(en.orgs.map((o) => o.text)).toContain('OpenAI');
    const fr = analyze(FR);
    expect(fr.claims.length).toBe(2);
    for (const c of [...en.claims, ...fr.claims]) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
  });

  it('gives up past maxChars at a sentence boundary and keeps what it found', () => {
    const text = EN.repeat(100);
    const r = analyze(text, { maxChars: 1000 });
    expect(r.gaveUp?.reason).toBe('too-large');
    expect(r.gaveUp?.at).toBeLessThanOrEqual(1000);
    expect(r.claims.length).toBeGreaterThan(0);
    for (const c of r.claims) expect(c.end).toBeLessThanOrEqual(r.gaveUp?.at ?? 0);
  });

  it('gives up on the time budget with an injected clock', () => {
    let t = 0;
    const now = (): number => (t += 5);
    const r = analyze(EN.repeat(200), { budgetMs: 50, now });
    expect(r.gaveUp?.reason).toBe('time-budget');
    expect(r.claims.length).toBeGreaterThan(0);
  });

  it('handles several MB without throwing and within the default size limit', () => {
    const huge = EN.repeat(40_000); // ~3.6 MB
    const r = analyze(huge);
    expect(r.gaveUp).toBeDefined();
    expect(['too-large', 'time-budget']).toContain(r.gaveUp?.reason);
  });

  it('never throws on odd input', () => {
    for (const text of ['?', '....', '\n\n\n', '🙂'.repeat(1000), 'a'.repeat(100_000), undefined as unknown as string, '\uFFFD'.repeat(500)]) {
      expect(() => analyze(text)).not.toThrow();
    }
  });
});
