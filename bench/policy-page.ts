/**
 * LinkedIn-like policy pages for the bench, in our own words: a large head of scripts and hidden
 * JSON, navigation, a long policy in <main>, a footer with a language picker, and per-load noise
 * (CSRF token, script nonces, request ids, tracking parameters, Ember ids) that changes on every
 * load while the policy itself stays the same.
 *
 * `policyTemplate()` builds a page once with placeholders; `fillNoise()` makes one load of it
 * cheaply, so the server spends its time serving, not generating.
 */

/** A small deterministic PRNG (mulberry32), so a source's page is the same on every load. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

const TOPICS = [
  ['Data we collect', 'We collect the information you give us when you create a profile, such as your name, your work history, your education, your skills and your location.'],
  ['How we use your data', 'We use your personal data to provide, support, personalise and develop our services, to keep them safe, and to show you relevant content and job offers.'],
  ['Generative AI', 'We may use your personal data to develop and train artificial intelligence models that generate content, for members in the United States. This setting is on by default and you can turn it off.'],
  ['Private messages', 'We do not use the content of your private messages to train content-generating models, and we do not use data of members under 18.'],
  ['Sharing information', 'We share your data with our affiliates, with service providers that process it on our behalf, and with others when the law requires it.'],
  ['Your choices', 'You can access, correct or delete your personal data at any time from Settings & Privacy, Data privacy, Data for Generative AI Improvement.'],
  ['Retention', 'We keep most of your personal data for as long as your account is open, and for a limited time afterwards to comply with the law.'],
  ['Security', 'We monitor for and try to prevent security breaches, using encryption and other measures, but no system is completely secure.'],
  ['Cross-border transfers', 'We process data both inside and outside of the country where you live and rely on legally provided mechanisms to transfer it lawfully.'],
  ['Legal basis', 'Where the law requires it, we rely on your consent, on our contract with you and on our legitimate interests to process your data.'],
  ['Cookies', 'We use cookies and similar technologies to recognise you and your devices across our services, as described in our Cookie Policy.'],
  ['Contact', 'If you have questions or complaints about this policy, you can contact us online or by mail, and you may contact your data protection authority.'],
] as const;

const FILLER = [
  'This section explains in plain words what we do and why we do it.',
  'Where we rely on your consent, you can withdraw it at any time in your settings.',
  'Some of these services are offered by our affiliates, who follow this policy.',
  'We will tell you before a material change takes effect, so that you can review it.',
  'Members, visitors and customers of our services are all covered by this policy.',
  'Our services change over time, and so may the data we need to provide them.',
  'You can learn more about each of these uses in our Help Center articles.',
  'We may combine data internally across the services covered by this policy.',
] as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface PolicyPageOptions {
  /** Seeds the page: the same seed gives the same policy. */
  seed: number;
  /** About this many bytes (±5%). Default 90,000. */
  sizeBytes?: number;
  title?: string;
}

/** Placeholders that `fillNoise()` replaces on every load. */
const NONCE = '\u0001N\u0001';
const TRK = '\u0001T\u0001';
const REQ = '\u0001R\u0001';
const NOW = '\u0001W\u0001';
const EMBER = '\u0001E\u0001';

