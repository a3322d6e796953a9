import type { CheerioAPI } from 'cheerio';

/** Titles of LinkedIn's sign-in, sign-up and authwall pages (English and French). */
const WALL_TITLE =
  /^(?:linkedin:?\s*(?:login|log in)|(?:sign\s*(?:up|in)|log\s*in|join(?: linkedin)?|security verification|s['’]inscrire|s['’]identifier|connexion|inscription|vérification de sécurité)\b)|\b(?:sign\s*in|log\s*in|sign\s*up)\s*\|\s*linkedin\s*$|\b(?:s['’]identifier|s['’]inscrire|connexion)\s*\|\s*linkedin\s*$/i;
/** An H1 that is nothing but a sign-in call. */
const WALL_HEADING = /^(?:sign\s*in|sign\s*up|log\s*in|join linkedin|join now|welcome back|s['’]identifier|s['’]inscrire|connexion|inscription|rejoindre linkedin)\s*[.!]?$/i;
const WALL_URL = /\/(?:authwall|uas\/login|checkpoint\/|login|signup|reg\/join)\b/i;
const LOGIN_FORM = /\/(?:uas\/login|checkpoint\/|login-submit|signup|reg\/join|authwall)/i;
const JOIN_WORDS = /\b(?:sign in|sign up|join now|log in|agree & join|s['’]identifier|s['’]inscrire|se connecter|connexion|inscrivez-vous)\b/i;

/** Main text shorter than this, next to a login form, means the form is the page. */
const THIN_TEXT_CHARS = 700;

/**
 * True for a sign-in / sign-up / authwall page served instead of the content (LinkedIn answers
 * these with HTTP 200). A policy page that merely links to "Sign in" in its header is not one:
 * a login form only counts when the content around it is thin.
 */
export function detectSignInWall($: CheerioAPI, title: string | null, mainText: string): boolean {
  const docTitle = $('title').first().text().trim();
  if (WALL_TITLE.test(docTitle) || (title !== null && WALL_HEADING.test(title) && mainText.length < THIN_TEXT_CHARS * 3)) {
    return true;
  }
  const urls = [
    $('link[rel=canonical]').attr('href'),
    $('meta[property="og:url"]').attr('content'),
    $('meta[http-equiv="refresh" i]').attr('content'),
  ];
  if (urls.some((u) => u !== undefined && /\/authwall\b/i.test(u))) return true;
  if (urls.some((u) => u !== undefined && WALL_URL.test(u)) && mainText.length < THIN_TEXT_CHARS * 3) return true;
  const pageKey = $('meta[name=pageKey]').attr('content') ?? '';
  if (/authwall|checkpoint|login|signup|registration/i.test(pageKey)) return true;

  const forms = $('form').toArray();
  const loginForm = forms.some((f) => {
    const form = $(f);
    return LOGIN_FORM.test(form.attr('action') ?? '') || form.find('input[type=password]').length > 0;
  });
  const thin = mainText.length < THIN_TEXT_CHARS;
  if (loginForm && thin) return true;
  return thin && JOIN_WORDS.test(mainText) && mainText.length < 300 && $('input[type=password], input[type=email]').length > 0;
}
