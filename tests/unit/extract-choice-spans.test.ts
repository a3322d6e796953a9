import { describe, expect, it } from 'vitest';
import { consentExceptionAt, maskDeniedChoices } from '../../src/extract/training-default/choice-spans.js';

const masked = (text: string, language: 'en' | 'fr' = 'en') => maskDeniedChoices(text, [language]).replace(/\s+/g, ' ').trim();

describe('maskDeniedChoices()', () => {
  it('blanks a negation whose scope is the choice, keeping every offset', () => {
    const text = 'Your reviews feed our models and there is no way to opt out.';
    const out = maskDeniedChoices(text, ['en']);
    expect(out).toHaveLength(text.length);
    expect(out).not.toMatch(/\bno\b/);
    expect(out.indexOf('reviews')).toBe(text.indexOf('reviews'));
  });

  it('reads "cannot be excluded", "are unable to object" and "cannot be switched off" as denied choices', () => {
    expect(masked('your profile cannot be excluded from it')).toBe('your profile from it');
    expect(masked('members are unable to object to this training')).toBe('members are to this training');
    expect(masked('the setting cannot be switched off')).toBe('the setting');
  });

  it('reads French denied choices, with or without the pronoun', () => {
    expect(masked("il n'est pas possible de vous y opposer", 'fr')).toBe('');
    expect(masked('Vous ne pouvez pas désactiver cette utilisation.', 'fr')).toBe('Vous cette utilisation.');
  });

  it('leaves a negation of the use itself alone', () => {
    expect(masked('Private messages cannot be used for this training and are excluded from it.')).toBe(
      'Private messages cannot be used for this training and are excluded from it.',
    );
    expect(masked('Vos messages privés ne sont pas utilisés.', 'fr')).toBe('Vos messages privés ne sont pas utilisés.');
  });
});

describe('consentExceptionAt()', () => {
  it('finds the user\'s own choice as the exception, in other verbs and in French', () => {
    const text = 'We will not train on your drafts unless you ask us to.';
    expect(consentExceptionAt(text, ['en'])).toBe(text.indexOf('unless'));
    expect(consentExceptionAt('Your chats are never used to refine our models without your prior approval.', ['en'])).not.toBeNull();
    expect(consentExceptionAt("Nous n'utiliserons pas vos notes, à moins que vous ne nous y autorisiez.", ['fr'])).not.toBeNull();
    expect(consentExceptionAt('Vos avis ne servent pas à nos modèles sans votre accord.', ['fr'])).not.toBeNull();
  });

  it('finds no consent exception where the exception is the law, de-identification or an opt-out', () => {
    expect(consentExceptionAt('We do not use your messages unless the law requires it.', ['en'])).toBeNull();
    expect(consentExceptionAt('Prompts are not used unless they are de-identified.', ['en'])).toBeNull();
    expect(consentExceptionAt('We use your posts unless you choose to opt out.', ['en'])).toBeNull();
  });
});
