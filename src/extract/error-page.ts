/**
 * Wording of error and placeholder pages that sites serve with HTTP 200 (English and French):
 * not found, unavailable, something went wrong, access denied, bot checks, "enable JavaScript",
 * maintenance.
 */
const ERROR_PATTERNS = [
  // not found
  String.raw`\b(?:page|document|content|resource|file)\s+(?:was\s+)?not\s+found\b`, String.raw`^not\s+found[.!]?$`, String.raw`\b404\s*(?:error|page|not\s+found|[-–:|])`, String.raw`(?:^|\berror\s+)404\b`,
  String.raw`\b(?:page|document|content)\s+(?:(?:you(?:'re| are)\s+looking\s+for|you\s+requested)\s+)?(?:does(?:\s+not|n't)\s+exist|(?:could|can)(?:\s+not|n't)\s+be\s+found|(?:is\s+)?no\s+longer\s+available)`,
  String.raw`\bwe\s+(?:couldn't|could\s+not|can't|cannot)\s+find\s+(?:the|that|this)\s+page`,
  String.raw`\bpage\s+(?:introuvable|non\s+trouv[ée]e|inexistante)`, String.raw`\bcette\s+page\s+n'existe\s+(?:pas|plus)`,
  String.raw`\b(?:la\s+)?page\s+(?:que\s+vous\s+(?:cherchez|recherchez|demandez)\s+)?(?:est\s+)?introuvable`,
  // unavailable
  String.raw`\b(?:page|service|site|content|document|website)\s+(?:is\s+)?(?:temporarily\s+|currently\s+)?unavailable\b`,
  String.raw`\b(?:this|the)\s+page\s+(?:is\s+(?:currently\s+|temporarily\s+)?unavailable|(?:isn't|is\s+not)\s+(?:currently\s+)?available)\b`,
  String.raw`^(?:temporarily\s+)?unavailable[.!]?$`, String.raw`\bservice\s+temporarily\s+unavailable`,
  String.raw`\b(?:page|service|site|contenu|document)\s+(?:est\s+)?(?:temporairement\s+|actuellement\s+)?indisponible`, String.raw`^indisponible[.!]?$`,
  // something went wrong
  String.raw`\bsomething\s+went\s+wrong\b`, String.raw`\b(?:an\s+)?(?:unexpected\s+)?error\s+(?:has\s+)?occurred\b`, String.raw`^(?:an\s+)?error(?:\s+\d{3})?[.!]?$`,
  String.raw`^oops\b`, String.raw`\bune\s+erreur\s+(?:inattendue\s+)?(?:s'est\s+produite|est\s+survenue)`, String.raw`\bquelque\s+chose\s+s'est\s+mal\s+pass[ée]`,
  String.raw`^erreur(?:\s+\d{3})?[.!]?$`, String.raw`\b(?:internal\s+)?server\s+error\b`, String.raw`\berreur\s+(?:interne\s+)?(?:du\s+)?serveur`,
  // access denied
  String.raw`\baccess\s+(?:is\s+)?denied\b`, String.raw`^(?:403\s+)?forbidden[.!]?$`, String.raw`\byou\s+(?:don't|do\s+not)\s+have\s+(?:permission|access)\s+to\s+(?:access|view)\s+this`,
  String.raw`\bacc[eè]s\s+(?:refus[ée]|interdit)`, String.raw`\bvous\s+n'avez\s+pas\s+(?:l'autorisation|acc[eè]s)`,
  // bot checks
  String.raw`\bcaptcha\b`, String.raw`\bare\s+you\s+(?:a\s+)?(?:human|robot)\b`, String.raw`\bverify\s+(?:that\s+)?you\s+are\s+(?:a\s+)?human\b`,
  String.raw`\bchecking\s+(?:if\s+the\s+site\s+connection\s+is\s+secure|your\s+browser)\b`, String.raw`^just\s+a\s+moment\b`, String.raw`\bunusual\s+traffic\b`,
  String.raw`(?:^|\s|¿)[êe]tes-vous\s+un\s+(?:robot|humain)`, String.raw`\bv[ée]rifi(?:ez|er|ons)\s+que\s+vous\s+[êe]tes\s+(?:un\s+)?humain`, String.raw`\btrafic\s+inhabituel`,
  // JavaScript required
  String.raw`\b(?:please\s+)?(?:enable|turn\s+on|activate)\s+javascript\b`, String.raw`\bjavascript\s+(?:is\s+)?(?:required|disabled|needs\s+to\s+be\s+enabled)\b`,
  String.raw`\byou\s+need\s+to\s+enable\s+javascript\b`,
  String.raw`\b(?:veuillez\s+)?activ(?:er|ez)\s+(?:le\s+)?javascript`, String.raw`\bjavascript\s+(?:est\s+)?(?:requis|n[ée]cessaire|d[ée]sactiv[ée])`,
  // maintenance
  String.raw`\b(?:down|closed)\s+for\s+(?:scheduled\s+)?maintenance\b`, String.raw`\bunder\s+maintenance\b`, String.raw`\b(?:we'll|we\s+will)\s+be\s+back\s+soon\b`,
  String.raw`\bscheduled\s+maintenance\b`, String.raw`\ben\s+(?:cours\s+de\s+)?maintenance\b`, String.raw`\bmaintenance\s+en\s+cours`, String.raw`\bde\s+retour\s+(?:tr[eè]s\s+)?bient[ôo]t`,
].map((source) => new RegExp(source, 'i'));

