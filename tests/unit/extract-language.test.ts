import { describe, expect, it } from 'vitest';
import { detectLanguage, readingLanguage } from '../../src/extract/detect-language.js';
import { extractFacts } from '../../src/extract/extract-facts.js';

const GERMAN = 'Wir verwenden Ihre öffentlichen Beiträge und Kommentare, um unsere Modelle der künstlichen Intelligenz zu trainieren. '
  + 'Private Nachrichten werden dafür nicht verwendet. Sie können dieser Nutzung jederzeit in den Einstellungen widersprechen.';
const SPANISH = 'Utilizamos sus publicaciones y comentarios públicos para entrenar y mejorar nuestros modelos de inteligencia artificial. '
  + 'Los mensajes privados no se utilizan para ello. Puede oponerse a este uso en cualquier momento desde la configuración.';
const FRENCH = 'Nous utilisons vos publications et vos commentaires publics pour entraîner et améliorer nos modèles d’intelligence artificielle. '
  + 'Vos messages privés ne sont pas utilisés. Vous pouvez vous opposer à cette utilisation à tout moment dans vos paramètres.';
const ENGLISH = 'We use your public posts and comments to train and improve our artificial intelligence models. '
  + 'Your private messages are not used for this. You can object to this use at any time in your settings.';

describe('detectLanguage()', () => {
  it('says a German page is German, whatever language the readers know', () => {
    expect(detectLanguage('auto', null, GERMAN)).toBe('de');
    expect(detectLanguage('auto', 'de-DE', GERMAN)).toBe('de');
  });

  it('says a Spanish page is Spanish, even when its <html lang> claims English', () => {
    expect(detectLanguage('auto', 'en', SPANISH)).toBe('es');
  });

  it('keeps a known <html lang> for a page in a known language', () => {
    expect(detectLanguage('auto', 'en', FRENCH)).toBe('en');
    expect(detectLanguage(undefined, 'fr-FR', FRENCH)).toBe('fr');
  });

  it('reads the words of a page without <html lang>', () => {
    expect(detectLanguage('auto', null, FRENCH)).toBe('fr');
    expect(detectLanguage('auto', null, ENGLISH)).toBe('en');
  });

  it('falls back on a short page to <html lang>, then to the closest known language, then to English', () => {
    expect(detectLanguage('auto', 'de', 'Kurz.')).toBe('de');
    expect(detectLanguage('auto', null, 'Nous utilisons vos données.')).toBe('fr');
    expect(detectLanguage('auto', null, '')).toBe('en');
  });

  it('reads a short page of English headings without <html lang> as English, though they score French first', () => {
    expect(detectLanguage('auto', null, 'Acme Blog Our new AI features Updating our terms Changes coming to our privacy policy')).toBe('en');
    expect(detectLanguage('auto', null, 'Politique de confidentialité : mise à jour de nos conditions générales')).toBe('fr');
  });

  it('gives the language asked for', () => {
    expect(detectLanguage('fr', 'en', ENGLISH)).toBe('fr');
  });
});

describe('readingLanguage()', () => {
  it('reads a French page served as English in French', () => {
    expect(readingLanguage('auto', 'en', FRENCH)).toBe('fr');
  });

  it('reads no page in a language the readers do not know', () => {
    expect(readingLanguage('auto', 'de', GERMAN)).toBeNull();
  });
});

describe('extractFacts() on a page in a language it does not read', () => {
  it('says the language and states no fact, rather than reading English words into it', () => {
    const html = `<html><body><main><h1>Datenschutzerklärung</h1><p>Gültig ab 1. März 2026.</p><p>${GERMAN}</p></main></body></html>`;
    const { document } = extractFacts(html);
    expect(document.language).toBe('de');
    expect(Object.values(document.facts).every((v) => v === null)).toBe(true);
    expect(document.evidence).toEqual({});
  });
});
