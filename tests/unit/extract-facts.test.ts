import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/extract-facts.js';

const read = (main: string, lang = 'en') =>
  extractFacts(`<html lang="${lang}"><body><main>${main}</main></body></html>`).document;
const facts = (main: string, lang = 'en') => read(main, lang).facts;

describe('extractFacts() data categories', () => {
  it('puts a category named in a "we do not use" sentence into excludedData, not includedData', () => {
    const f = facts('<h1>Generative AI</h1><p>We do not use the content of your private messages to train generative AI models.</p>');
    expect(f.excludedData).toEqual(['private-messages']);
    expect(f.includedData).toBeNull();
  });

  it('reads "but not" inside one sentence clause by clause', () => {
    const f = facts('<p>We may use your profile and your posts to train generative AI models, but not your salary information.</p>');
    expect(f.includedData).toEqual(['posts', 'profile']);
    expect(f.excludedData).toEqual(['salary']);
  });

  it('reads French passive negation ("ne sont pas utilisés")', () => {
    const f = facts('<h1>IA générative</h1><p>Les messages privés ne sont pas utilisés pour entraîner nos modèles d’IA générative.</p>', 'fr');
    expect(f.excludedData).toEqual(['private-messages']);
  });

  it('does not read "not only" or French "ne ... que" as negations', () => {
    expect(facts('<p>We train generative AI models not only on your profile but also on your posts.</p>').includedData).toEqual(['posts', 'profile']);
    expect(facts('<h1>IA générative</h1><p>Pour entraîner nos modèles d’IA générative, nous n’utilisons que vos publications.</p>', 'fr').includedData).toEqual(['posts']);
  });

  it('reads list items under a negative lead-in as excluded', () => {
    const f = facts('<p>Data we don’t use to train generative AI models:</p><ul><li>Private messages</li><li>Payment information</li></ul>');
    expect(f.excludedData).toEqual(['payment-information', 'private-messages']);
  });

  it('ignores profile fields named for another purpose than AI training', () => {
    const f = facts('<h1>Privacy Policy</h1><h2>Data we collect</h2><p>Your profile includes your education, skills and location.</p><h2>AI</h2><p>We train generative AI models on your posts.</p>');
    expect(f.includedData).toEqual(['posts']);
  });

  it('does not read what the AI writes ("suggested posts") as data it is trained on', () => {
    const f = facts('<p>Our generative AI features can create suggested posts, messages or profile summaries.</p>');
    expect(f.includedData).toBeNull();
  });

  it('does not read "if you opt out, we won’t use ..." as an exclusion', () => {
    const f = facts('<p>If you opt out, we won’t use your profile to train generative AI models going forward.</p>');
    expect(f.excludedData).toBeNull();
  });
});

describe('extractFacts() regions', () => {
  it('reads the regions named as covered by the AI training', () => {
    const f = facts('<p>Starting November 3, 2025, we will use data from members in the European Union (EU), the European Economic Area (EEA) and Switzerland to train content-generating AI models.</p>');
    expect(f.regions).toEqual(['CH', 'EEA', 'EU']);
  });

  it('reads regions named as not covered as excludedRegions', () => {
    const f = facts('<p>At this time, we are not enabling training for generative AI on member data from the European Economic Area, Switzerland and the United Kingdom.</p>');
    expect(f.excludedRegions).toEqual(['CH', 'EEA', 'GB']);
    expect(f.regions).toBeNull();
  });

  it('reads "Designated Countries" as the EU, the EEA and Switzerland', () => {
    const f = facts('<p>We use some data of members in the Designated Countries to train content-generating AI models.</p>');
    expect(f.regions).toEqual(['CH', 'EEA', 'EU']);
  });

  it('reads French region names', () => {
    const f = facts('<p>Nous utiliserons les données des membres de l’Union européenne, du Royaume-Uni, de la Suisse et de Hong Kong pour entraîner nos modèles d’IA générative.</p>', 'fr');
    expect(f.regions).toEqual(['CH', 'EU', 'GB', 'HK']);
  });

  it('does not take a region from a non-AI sentence about the data controller', () => {
    const f = facts('<h2>Controller</h2><p>Our data controller for the EU is LinkedIn Ireland Unlimited Company.</p><h2>AI</h2><p>We train generative AI models on member data.</p>');
    expect(f.regions).toBeNull();
    expect(f.excludedRegions).toBeNull();
  });

  it('does not lend the AI topic of one sentence to a distant sentence of the same paragraph', () => {
    const f = facts('<p>We develop and train AI models. We also send you emails. We show you jobs. We keep your profile visible to members in the EU.</p>');
    expect(f.regions).toBeNull();
    expect(f.includedData).toBeNull();
  });

  it('lets an announced future coverage override a current exclusion of the same region', () => {
    const f = facts('<p>Currently we do not use data from members in the EU to train generative AI models. Starting November 3, 2025, we will use data from members in the EU to train these models.</p>');
    expect(f.regions).toEqual(['EU']);
    expect(f.excludedRegions).toBeNull();
  });

  it('reads "outside the EU" as the EU not being covered', () => {
    const f = facts('<p>We use data from members outside the EU to train generative AI models.</p>');
    expect(f.excludedRegions).toEqual(['EU']);
  });
});

