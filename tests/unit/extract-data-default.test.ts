import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/extract-facts.js';

const page = (main: string, lang = 'en') =>
  `<html lang="${lang}"><head><title>Privacy Policy | Acme</title></head><body><main><h1>Privacy Policy</h1>${main}</main></body></html>`;
const facts = (main: string, lang = 'en') => extractFacts(page(main, lang)).document.facts;

describe('a denied choice', () => {
  it('names data that is used: included, never excluded, and no default', () => {
    const f = facts('<p>Comments you leave are used to train our AI models, and you have no option to opt out.</p>');
    expect(f.includedData).toEqual(['comments']);
    expect(f.excludedData).toBeNull();
    expect(f.aiTrainingDefault).toBeNull();
  });

  it('reads "cannot be excluded" as a double negative: the data is used', () => {
    const f = facts('<p>We improve our AI models with your posts. Your skills cannot be excluded from this either.</p>');
    expect(f.includedData).toEqual(['posts', 'skills']);
    expect(f.excludedData).toBeNull();
  });
});

describe('a refusal whose only exception is the user\'s choice', () => {
  it('is an opt-in use: its data is included and the default is off', () => {
    const f = facts('<p>We will not use your chats with the assistant to improve our AI models unless you allow us to.</p>');
    expect(f.includedData).toEqual(['ai-interactions']);
    expect(f.excludedData).toBeNull();
    expect(f.aiTrainingDefault).toBe('off');
  });

  it('reads an "inputs or outputs" pair as ai-interactions', () => {
    const f = facts('<p>We never train our models on your inputs or outputs without your express permission.</p>');
    expect(f.includedData).toEqual(['ai-interactions']);
    expect(f.aiTrainingDefault).toBe('off');
  });

  it('keeps only the refused clause: another clause of the sentence stays excluded', () => {
    const f = facts('<p>Private messages are never used to train our AI models; we will not use your prompts for it unless you tell us to.</p>');
    expect(f.includedData).toEqual(['ai-interactions']);
    expect(f.excludedData).toEqual(['private-messages']);
  });
});

describe('what only looks like an exclusion', () => {
  it('does not read "include, but are not limited to" as a negation', () => {
    const f = facts('<h2>AI features</h2><p>Information we collect includes, but is not limited to, your profile, comments and prompts sent to AI features.</p>');
    expect(f.excludedData).toBeNull();
  });

  it('does not exclude data that a sentence near a training statement says is not sent or kept', () => {
    const f = facts('<h2>Our AI</h2><p>We train our AI models on your public posts. We do not send your billing details to our model vendors.</p>');
    expect(f.includedData).toEqual(['posts']);
    expect(f.excludedData).toBeNull();
  });
});

describe('a purposes table', () => {
  it('names training data only in the row whose purpose trains a model or algorithm', () => {
    const f = facts(
      '<table><tr><td>Data</td><td>Purposes</td><td>Details</td></tr>' +
        '<tr><td>Profile</td><td>Sign-up; training our ranking algorithm</td><td>Your skills and location</td></tr>' +
        '<tr><td>Chat</td><td>Customer support</td><td>Private messages</td></tr></table>',
    );
    expect(f.includedData).toEqual(['location', 'profile', 'skills']);
    expect(f.excludedData).toBeNull();
  });
});

describe('opt-outs and objections, whoever their subject', () => {
  it('reads a third-person opt-out or objection about the use as on', () => {
    expect(facts('<p>Listings are used to train our AI models unless the host opts out.</p>').aiTrainingDefault).toBe('on');
    expect(facts('<p>We use reviews to improve our AI models. Customers may at any time object to this use.</p>').aiTrainingDefault).toBe('on');
  });

  it('reads an objection named as a noun, in French too', () => {
    expect(facts('<p>Nous entraînons nos modèles d’IA avec vos avis. Vous pouvez nous signaler votre opposition à ce traitement.</p>', 'fr').aiTrainingDefault).toBe('on');
    expect(facts('<p>We train our AI models on your posts; write to us with your objection to this use.</p>').aiTrainingDefault).toBe('on');
  });

  it('gives no default where the choice is denied to a third person', () => {
    expect(facts('<p>Listings are used to train our AI models, and hosts cannot opt out.</p>').aiTrainingDefault).toBeNull();
  });
});
