import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/config-schema.js';
import { builtInSources } from '../../src/config/built-in-sources.js';

/** Unit tests of the schema alone (no disk); loading from files is covered by the CLI tests. */
describe('the config schema', () => {
  const issues = (value: unknown) => {
    const result = configSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`);
  };

  it('fills every default for an empty config', () => {
    const config = configSchema.parse({});
    expect(config.schedule).toBe('0 */6 * * *');
    expect(config.timezone).toBe('UTC');
    expect(config.fetch).toEqual({ timeoutMs: 30000, maxRetries: 2, maxBodyBytes: 10485760, maxConcurrency: 16, maxRequestsPerMinute: 30, respectRobotsTxt: false, perHost: { maxConcurrency: 1, delayMs: 1000 } });
    expect(config.failAfter).toBe(3);
    expect(config.api).toEqual({ host: '127.0.0.1', port: 8787 });
    expect(config.webhooks).toEqual([]);
  });

  it('accepts the example of the contract', () => {
    expect(issues({
      database: 'policy-watch.db', schedule: '0 */6 * * *', timezone: 'UTC', userAgent: 'policy-watch/1.0',
      fetch: { timeoutMs: 30000, maxRetries: 2, maxBodyBytes: 10485760, maxConcurrency: 4, maxRequestsPerMinute: 30, respectRobotsTxt: false },
      failAfter: 3, include: ['packs/linkedin.json'],
      sources: [
        { id: 'linkedin-privacy-policy', url: 'https://www.linkedin.com/legal/privacy-policy', kind: 'privacy-policy', language: 'en', select: 'main' },
        { id: 'linkedin-blog-trust', url: 'https://www.linkedin.com/blog/member/trust-and-safety', kind: 'blog', follow: ['/blog/member/trust-and-safety/*'] },
      ],
      webhooks: [{ url: 'https://hooks.example.com/policy', secret: 'env:POLICY_WATCH_WEBHOOK_SECRET', events: ['facts.changed'], format: 'json' }],
      api: { host: '127.0.0.1', port: 8787, token: 'env:POLICY_WATCH_API_TOKEN' },
    })).toEqual([]);
  });

  it('names an unknown key, at the top level and nested', () => {
    expect(issues({ colour: 'blue' })).toEqual([': unrecognized_keys']);
    expect(issues({ fetch: { timeout: 5 } })).toEqual(['fetch: unrecognized_keys']);
  });

  it('refuses a URL that is not http(s), a bad cron expression, a bad time zone and an unknown kind', () => {
    expect(issues({ sources: [{ id: 'a', url: 'ftp://x.org/', kind: 'privacy-policy' }] })).toEqual(['sources.0.url: custom']);
    expect(issues({ schedule: '61 * * * *' })).toEqual(['schedule: custom']);
    expect(issues({ timezone: 'Mars/Olympus' })).toEqual(['timezone: custom']);
    expect(issues({ sources: [{ id: 'a', url: 'https://x.org/', kind: 'tos' }] })).toEqual(['sources.0.kind: invalid_value']);
    expect(issues({ webhooks: [{ url: 'https://x.org/', events: ['facts.changd'] }] })).toEqual(['webhooks.0.events.0: invalid_value']);
  });

  it('has built-in sources that pass the schema with unique ids', () => {
    const sources = builtInSources();
    expect(issues({ sources })).toEqual([]);
    expect(new Set(sources.map((s) => s.id)).size).toBe(sources.length);
    expect(sources.map((s) => s.id)).toEqual(expect.arrayContaining([
      'linkedin-privacy-policy', 'linkedin-user-agreement', 'linkedin-eu-privacy-notice', 'linkedin-privacy-policy-fr',
      'linkedin-help-genai-faq', 'linkedin-help-genai-setting', 'linkedin-help-terms-update-2025', 'linkedin-blog-trust',
    ]));
  });
});
