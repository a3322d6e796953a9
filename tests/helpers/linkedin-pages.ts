import { randomBytes } from 'node:crypto';

/** LinkedIn-like pages for pipeline tests, in our own words, with per-load noise. */
export interface PolicyPageOptions {
  title?: string;
  effective?: string; // "November 3, 2025"
  banner?: string | null; // top banner outside main
  regions?: string; // sentence fragment naming regions covered by AI training
  footerYear?: number;
  extraParagraph?: string;
  lang?: string;
}

export function privacyPolicyPage(options: PolicyPageOptions = {}): string {
  const nonce = randomBytes(8).toString('hex');
  const trk = randomBytes(4).toString('hex');
  const regions = options.regions ?? 'members in the United States';
  return `<!DOCTYPE html>
<html lang="${options.lang ?? 'en'}">
<head>
  <meta charset="utf-8">
  <title>${options.title ?? 'Privacy Policy'} | LinkedIn</title>
  <meta name="csrf-token" content="ajax:${nonce}">
  <script nonce="${nonce}">window.__pageLoad = { requestId: "${nonce}", t: ${Date.now()} };</script>
</head>
<body>
  <nav class="global-nav"><a href="/feed/?trk=nav_${trk}">Home</a> <a href="/login?trk=${trk}">Sign in</a> <a href="/signup">Join now</a></nav>
  ${options.banner ? `<div class="banner" role="alert"><p>${options.banner}</p></div>` : ''}
  <main id="main-content">
    <h1>${options.title ?? 'Privacy Policy'}</h1>
    <p><em>Effective ${options.effective ?? 'November 20, 2024'}</em></p>
    <section>
      <h2>1. Data we collect</h2>
      <p>We collect the information you give us when you create a profile, such as your name, your work history and your education.</p>
    </section>
    <section>
      <h2>2. How we use your data</h2>
      <p>We may use your personal data to develop and train artificial intelligence models that generate content, for ${regions}. This setting is on by default and you can turn it off.</p>
      <p>We do not use the content of your private messages to train these models.</p>
      ${options.extraParagraph ? `<p>${options.extraParagraph}</p>` : ''}
    </section>
    <p>Read more in our <a href="https://www.linkedin.com/help/linkedin/answer/a5538339?trk=${trk}&lipi=${nonce}">help article</a>.</p>
  </main>
  <footer class="footer"><p>LinkedIn Corporation © ${options.footerYear ?? 2025}</p>
    <ul class="language-selector"><li>Deutsch</li><li>Français</li><li>English (United Kingdom)</li></ul>
  </footer>
  <script nonce="${nonce}" src="/static/app.js?v=${trk}"></script>
</body>
</html>`;
}

export function authwallPage(): string {
  return `<!DOCTYPE html><html lang="en"><head><title>Sign Up | LinkedIn</title></head>
<body><main class="authwall"><h1>Join LinkedIn</h1><p>Sign in or join now to see this page.</p>
<form action="/uas/login-submit" method="post"><input name="session_key"><input type="password" name="session_password"><button>Sign in</button></form>
<p>New to LinkedIn? <a href="/signup?trk=authwall">Join now</a></p></main></body></html>`;
}
