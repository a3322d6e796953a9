/**
 * Pages of an invented service ("Quillpost") for the reading tests: a site frame without `main`
 * (header, menus, footer, cookie banner, screen-reader-only text), policies, error pages.
 */

export interface FrameOptions {
  title: string;
  lang?: 'en' | 'fr';
  /** Extra text appended to every menu link for screen readers, as some sites add one day. */
  srOnlyLinkText?: string;
  /** The footer's year, to show that footers are not text. */
  year?: number;
}

/** The site's chrome around `content`, without any `main`, `[role=main]` or `article`. */
export function siteFrame(content: string, options: FrameOptions): string {
  const sr = options.srOnlyLinkText ? `<span class="sr-only"> ${options.srOnlyLinkText}</span>` : '';
  const links = ['Home', 'Pricing', 'Stories', 'Help centre', 'Careers', 'Press'].map((l) => `<li><a href="/${l.toLowerCase().replace(/ /g, '-')}">${l}${sr}</a></li>`).join('');
  return `<!DOCTYPE html><html lang="${options.lang ?? 'en'}"><head><meta charset="utf-8"><title>${options.title}</title></head><body>
  <a class="skip" href="#content">Skip to content</a>
  <div id="onetrust-banner-sdk"><p>We use cookies to run Quillpost and to measure its audience. Accept all, refuse all, or choose.</p><button>Accept</button></div>
  <header class="site-header"><a href="/"><img alt="Quillpost" src="/logo.svg"></a><ul class="mega-menu">${links}</ul></header>
  <div class="menu-panel" aria-hidden="true"><a href="/a">Writers</a> <a href="/b">Readers</a> <a href="/c">Teams</a></div>
  <div class="layout"><div class="sidebar-links"><ul><li><a href="/legal/terms">Terms</a></li><li><a href="/legal/privacy">Privacy</a></li><li><a href="/legal/cookies">Cookies</a></li><li><a href="/legal/imprint">Imprint</a></li></ul></div>
  <div id="content" class="page-body">${content}</div></div>
  <div class="site-foot"><ul><li><a href="/about">About</a></li><li><a href="/blog">Blog</a></li><li><a href="/status">Status</a></li><li><a href="/contact">Contact</a></li></ul><p>© ${options.year ?? 2026} Quillpost Ltd</p></div>
  <footer><p>Quillpost Ltd, 4 Harbour Lane, Example Town</p></footer>
  <template><p>Template text that is never shown</p></template>
  </body></html>`;
}

/** A privacy policy's own text: long, several sections, and it mentions "not found" and "access" in passing. */
export function policyContent(options: { effective?: string; extra?: string } = {}): string {
  return `<h1>Quillpost Privacy Policy</h1>
  <p>Effective date: ${options.effective ?? 'March 3, 2026'}</p>
  <h2>1. What we collect</h2>
  <p>We collect the drafts you write, the comments you leave and the profile details you enter, so that Quillpost can publish and sync them.</p>
  <h2>2. Training our writing assistant</h2>
  <p>We use the posts and comments of our users to train the generative AI models behind our writing assistant, unless you opt out. Private messages are not used to train these models.</p>
  <h2>3. Your rights</h2>
  <p>You can ask for access to your data, its correction or its deletion. If a record you ask about is not found in our systems, we tell you so within thirty days.</p>
  <p>Access to your account by our staff is logged and limited to support requests you open.</p>
  ${options.extra ?? ''}
  <h2>4. Contact</h2>
  <p>Write to privacy@quillpost.example with any question about this policy or the way we handle personal data.</p>`;
}

