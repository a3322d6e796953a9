import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/config-schema.js';
import { loadChannels } from '../../src/config/load-channels.js';
import { unresolvedSecret } from '../../src/notify/unresolved-secret.js';
import { UsageError } from '../../src/domain/errors.js';

/** The `webhooks` entries as channels (no disk: the schema and the resolver alone). */
describe('channels in the config', () => {
  const channels = (webhooks: unknown[], env: NodeJS.ProcessEnv = {}) => loadChannels(configSchema.parse({ webhooks }).webhooks, env, 'test.json');
  const problems = (webhooks: unknown[]) => {
    const result = configSchema.safeParse({ webhooks });
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts teams and ntfy endpoints like any webhook', () => {
    const [teams, ntfy] = channels([
      { url: 'https://acme.webhook.office.com/webhookb2/abc', format: 'teams' },
      { url: 'https://ntfy.sh/policy-alerts', format: 'ntfy', events: ['facts.changed'] },
    ]);
    expect(teams).toMatchObject({ url: 'https://acme.webhook.office.com/webhookb2/abc', format: 'teams', secret: null, secretRef: null });
    expect(ntfy).toMatchObject({ format: 'ntfy', events: ['facts.changed'] });
  });

  it('identifies an e-mail channel by its recipients, never by the SMTP URL that holds the password', () => {
    const [email] = channels([{ format: 'email', smtpUrl: 'smtp://alerts:hunter2@mail.example:587', from: 'policy-watch <pw@example.org>', to: ['zoe@example.org', 'al@example.org'] }]);
    expect(email).toMatchObject({
      url: 'mailto:al@example.org,zoe@example.org', format: 'email', smtpUrl: 'smtp://alerts:hunter2@mail.example:587',
      smtpUrlRef: null, from: 'policy-watch <pw@example.org>', to: ['zoe@example.org', 'al@example.org'],
    });
    expect(email!.url).not.toContain('hunter2');
    expect(channels([{ format: 'email', smtpUrl: 'smtps://mail.example', from: 'pw@example.org', to: 'one@example.org' }])[0]!.to).toEqual(['one@example.org']);
  });

  it('reads an SMTP URL from the environment, and leaves it for later when the variable is not set', () => {
    const hook = { format: 'email', smtpUrl: 'env:PW_SMTP', from: 'pw@example.org', to: 'a@example.org' };
    expect(channels([hook], { PW_SMTP: 'smtp://127.0.0.1:2525' })[0]).toMatchObject({ smtpUrl: 'smtp://127.0.0.1:2525', smtpUrlRef: 'env:PW_SMTP' });
    const unset = channels([hook])[0]!;
    expect(unset).toMatchObject({ smtpUrl: null, smtpUrlRef: 'env:PW_SMTP' });
    expect(unresolvedSecret(unset)).toBe('smtpUrl env:PW_SMTP is not set');
    expect(() => channels([hook], { PW_SMTP: 'https://not-smtp.example' })).toThrow(/webhooks\[0\]\.smtpUrl: environment variable PW_SMTP does not hold an smtp/);
  });

  it('says what an e-mail channel lacks, and what other channels must not have', () => {
    expect(problems([{ format: 'email', from: 'pw@example.org' }])).toEqual([
      'webhooks.0.smtpUrl: an "email" channel needs smtpUrl (smtp://host:port or env:NAME)',
      'webhooks.0.to: an "email" channel needs at least one recipient',
    ]);
    expect(problems([{ format: 'email', url: 'https://x.example/', smtpUrl: 'smtp://h', from: 'a@b.c', to: 'd@e.f' }])).toEqual(['webhooks.0.url: an "email" channel takes smtpUrl, from and to, not url']);
    expect(problems([{ format: 'ntfy' }])).toEqual(['webhooks.0.url: a "ntfy" channel needs its endpoint URL']);
    expect(problems([{ url: 'https://x.example/', to: 'd@e.f' }])).toEqual(['webhooks.0.to: only "email" channels take to']);
    expect(problems([{ format: 'email', smtpUrl: 'http://mail.example', from: 'a@b.c', to: 'd@e.f' }])).toEqual([expect.stringMatching(/^webhooks\.0\.smtpUrl: expected smtp:/)]);
    expect(problems([{ format: 'email', smtpUrl: 'smtp://h', from: 'nobody', to: ['d@e.f'] }])).toEqual([expect.stringMatching(/^webhooks\.0\.from: expected an e-mail address/)]);
    expect(problems([{ url: 'https://x.example/', format: 'pager' }])).toEqual([expect.stringMatching(/^webhooks\.0\.format: /)]);
  });

  it('keeps an unset env: secret as a reference instead of failing, and says so when it is needed', () => {
    const [hook] = channels([{ url: 'https://h.example/a', secret: 'env:PW_UNSET_SECRET' }]);
    expect(hook).toMatchObject({ secret: null, secretRef: 'env:PW_UNSET_SECRET' });
    expect(unresolvedSecret(hook!)).toBe('secret env:PW_UNSET_SECRET is not set');
    const [set] = channels([{ url: 'https://h.example/a', secret: 'env:PW_SET' }], { PW_SET: 's3' });
    expect(set).toMatchObject({ secret: 's3', secretRef: 'env:PW_SET' });
    expect(unresolvedSecret(set!)).toBeNull();
    expect(unresolvedSecret(channels([{ url: 'https://h.example/a' }])[0]!)).toBeNull();
  });

  it('refuses two entries for one endpoint or one set of recipients', () => {
    expect(() => channels([{ url: 'https://h.example/a' }, { url: 'https://h.example/a', format: 'slack' }])).toThrow(/webhooks\[1\]\.url: the same URL as webhooks\[0\]/);
    const mail = { format: 'email', smtpUrl: 'smtp://h', from: 'a@b.c' };
    expect(() => channels([{ ...mail, to: ['x@y.z', 'w@y.z'] }, { ...mail, to: ['w@y.z', 'x@y.z'] }])).toThrow(UsageError);
  });
});
