import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/extract-facts.js';

const page = (main: string, { lang = 'en', title = 'Privacy Policy | Acme' } = {}) =>
  `<html lang="${lang}"><head><title>${title}</title></head><body><main><h1>Privacy Policy</h1>${main}</main></body></html>`;
const facts = (main: string, options: { lang?: string; title?: string } = {}) => extractFacts(page(main, options)).document.facts;

describe('lawful bases', () => {
  it('reads the bases listed as short lines after a "legal bases" sentence', () => {
    const f = facts('<p>We rely on different legal bases to process your information.</p><p>To fulfil our contract with you</p><p>For our legitimate business interests</p><p>To comply with our legal obligations</p><p>With your consent</p>');
    expect(f.legalBasis).toEqual(['consent', 'contract', 'legal-obligation', 'legitimate-interests']);
  });

  it('reads the basis column of a table whose header names it', () => {
    const f = facts('<table><tr><td>Purpose</td><td>Lawful basis</td></tr></table><table><tr><td>Billing</td><td>Contract</td></tr></table><table><tr><td>Security</td><td>Legitimate interest</td></tr></table>');
    expect(f.legalBasis).toEqual(['contract', 'legitimate-interests']);
  });

  it('reads a French sentence that enumerates the bases without saying "base légale"', () => {
    const f = facts('<p>Nous traitons vos données avec votre consentement, pour exécuter notre contrat, pour respecter la loi ou dans notre intérêt légitime.</p>', { lang: 'fr' });
    expect(f.legalBasis).toEqual(['consent', 'contract', 'legal-obligation', 'legitimate-interests']);
  });

  it('does not take transfer clauses or a right that depends on consent as bases', () => {
    const f = facts('<p>For transfers we rely on standard contractual clauses.</p><p>You can withdraw consent if we process your data based on your consent.</p>');
    expect(f.legalBasis).toBeNull();
  });
});

describe('the AI use in other words', () => {
  it('reads a section under an AI heading as the AI use, even where its sentences do not say AI', () => {
    const f = facts('<h2>How we train our AI models</h2><p>We use your comments and the prompts you write.</p><p>You can opt out at any time.</p><h2>Payments</h2><p>We use your payment information to bill you.</p>');
    expect(f.includedData).toEqual(['ai-interactions', 'comments']);
    expect(f.aiTrainingDefault).toBe('on');
  });

  it('reads "machine learning models" and French "apprentissage automatique" as AI', () => {
    expect(facts('<p>We use your posts to train our machine learning models.</p>').includedData).toEqual(['posts']);
    expect(facts('<p>Nous utilisons vos publications pour entraîner nos modèles d’apprentissage automatique.</p>', { lang: 'fr' }).includedData).toEqual(['posts']);
  });

  it('keeps a category included when a scoped subset of it is said not to be used', () => {
    const f = facts('<p>We use your posts and comments to train our AI models. We do not use posts you have deleted to train them.</p>');
    expect(f.includedData).toEqual(['comments', 'posts']);
    expect(f.excludedData).toBeNull();
  });

  it('does not read a generic "improve our services" purpose as training', () => {
    expect(facts('<p>We use your profile, posts and location to provide and improve our services.</p>').includedData).toBeNull();
  });

  it('reads the default from opt-out and opt-in wording', () => {
    expect(facts('<p>We use your posts to train our AI models unless you opt out.</p>').aiTrainingDefault).toBe('on');
    expect(facts('<p>Vous pouvez vous y opposer : nous utilisons vos publications pour entraîner nos modèles d’IA.</p>', { lang: 'fr' }).aiTrainingDefault).toBe('on');
    expect(facts('<p>We train our AI models on your posts only if you opt in.</p>').aiTrainingDefault).toBe('off');
    expect(facts('<p>We use your posts to train our AI models. You may choose at any time to opt out of this AI training.</p>').aiTrainingDefault).toBe('on');
    expect(facts('<p>We use your posts to train our AI models. You cannot opt out of this.</p>').aiTrainingDefault).toBeNull();
  });

  it('never names the service itself as its AI provider', () => {
    const main = '<p>We use your chats with the assistant to train Google’s Gemini models.</p>';
    expect(facts(main, { title: 'Privacy Policy | Google' }).aiProviders).toBeNull();
    expect(facts(main, { title: 'Privacy Policy | Acme' }).aiProviders).toEqual(['google']);
  });

  it('names a sub-processor whose row describes an AI tool, not a cloud host', () => {
    const f = facts('<h2>Sub-processors</h2><table><tr><td>Notetaker Ltd.</td><td>AI tool that transcribes sales calls</td></tr></table><table><tr><td>Cloudbox Inc.</td><td>Hosting and backups</td></tr></table><table><tr><td>Acme</td><td>AI agent for support</td></tr></table>');
    expect(f.aiProviders).toEqual(['notetaker']);
  });

  it('does not name a party that only receives data to train its own models', () => {
    expect(facts('<p>If you do not opt out, partners such as OpenAI may use shared data to train their own AI models.</p>').aiProviders).toBeNull();
    expect(facts('<p>Our assistant uses models supplied by OpenAI, which may not train its own models on your data.</p>').aiProviders).toEqual(['openai']);
  });
});

describe('a document\'s own regional scope', () => {
  const scoped = (top: string) => extractFacts(`<html lang="en"><body><main><p>${top}</p><h1>Privacy Notice</h1><p>We use your posts to train our AI models.</p></main></body></html>`).document.facts;

  it('applies regions written at the top of the document to the AI use it describes', () => {
    expect(scoped('Privacy Notice for the EEA, the UK and Switzerland').regions).toEqual(['CH', 'EEA', 'GB']);
  });

  it('does not read one country alone at the top (a country picker) as the scope', () => {
    expect(scoped('United States').regions).toBeNull();
  });
});


describe('minors kept out of the AI use', () => {
  it('takes the age from the page\'s own definition of the word the exclusion uses', () => {
    const f = facts('<p>We do not use information of children for model training.</p><h2>Children</h2><p>Our games are not meant for children (under 13 or the age set by local law, whichever is higher).</p>');
    expect(f.minorsExcluded).toBe(true);
    expect(f.minimumAge).toBe(13);
  });

  it('gives no age when the page defines the word twice differently', () => {
    const f = facts('<p>We do not use information of children for model training.</p><p>In the US, children (under 13) need consent.</p><p>In Europe, children (under 16) need consent.</p>');
    expect(f.minorsExcluded).toBe(true);
    expect(f.minimumAge).toBeNull();
  });
});