/** French counterpart of the policy, for French error pages in the same frame. */
export function frenchPolicyContent(): string {
  return `<h1>Politique de confidentialité de Quillpost</h1>
  <p>Date d'entrée en vigueur : 3 mars 2026</p>
  <h2>1. Ce que nous collectons</h2>
  <p>Nous collectons les brouillons que vous écrivez, les commentaires que vous laissez et les informations de profil que vous saisissez.</p>
  <h2>2. Entraînement de notre assistant</h2>
  <p>Nous utilisons vos brouillons publiés pour entraîner les modèles de notre assistant d'écriture. Vous pouvez vous y opposer à tout moment dans vos paramètres.</p>
  <h2>3. Vos droits</h2>
  <p>Vous pouvez demander l'accès à vos données, leur rectification ou leur effacement. Nous répondons sous trente jours.</p>`;
}

/** Error and placeholder contents, as sites serve them with HTTP 200 inside their frame. */
export const ERROR_CONTENTS: Record<string, { lang: 'en' | 'fr'; title: string; content: string; seen: string }> = {
  'not found (en)': { lang: 'en', title: 'Page not found | Quillpost', content: '<h1>Page not found</h1><p>The page you asked for has moved or never existed. <a href="/">Go back home</a>.</p>', seen: 'Page not found' },
  'unavailable (en)': { lang: 'en', title: 'Quillpost', content: '<div class="notice"><p>This page is temporarily unavailable. Please try again in a few minutes.</p></div>', seen: 'This page is temporarily unavailable' },
  'something went wrong (en)': { lang: 'en', title: 'Quillpost', content: '<h2>Oops! Something went wrong.</h2><p>We are looking into it.</p>', seen: 'Something went wrong' },
  'access denied (en)': { lang: 'en', title: 'Access Denied', content: '<p>You don\'t have permission to access this resource on this server.</p><p>Reference #18.4f2c</p>', seen: 'Access Denied' },
  'bot check (en)': { lang: 'en', title: 'Just a moment...', content: '<p>Checking if the site connection is secure. Verify you are human by completing the action below.</p>', seen: 'Just a moment' },
  'enable javascript (en)': { lang: 'en', title: 'Quillpost', content: '<noscript>x</noscript><p>Please enable JavaScript to continue using Quillpost.</p>', seen: 'Please enable JavaScript' },
  'maintenance (en)': { lang: 'en', title: 'Quillpost', content: '<h1>We\'ll be back soon</h1><p>Quillpost is down for scheduled maintenance until 14:00 UTC.</p>', seen: "We'll be back soon" },
  'introuvable (fr)': { lang: 'fr', title: 'Page introuvable – Quillpost', content: '<h1>Page introuvable</h1><p>La page demandée a été déplacée. <a href="/">Retour à l\'accueil</a></p>', seen: 'Page introuvable' },
  'indisponible (fr)': { lang: 'fr', title: 'Quillpost', content: '<p>Ce service est temporairement indisponible. Merci de réessayer plus tard.</p>', seen: 'service est temporairement indisponible' },
  'erreur (fr)': { lang: 'fr', title: 'Quillpost', content: '<p>Une erreur est survenue. Veuillez recharger la page.</p>', seen: 'Une erreur est survenue' },
  'accès refusé (fr)': { lang: 'fr', title: 'Accès refusé', content: '<p>Vous n\'avez pas l\'autorisation de consulter cette page.</p>', seen: 'Accès refusé' },
  'robot (fr)': { lang: 'fr', title: 'Quillpost', content: '<p>Êtes-vous un robot ? Cochez la case pour continuer.</p>', seen: 'Êtes-vous un robot' },
  'javascript (fr)': { lang: 'fr', title: 'Quillpost', content: '<p>Veuillez activer JavaScript dans votre navigateur pour afficher ce site.</p>', seen: 'Veuillez activer JavaScript' },
  'maintenance (fr)': { lang: 'fr', title: 'Maintenance en cours – Quillpost', content: '<p>Le site est en maintenance. De retour très bientôt !</p>', seen: 'Maintenance en cours' },
};

/** One of the error contents in the site frame. */
export function errorPage(name: keyof typeof ERROR_CONTENTS): string {
  const e = ERROR_CONTENTS[name]!;
  return siteFrame(e.content, { title: e.title, lang: e.lang });
}
