/** Pages for the content-fault tests, in our own words. */

/**
 * A French privacy policy whose facts hang on accented words: "décembre" (the effective date),
 * "Espace économique européen" (a region). With `cp1252Extras`, characters that exist in
 * windows-1252 but not in ISO-8859-1 (’ — €) too.
 */
export function frenchPolicyPage(options: { cp1252Extras?: boolean; metaTag?: string } = {}): string {
  const extras = options.cp1252Extras ? '<p>Vous pouvez l’activer ou le désactiver — à tout moment, sans frais (0 €).</p>' : '<p>Vous pouvez changer ce paramètre à tout moment.</p>';
  return `<!DOCTYPE html>
<html lang="fr">
<head>
  ${options.metaTag ?? '<meta charset="utf-8">'}
  <title>Politique de confidentialité | LinkedIn</title>
</head>
<body>
  <nav><a href="/feed/">Accueil</a></nav>
  <main>
    <h1>Politique de confidentialité</h1>
    <p>Date d'entrée en vigueur : 3 décembre 2025</p>
    <p>Nous utilisons les données de votre profil et vos publications pour entraîner des modèles d'IA générative qui créent du contenu, pour les membres de l'Espace économique européen, de la Suisse et du Royaume-Uni. Ce paramètre est activé par défaut.</p>
    ${extras}
  </main>
  <footer>© 2025 LinkedIn Corporation</footer>
</body>
</html>`;
}

/** HTML as it is found in the wild at its worst: no doctype, unclosed and misnested tags, stray end tags, unquoted attributes. */
export function malformedPolicyPage(): string {
  return `<html><head><title>Privacy Policy</title>
<body class=policy data-x=1 data-x=2>
<div><div></span></div></div></div></div>
<main id=main-content>
<h1>Privacy Policy</h2>
<p><em>Effective November 20, 2024
<p>We may use your personal data to <b><i>develop and train</b></i> artificial intelligence models that generate content, for members in the United States.
<table><tr><td>This setting is on by default<td>and you can turn it off.</table>
<p>We do not use the content of your private messages to train these models.
<ul><li>one<li>two</ul></ul></ol>
<!-- a comment -- with -- dashes -->
</main></main>
<footer><p>LinkedIn Corporation © 2025</footer>
`;
}
