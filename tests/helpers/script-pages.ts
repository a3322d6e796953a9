/**
 * Pages whose text a script writes after load, as single-page apps serve them: the HTML as served
 * is an empty shell (`<div id="app">`), and only a browser that runs the script sees the policy.
 */

/** The policy text the script draws: an effective date and an AI-training paragraph with an opt-out. */
export const DRAWN_POLICY = `
  <main>
    <h1>Privacy Policy</h1>
    <p>Effective November 3, 2025</p>
    <h2>How we use your data to train AI</h2>
    <p>We use your profile information and your posts to train generative AI models that improve our features.
       You can opt out at any time in Settings &amp; Privacy &gt; Data privacy &gt; Data for Generative AI Improvement.</p>
    <p>This applies to users in the United States and Canada.</p>
  </main>`;

/** A shell whose script draws `html` into the page after `delayMs` (a fetch-then-render app). */
export function scriptDrawnPage(html: string = DRAWN_POLICY, delayMs = 200): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy Policy</title></head>
<body><div id="app"></div>
<script>
  setTimeout(function () { document.getElementById('app').innerHTML = ${JSON.stringify(html)}; }, ${delayMs});
</script></body></html>`;
}

/** A shell whose script never draws anything. */
export const EMPTY_SHELL = `<!doctype html><html lang="en"><head><title>App</title></head>
<body><div id="app"></div><script>/* the bundle failed to load */</script></body></html>`;
