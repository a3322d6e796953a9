import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/extract-facts.js';

const page = (main: string, lang: string) =>
  `<html lang="${lang}"><head><title>Privacy Policy | Acme</title></head><body><main><h1>Privacy Policy</h1>${main}</main></body></html>`;
const facts = (main: string, lang = 'en') => extractFacts(page(main, lang)).document.facts;
const TRAINING = '<h2>Our AI</h2><p>We use your posts to train our AI models.</p>';
const FORMATION = '<h2>Notre IA</h2><p>Nous utilisons vos publications pour entraîner nos modèles d’IA.</p>';

describe('regions attached to something other than the people or the use', () => {
  it('does not take the place where an organisation is located, based or established as coverage', () => {
    expect(facts(`${TRAINING}<p>Our AI supplier, located in the United States, trains these models for us.</p>`).regions).toBeNull();
    expect(facts(`${TRAINING}<p>We use Lumen, an AI company based in Japan, to train our models.</p>`).regions).toBeNull();
    expect(facts(`${FORMATION}<p>Notre fournisseur d’IA, une société établie aux États-Unis, entraîne ces modèles.</p>`, 'fr').regions).toBeNull();
  });

  it('still reads people located or based in a region as covered', () => {
    expect(facts('<p>We use posts from members located in Brazil to train our AI models.</p>').regions).toEqual(['BR']);
    expect(facts('<p>Nous utilisons les publications des utilisateurs situés en Belgique pour entraîner nos modèles d’IA.</p>', 'fr').regions).toEqual(['BE']);
  });

  it('does not take where data is stored or transferred as coverage', () => {
    expect(facts(`${TRAINING}<p>The posts used to train our AI models are kept in Germany.</p>`).regions).toBeNull();
    expect(facts(`${FORMATION}<p>Les publications utilisées pour entraîner nos modèles d’IA sont transférées vers le Canada.</p>`, 'fr').regions).toBeNull();
  });

  it('does not take a company name that holds a place, or a name’s place in parentheses, as a region', () => {
    expect(facts('<p>Orbit Ireland Limited uses your posts to train our AI models.</p>').regions).toBeNull();
    expect(facts('<p>We use Lumen Labs (United States, Canada) to train our AI models on your posts.</p>').regions).toBeNull();
  });

  it('does not take a location column of a vendors table as coverage, but reads a table keyed by region', () => {
    const vendors = '<table><tr><th>Vendor</th><th>Purpose</th><th>Location</th></tr><tr><td>Lumen</td><td>Trains our AI models on your posts</td><td>United States</td></tr></table>';
    expect(facts(vendors).regions).toBeNull();
    const byRegion = '<table><tr><th>Region</th><th>Use</th></tr><tr><td>Canada</td><td>We use your posts to train our AI models</td></tr></table>';
    expect(facts(byRegion).regions).toEqual(['CA']);
  });

  it('does not take a law or a right named after a region as coverage', () => {
    expect(facts(`${TRAINING}<p>Under the EU AI Act, we use labels on content made by our AI.</p>`).regions).toBeNull();
    expect(facts('<p>If you live in Canada, you have the right to ask which posts we use to train our AI models.</p>').regions).toBeNull();
  });

  it('does not take a law or an authority named by an acronym or a title as coverage', () => {
    expect(facts(`${TRAINING}<p>As Brazil's LGPD requires, we use a notice before our AI models are trained on your posts.</p>`).regions).toBeNull();
    expect(facts(`${TRAINING}<p>We use posts to train our AI models as the Privacy Commissioner of Canada advises.</p>`).regions).toBeNull();
  });

  it('does not take the service’s own company in a country as coverage', () => {
    const html = '<html lang="en"><head><title>Privacy Policy | Acme</title></head><body><main><h1>Privacy Policy</h1><p>Acme Ireland uses your posts to train our AI models.</p></main></body></html>';
    expect(extractFacts(html, { url: 'https://acme.example/privacy' }).document.facts.regions).toBeNull();
  });

  it('does not take the regions of a regional section of a global page as coverage', () => {
    const section = (heading: string) =>
      facts(`${TRAINING}<h2>${heading}</h2><p>For users in Brazil, the posts used to train our AI models are processed on the basis of our legitimate interests.</p>`).regions;
    expect(section('Additional information for users in Brazil')).toBeNull();
    expect(section('Supplemental notice for residents of Brazil')).toBeNull();
    expect(section('How our AI works in Brazil')).toEqual(['BR']);
  });

  it('does not take where a choice is offered to the reader as coverage', () => {
    expect(facts(`${TRAINING}<p>If you live in the EEA or the UK, you can object to our use of your posts for AI training.</p>`).regions).toBeNull();
    expect(facts('<p>Si vous résidez en Suisse, vous pouvez vous opposer à l’utilisation de vos publications pour entraîner nos modèles d’IA.</p>', 'fr').regions).toBeNull();
    expect(facts('<p>We train our AI models on your comments, unless you are based in Norway.</p>').excludedRegions).toEqual(['NO']);
    expect(facts('<p>We use data from members in Canada to train our AI models, and you have the right to object to this use.</p>').regions).toEqual(['CA']);
  });

  it('does not read a denied choice as an exclusion of the region', () => {
    expect(facts(`${TRAINING}<p>Users in Chile cannot opt out of this training.</p>`).excludedRegions).toBeNull();
    expect(facts(`${TRAINING}<p>There is no way for users in Chile to turn it off.</p>`).excludedRegions).toBeNull();
    expect(facts(`${FORMATION}<p>Les utilisateurs au Chili ne peuvent pas s'opposer à cet entraînement.</p>`, 'fr').excludedRegions).toBeNull();
    expect(facts('<p>We do not use data from users in Chile to train our AI models.</p>').excludedRegions).toEqual(['CL']);
  });

  it('reads "around the world" as the use’s scope only where the clause states a scope or the training', () => {
    expect(facts(`${TRAINING}<p>Millions of people around the world use our AI assistant.</p>`).regions).toBeNull();
    expect(facts(`${TRAINING}<p>This AI training applies to users around the world.</p>`).regions).toEqual(['GLOBAL']);
  });
});

describe('a document’s own scope stated in a sentence', () => {
  const TOP = (scope: string, lang = 'en') =>
    facts(`<p>${scope}</p>${lang === 'en' ? TRAINING : FORMATION}`, lang).regions;

  it('reads the regions of the people the document says it is for', () => {
    expect(TOP('This notice applies to you if you live in the European Economic Area or Switzerland.')).toEqual(['CH', 'EEA']);
    expect(TOP('This privacy statement is intended for residents of Australia and New Zealand.')).toEqual(['AU', 'NZ']);
    expect(TOP('Cette politique concerne les personnes qui résident en Suisse et en Belgique.', 'fr')).toEqual(['BE', 'CH']);
  });

  it('reads no scope from a document that also applies elsewhere, excepts people, points to a section or names a section', () => {
    expect(TOP('This policy also applies to users in Canada.')).toBeNull();
    expect(TOP('This policy does not apply to residents of China.')).toBeNull();
    expect(TOP('This section applies only to residents of Brazil.')).toBeNull();
    expect(TOP('If you live in the EEA, see section 9 of this notice.')).toBeNull();
  });

  it('reads no scope when the page states no training use', () => {
    expect(facts('<p>This notice applies to residents of the United Kingdom.</p><p>Our AI assistant answers questions about your orders.</p>').regions).toBeNull();
  });
});
