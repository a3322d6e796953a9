import type { Source } from '../domain/source.js';

/** What policy-watch watches when no config file is given: LinkedIn's policy pages on generative AI. */
export const BUILT_IN_SOURCES: Source[] = [
  { id: 'linkedin-privacy-policy', name: 'LinkedIn Privacy Policy', url: 'https://www.linkedin.com/legal/privacy-policy', kind: 'privacy-policy', language: 'en' },
  { id: 'linkedin-user-agreement', name: 'LinkedIn User Agreement', url: 'https://www.linkedin.com/legal/user-agreement', kind: 'user-agreement', language: 'en' },
  { id: 'linkedin-eu-privacy-notice', name: 'LinkedIn European Regional Privacy Notice', url: 'https://www.linkedin.com/legal/privacy/eu', kind: 'regional-notice', language: 'en' },
  { id: 'linkedin-privacy-policy-fr', name: 'LinkedIn Politique de confidentialité', url: 'https://fr.linkedin.com/legal/privacy-policy', kind: 'privacy-policy', language: 'fr' },
  { id: 'linkedin-help-genai-faq', name: 'LinkedIn Help: generative AI FAQ', url: 'https://www.linkedin.com/help/linkedin/answer/a5538339', kind: 'help-article', language: 'en' },
  { id: 'linkedin-help-genai-setting', name: 'LinkedIn Help: data for generative AI improvement setting', url: 'https://www.linkedin.com/help/linkedin/answer/a6278444', kind: 'help-article', language: 'en' },
  { id: 'linkedin-help-terms-update-2025', name: 'LinkedIn Help: 2025 terms update', url: 'https://www.linkedin.com/help/linkedin/answer/a8059228', kind: 'help-article', language: 'en' },
];