const matchesWording = (text: string) => ERROR_PATTERNS.some((re) => re.test(text));

/** Quoted spans: “Page not found”, "Access denied", « Page introuvable », 'Oops'. */
const QUOTED = /[“"«][^“”"«»]{1,120}[”"»]|(?<=^|\s)'[^'\n]{2,80}'(?=[\s.,;:!?)]|$)/g;

/**
 * A line that says the error, not one that quotes it: a help article explains what to do when
 * readers "see 'Page not found'"; an error page does not put its own message in quotes.
 */
const saysWording = (line: string) => matchesWording(line.replace(QUOTED, ' '));

/** How much of a heading the longest error wording covers (1 for "Page not found"). */
function coverage(heading: string): number {
  let longest = 0;
  for (const re of ERROR_PATTERNS) longest = Math.max(longest, re.exec(heading)?.[0].length ?? 0);
  return heading.length === 0 ? 0 : longest / heading.replace(/[\s.!…?]+$/, '').length;
}

/** A title or H1 is an error banner when error wording is most of it, not a topic it is about. */
const HEADING_COVERAGE = 0.5;

/** A title or H1 longer than this is a document's own title, not an error banner. */
const MAX_HEADING_CHARS = 90;
/** An error page's whole text is about a paragraph; policy pages are far longer. */
const SHORT_TEXT_CHARS = 600;
/** With an error title or H1, the page may carry a little more (links back, a search box). */
const HEADED_TEXT_CHARS = 1500;
/** "Collapsed": the main text is under this fraction of the last snapshot's... */
const COLLAPSE_RATIO = 0.2;
/** ...and short in absolute terms (a long page that halved is an edit, not an error). */
const COLLAPSED_TEXT_CHARS = 4000;
/** A line quoted in a reason is cut to this. */
const QUOTE_CHARS = 80;

export interface ErrorPageInput {
  /** The document's `<title>`. */
  docTitle: string | null;
  /** The first H1 of the content, if any. */
  h1: string | null;
  /** The main text as read (one block a line). */
  mainText: string;
  /** Length of the main text of the last snapshot of this page; absent for a first read. */
  previousTextChars?: number | null;
}

function quote(text: string): string {
  const t = text.trim();
  return `"${t.length > QUOTE_CHARS ? `${t.slice(0, QUOTE_CHARS - 1)}…` : t}"`;
}

/** Title without the site's name ("Page not found | Example" → "Page not found"). */
function headingWords(text: string | null): string | null {
  if (text === null) return null;
  const t = text.replace(/\s+/g, ' ').trim();
  if (t === '' || t.length > MAX_HEADING_CHARS) return null;
  return t.replace(/[’]/g, "'");
}

/**
 * Tells an error or placeholder page served instead of the document, and says what was seen
 * (`error page: "Page not found"`), or null for content. Only short pages are judged: a policy
 * that merely mentions "not found" or "access" is long, and its title is its own. A page whose
 * text collapsed to a fraction of the last snapshot's is judged on any of its lines.
 */
export function detectErrorPage(input: ErrorPageInput): string | null {
  const text = input.mainText.replace(/[’]/g, "'");
  const chars = text.length;
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const headings = [headingWords(input.h1), headingWords(input.docTitle)].filter((h): h is string => h !== null);
  if (chars < HEADED_TEXT_CHARS) {
    for (const heading of headings) {
      // The part before a " | Site" or " - Site" suffix is what the page says it is.
      const own = heading.split(/\s+[|–—-]\s+|\s*·\s*/)[0] ?? heading;
      if (coverage(own) >= HEADING_COVERAGE) return `error page: ${quote(own)}`;
    }
  }
  const previous = input.previousTextChars ?? null;
  const collapsed = previous !== null && previous > 0 && chars < previous * COLLAPSE_RATIO && chars < COLLAPSED_TEXT_CHARS;
  if (chars < SHORT_TEXT_CHARS || collapsed) {
    // A heading that did not read as an error banner is the page's topic, not its message.
    const line = lines.find((l) => l.length <= 300 && l !== input.h1?.trim() && saysWording(l));
    if (line !== undefined) return `error page: ${quote(line)}`;
    if (chars === 0 && headings.length > 0 && headings.some(matchesWording)) return `error page: ${quote(headings[0]!)}`;
  }
  return null;
}