/** A page with noise placeholders; deterministic for its seed. */
export function policyTemplate(options: PolicyPageOptions): string {
  const rand = prng(options.seed);
  const target = options.sizeBytes ?? 90_000;
  const title = options.title ?? `Privacy Policy ${options.seed}`;
  const effective = `${pick(rand, MONTHS)} ${1 + Math.floor(rand() * 28)}, ${2023 + Math.floor(rand() * 3)}`;

  // Roughly LinkedIn's proportions: ~40% scripts and hidden JSON, ~50% content, the rest chrome.
  const headBudget = Math.floor(target * 0.4);
  const head: string[] = [
    '<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
    `<title>${title} | LinkedIn</title>`,
    `<meta name="csrf-token" content="ajax:${NONCE}">`,
    `<meta name="pageKey" content="d_legal_privacy_policy">`,
    `<meta name="treeID" content="${REQ}">`,
    `<link rel="preload" href="https://static.licdn.com/aero-v1/sc/h/${TRK}.css" as="style">`,
    '<link rel="stylesheet" href="https://static.licdn.com/aero-v1/sc/h/legal.css">',
    `<script nonce="${NONCE}">window.__pageLoad = { requestId: "${REQ}", t: ${NOW} };</script>`,
  ];
  let size = head.join('\n').length;
  let blob = 0;
  while (size < headBudget) {
    const entries: string[] = [];
    for (let i = 0; i < 40; i++) entries.push(`{"$type":"com.linkedin.voyager.common.Tracking${i}","urn":"urn:li:page:${Math.floor(rand() * 1e9)}","trackingId":"${REQ}","value":"${'x'.repeat(20 + Math.floor(rand() * 40))}"}`);
    const part = blob % 2 === 0
      ? `<code style="display: none" id="bpr-guid-${blob}">{"data":{"included":[${entries.join(',')}]},"request":"${REQ}"}</code>`
      : `<script nonce="${NONCE}" type="text/javascript">(function(){var c=${JSON.stringify(entries.slice(0, 10).join(''))};window.lix_${blob}=c;window.t_${blob}=${NOW};})();</script>`;
    head.push(part);
    size += part.length;
    blob++;
  }
  head.push('</head>');

  const body: string[] = [
    `<body class="legal" data-li-page-instance="urn:li:page:d_legal;${REQ}">`,
    `<nav class="global-nav"><a id="${EMBER}1" href="/feed/?trk=nav_${TRK}">Home</a> <a href="/login?trk=${TRK}&amp;session_redirect=%2Flegal">Sign in</a> <a href="/signup?trk=guest_homepage">Join now</a></nav>`,
    '<main id="main-content" role="main">',
    `<h1>${title}</h1>`,
    `<p><em>Effective ${effective}</em></p>`,
  ];
  const mainBudget = Math.floor(target * 0.95) - size;
  let mainSize = body.join('\n').length;
  let section = 0;
  while (mainSize < mainBudget) {
    const [heading, lead] = TOPICS[section % TOPICS.length]!;
    const parts = [`<section id="${EMBER}${section + 10}" data-tracking-control-name="legal_section_${section}">`, `<h2>${section + 1}. ${heading}</h2>`, `<p>${lead}</p>`];
    for (let p = 0; p < 3; p++) {
      const sentences: string[] = [];
      for (let s = 0; s < 4; s++) sentences.push(pick(rand, FILLER));
      parts.push(`<p>${sentences.join(' ')} See <a href="https://www.linkedin.com/help/linkedin/answer/a${1000 + Math.floor(rand() * 9000)}?trk=${TRK}&amp;lipi=${NONCE}">this article</a>.</p>`);
    }
    parts.push('<ul>', ...['profile', 'posts', 'comments', 'skills'].map((what) => `<li>Your ${what}: ${pick(rand, FILLER)}</li>`), '</ul>', '</section>');
    const html = parts.join('\n');
    body.push(html);
    mainSize += html.length;
    section++;
  }
  body.push('</main>');
  body.push(`<footer class="footer"><p>LinkedIn Corporation © 2025</p><ul class="language-selector">${['Deutsch', 'Français', 'English (United Kingdom)', 'Español', 'Italiano', 'Nederlands', 'Polski', 'Português'].map((l) => `<li><a href="/legal/privacy-policy?_l=${l.slice(0, 2).toLowerCase()}&amp;trk=${TRK}">${l}</a></li>`).join('')}</ul></footer>`);
  body.push(`<input type="hidden" name="loginCsrfParam" value="${NONCE}">`);
  body.push(`<script nonce="${NONCE}" src="https://static.licdn.com/aero-v1/sc/h/app.js?v=${TRK}"></script>`);
  body.push('</body>', '</html>');
  return `${head.join('\n')}\n${body.join('\n')}\n`;
}

/** Bench page sizes spread between 40 and 130 KB (LinkedIn's help articles to its privacy policy). */
export function pageSize(n: number): number {
  return 40_000 + ((n * 7919) % 90_000);
}

let counter = 0;
const hex = (n: number) => n.toString(16).padStart(8, '0');

/** One load of a template: fresh nonces, request ids, tracking values and Ember ids. */
export function fillNoise(template: string): string {
  counter++;
  const nonce = hex(Math.floor(Math.random() * 2 ** 32)) + hex(counter);
  const trk = hex(Math.floor(Math.random() * 2 ** 32));
  const req = `${hex(counter)}-${hex(Math.floor(Math.random() * 2 ** 32))}`;
  const ember = `ember${100 + (counter % 900)}`;
  return template
    .split(NONCE).join(nonce)
    .split(TRK).join(trk)
    .split(REQ).join(req)
    .split(NOW).join(String(Date.now()))
    .split(EMBER).join(ember);
}

/** A ready page (one load), for in-process use such as the extraction figure. */
export function policyPage(options: PolicyPageOptions): string {
  return fillNoise(policyTemplate(options));
}