describe('extractFacts() settings, minors, providers and legal basis', () => {
  it('reads "on by default" and "activé par défaut" as on, and opt-in wording as off', () => {
    expect(facts('<p>The Data for Generative AI Improvement setting is on by default.</p>').aiTrainingDefault).toBe('on');
    expect(facts('<p>Le paramètre Données pour l’amélioration de l’IA générative est activé par défaut.</p>', 'fr').aiTrainingDefault).toBe('on');
    expect(facts('<p>We only use your data to train generative AI models if you opt in.</p>').aiTrainingDefault).toBe('off');
    expect(facts('<p>The Data for Generative AI Improvement setting is off by default.</p>').aiTrainingDefault).toBe('off');
  });

  it('does not read a default of an unrelated setting', () => {
    expect(facts('<h1>Messaging</h1><p>Harmful message detection is on by default.</p>').aiTrainingDefault).toBeNull();
  });

  it('reads the exclusion of members under 18 from AI training', () => {
    const f = facts('<p>We don’t use data from members under 18 to train generative AI models.</p>');
    expect([f.minorsExcluded, f.minimumAge]).toEqual([true, 18]);
  });

  it('does not read the minimum age to use the service as an AI exclusion', () => {
    const f = facts('<h2>Eligibility</h2><p>The Services are not for use by anyone under the age of 16.</p><h2>AI</h2><p>We train generative AI models on posts.</p>');
    expect([f.minorsExcluded, f.minimumAge]).toEqual([null, null]);
  });

  it('reads the opt-out path in order, in English and French', () => {
    expect(facts('<p>To opt out of generative AI training, go to Settings &amp; Privacy &gt; Data privacy &gt; Data for Generative AI Improvement and turn it off.</p>').optOutPath)
      .toEqual(['Settings & Privacy', 'Data privacy', 'Data for Generative AI Improvement']);
    expect(facts('<p>Accédez à Préférences et confidentialité &gt; Confidentialité des données &gt; Données pour l’amélioration de l’IA générative.</p>', 'fr').optOutPath)
      .toEqual(['Préférences et confidentialité', 'Confidentialité des données', "Données pour l'amélioration de l'IA générative"]);
  });

  it('reads the opt-out path from numbered steps', () => {
    const f = facts('<p>To turn off training of generative AI on your data:</p><ol><li>Click the Me icon.</li><li>Select Settings &amp; Privacy.</li><li>Click Data privacy.</li><li>Click Data for Generative AI Improvement.</li></ol>');
    expect(f.optOutPath).toEqual(['Settings & Privacy', 'Data privacy', 'Data for Generative AI Improvement']);
  });

  it('reads model providers named in an AI sentence, but not an advertising affiliate', () => {
    expect(facts('<p>Some of our generative AI models are provided by Microsoft’s Azure OpenAI service.</p>').aiProviders).toEqual(['azure-openai', 'microsoft']);
    expect(facts('<p>We use generative AI. We share data with our affiliate Microsoft to show you relevant ads.</p>').aiProviders).toBeNull();
  });

  it('reads the lawful bases the page names', () => {
    expect(facts('<p>Lawful bases include consent, contract and legitimate interests.</p>').legalBasis).toEqual(['consent', 'contract', 'legitimate-interests']);
    expect(facts('<p>We rely on our legitimate interests to train these models.</p>').legalBasis).toEqual(['legitimate-interests']);
    expect(facts('<p>You must accept this Contract to use the Services.</p>').legalBasis).toBeNull();
  });

  it('keeps evidence to the sentence a fact was read from', () => {
    const doc = read('<h1>Privacy</h1><p>Effective November 3, 2025</p><p>We don’t use data from members under 18 to train generative AI models. Other text follows here.</p>');
    expect(doc.evidence).toEqual({
      effectiveDate: 'Effective November 3, 2025',
      minorsExcluded: "We don't use data from members under 18 to train generative AI models.",
      minimumAge: "We don't use data from members under 18 to train generative AI models.",
    });
  });
});

describe('extractFacts() language', () => {
  it('uses <html lang>, then the words of the page, unless a language is given', () => {
    expect(extractFacts('<html lang="fr-FR"><body><p>Hello</p></body></html>').document.language).toBe('fr');
    expect(extractFacts('<html><body><main><p>Nous utilisons vos données pour les services et la sécurité de la plateforme.</p></main></body></html>').document.language).toBe('fr');
    expect(extractFacts('<html lang="fr"><body><p>x</p></body></html>', { language: 'en' }).document.language).toBe('en');
  });
});
