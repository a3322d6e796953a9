import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/extract-facts.js';

const providers = (main: string, lang = 'en') =>
  extractFacts(`<html lang="${lang}"><head><title>Privacy Policy | Acme</title></head><body><main><h1>Privacy Policy</h1>${main}</main></body></html>`).document.facts.aiProviders;

describe('AI products named in a sentence with no AI word', () => {
  it('reads the product name as the AI supplier', () => {
    expect(providers('<p>Your transcripts are sent to outside services, such as Google Gemini or OpenAI, to write summaries.</p>')).toEqual(['google', 'openai']);
    expect(providers('<p>Replies in our help widget are powered by Claude.</p>')).toEqual(['anthropic']);
    expect(providers('<p>Vos notes sont transmises à des services externes comme ChatGPT pour en faire un résumé.</p>', 'fr')).toEqual(['openai']);
  });

  it('keeps an AI product a supplier in a sentence that also speaks of storage, but not a bare company named beside it', () => {
    expect(providers('<p>We store recordings with cloud service providers, and transcripts are sent to services such as Claude for summaries.</p>')).toEqual(['anthropic']);
    expect(providers('<p>We share usage data with service providers such as Microsoft and OpenAI.</p>')).toEqual(['openai']);
  });

  it('does not take an integration the user connects, a sign-in, or a person or exchange of the same name as a supplier', () => {
    expect(providers('<p>You can connect your ChatGPT account to our service and export notes to it.</p>')).toBeNull();
    expect(providers('<p>You can sign in with Google or install our browser extension for Gemini.</p>')).toBeNull();
    expect(providers('<p>Claude Martin, who leads our support services, answers your questions.</p>')).toBeNull();
    expect(providers('<p>We accept crypto payments through the Gemini Exchange service.</p>')).toBeNull();
  });
});
