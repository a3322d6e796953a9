import { html, raw, type SafeHtml } from './html.js';

// Inline so the page works offline, with no build step and a strict CSP (no scripts at all).
const CSS = `
:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#f6f8fa;--card:#fff;--accent:#0a66c2;
--add-bg:#dafbe1;--add-fg:#116329;--add-strong:#aceebb;--del-bg:#ffebe9;--del-fg:#a40e26;--del-strong:#ffcecb;
--warn-bg:#fff8c5;--warn-fg:#7d4e00;--info-bg:#ddf4ff;--info-fg:#0550ae}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em}
.wrap{max-width:1120px;margin:0 auto;padding:0 20px}
.top{background:#0d1117;color:#fff}.top .wrap{display:flex;align-items:center;flex-wrap:wrap;gap:4px 24px;min-height:52px;padding-top:8px;padding-bottom:8px}
.brand{color:#fff;font-weight:700;font-size:17px;letter-spacing:.2px}.brand span{color:#7ee787}
.top nav{margin-left:auto;display:flex;flex-wrap:wrap;gap:4px 18px}.top nav a{color:#c9d1d9;font-size:14px}
main{padding:24px 0 60px}
h1{font-size:26px;margin:8px 0 4px}h2{font-size:19px;margin:32px 0 12px;display:flex;align-items:baseline;gap:8px}
h3{font-size:16px;margin:0}
.count{font-size:13px;font-weight:500;color:var(--muted);background:#e6e9ed;border-radius:10px;padding:0 8px}
.muted{color:var(--muted)}.small{font-size:13px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:14px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px}
.source header{display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.source .meta{margin:4px 0 0;font-size:13px;color:var(--muted);overflow-wrap:anywhere}
.source.is-failing{border-left:4px solid #cf222e}
.problem{margin:8px 0 0;font-size:13px;background:var(--warn-bg);color:var(--warn-fg);border-radius:6px;padding:4px 8px;overflow-wrap:anywhere}
.badge{display:inline-block;font-size:12px;font-weight:600;line-height:20px;padding:0 8px;border-radius:10px;background:#eaeef2;color:var(--muted)}
.badge.new,.badge.unchanged{background:var(--add-bg);color:var(--add-fg)}
.badge.changed{background:var(--info-bg);color:var(--info-fg)}
.badge.blocked{background:var(--warn-bg);color:var(--warn-fg)}
.badge.error,.badge.failing{background:var(--del-bg);color:var(--del-fg)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:3px 12px;margin:10px 0 0;font-size:13px}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
.chip{display:inline-block;font-size:12px;line-height:18px;padding:0 6px;margin:1px 2px 1px 0;border-radius:4px;background:#eaeef2}
.chip.add{background:var(--add-bg);color:var(--add-fg)}.chip.del{background:var(--del-bg);color:var(--del-fg);text-decoration:line-through}
ins.val{background:var(--add-bg);color:var(--add-fg);text-decoration:none;padding:0 4px;border-radius:3px}
ins.val,del.val{display:inline-block;max-width:100%}
del.val{background:var(--del-bg);color:var(--del-fg);padding:0 4px;border-radius:3px}
.filters{display:flex;gap:10px;flex-wrap:wrap;align-items:end;margin-bottom:14px}
.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:2px}
.filters select,.filters input{font:inherit;font-size:14px;padding:4px 6px;border:1px solid var(--line);border-radius:6px;background:#fff}
.filters select,.filters input,.filters button{height:32px;box-sizing:border-box}
.filters button{font:inherit;font-size:14px;padding:5px 14px;border-radius:6px;border:1px solid #1f883d;background:#1f883d;color:#fff;cursor:pointer}
ol.timeline{list-style:none;margin:0;padding:0;border-left:2px solid var(--line);margin-left:8px}
ol.timeline li.change{position:relative;padding:0 0 16px 20px}
ol.timeline li.change::before{content:"";position:absolute;left:-7px;top:6px;width:12px;height:12px;border-radius:50%;background:var(--accent);border:2px solid var(--bg)}
ol.timeline li.change.text-only::before{background:#8c959f}
.change time{font-size:13px;color:var(--muted)}
.change .what{margin:2px 0 0}.change .what a.title{font-weight:600}
ul.fact-lines{list-style:none;margin:4px 0 0;padding:0;font-size:14px}ul.fact-lines li{margin:2px 0}
.pager{margin-top:8px}
table{border-collapse:collapse;width:100%;background:var(--card)}
table.fact-diff{border:1px solid var(--line);border-radius:8px;overflow:hidden}
table.fact-diff th,table.fact-diff td{text-align:left;padding:8px 12px;border-bottom:1px solid var(--line);vertical-align:top;font-size:14px}
table.fact-diff th{background:#f6f8fa;font-size:13px;color:var(--muted);font-weight:600}
.diff-box{border:1px solid var(--line);border-radius:8px;overflow:auto;background:var(--card)}
table.text-diff{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;line-height:1.55}
table.text-diff td{padding:0 10px;white-space:pre-wrap;overflow-wrap:anywhere;vertical-align:top}
table.text-diff td.num{width:1%;min-width:44px;text-align:right;color:#8c959f;user-select:none;white-space:nowrap;padding:0 8px}
table.text-diff td.sign{width:1%;padding:0 4px;user-select:none;color:var(--muted)}
tr.add td{background:var(--add-bg)}tr.add td.code{color:#0d3b1c}tr.add mark{background:var(--add-strong);color:inherit;border-radius:2px}
tr.del td{background:var(--del-bg)}tr.del td.code{color:#5c0b16}tr.del mark{background:var(--del-strong);color:inherit;border-radius:2px}
tr.hunk td{background:var(--info-bg);color:var(--muted);padding:2px 10px}
tr.note td{color:var(--muted);font-style:italic}
.legend{display:flex;gap:14px;font-size:13px;color:var(--muted);margin:0 0 8px}
.summary-meta{display:flex;gap:8px 20px;flex-wrap:wrap;font-size:14px;color:var(--muted);margin:6px 0 0}
.crumbs{font-size:14px}.empty{padding:20px;text-align:center;color:var(--muted)}
.error-box{background:var(--del-bg);color:var(--del-fg);border:1px solid #ffcecb;border-radius:8px;padding:12px 16px}
.table-scroll{max-width:100%;overflow-x:auto;border:1px solid var(--line);border-radius:8px;background:var(--card)}
.table-scroll table{min-width:100%}
table.facts-table th,table.facts-table td,table.checks th,table.checks td,table.snapshots th,table.snapshots td{text-align:left;padding:7px 12px;border-bottom:1px solid var(--line);vertical-align:top;font-size:14px}
table.facts-table thead th,table.checks thead th,table.snapshots thead th{background:#f6f8fa;font-size:13px;color:var(--muted);font-weight:600}
table.facts-table tbody th{font-weight:600;width:28%}
table.facts-table .fact-name{font-weight:400;color:var(--muted);font-size:12px}
table.facts-table td.value{width:30%;overflow-wrap:anywhere}
table.facts-table td.evidence{color:var(--muted);font-size:13px;overflow-wrap:anywhere}
table.facts-table tr.unstated th{color:var(--muted);font-weight:500}
q{quotes:"“" "”"}
table.checks td.when{white-space:nowrap}
table.checks td.note{overflow-wrap:anywhere;min-width:12em}
table.checks tr.blocked td{background:var(--warn-bg)}table.checks tr.error td{background:var(--del-bg)}
.fact-history{display:grid;grid-template-columns:14em 1fr;gap:0 16px;padding:10px 0;border-bottom:1px solid var(--line)}
.fact-history:last-child{border-bottom:0}
.fact-history h3{font-size:14px;margin:2px 0}
.fact-history ol{list-style:none;margin:0;padding:0;font-size:14px}
.fact-history li{margin:2px 0 6px;overflow-wrap:anywhere}
.fact-history li time,.fact-history .moved{font-size:13px;color:var(--muted)}
.fact-history li.current{font-weight:500}
.problem-days{display:flex;flex-wrap:wrap;gap:4px;margin:8px 0 12px;padding:0;list-style:none}
.problem-days li{font-size:12px;padding:0 6px;border-radius:4px;line-height:20px}
.problem-days li.blocked{background:var(--warn-bg);color:var(--warn-fg)}.problem-days li.error{background:var(--del-bg);color:var(--del-fg)}
pre.archived-text{white-space:pre-wrap;overflow-wrap:anywhere;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;line-height:1.55;margin:0}
.not-stated{font-style:italic}
h1 a.plain{color:inherit}.source-link{font-weight:400;margin-left:6px}
.dir{display:inline-block;font-size:12px;font-weight:600;line-height:18px;padding:0 7px;border-radius:9px;white-space:nowrap;vertical-align:1px}
.dir.wider{background:var(--del-bg);color:var(--del-fg)}.dir.narrower{background:var(--add-bg);color:var(--add-fg)}.dir.neutral{background:#eaeef2;color:var(--muted)}
.intro{margin:4px 0 0}form.filters+p,p.intro+form.filters{margin-top:12px}.intro .dir{font-weight:500}
ol.timeline li.change.dir-wider::before{background:#cf222e}ol.timeline li.change.dir-narrower::before{background:#1a7f37}ol.timeline li.change.dir-neutral::before{background:var(--accent)}
.change .what time{margin-left:6px}
ul.fact-lines li{padding:3px 0 3px 10px;border-left:3px solid var(--line);margin:4px 0}
ul.fact-lines li.wider{border-left-color:#cf222e}ul.fact-lines li.narrower{border-left-color:#1a7f37}
.fact-label{font-weight:600}
li.wider .chip.add,li.wider .chip.del,tr.wider .chip.add,tr.wider .chip.del,li.wider ins.val,tr.wider ins.val{background:var(--del-bg);color:var(--del-fg)}
li.narrower .chip.add,li.narrower .chip.del,tr.narrower .chip.add,tr.narrower .chip.del,li.narrower ins.val,tr.narrower ins.val{background:var(--add-bg);color:var(--add-fg)}
li.neutral .chip.add,li.neutral .chip.del,tr.neutral .chip.add,tr.neutral .chip.del,li.neutral ins.val,tr.neutral ins.val{background:var(--info-bg);color:var(--info-fg)}
del.val{background:#eaeef2;color:var(--muted)}
q.said{display:block;margin:3px 0 0;font-size:13px;color:var(--muted);font-style:italic;overflow-wrap:anywhere}
details.filter-box{margin:4px 0 8px}details.filter-box summary{cursor:pointer;color:var(--accent);font-size:14px;margin-bottom:8px}
.badge.last-change{background:var(--info-bg);color:var(--info-fg)}.badge.no-change{background:#eaeef2;color:var(--muted);font-weight:500}
.check-status .status{font-weight:600}.check-status .status.blocked{color:var(--warn-fg)}.check-status .status.error{color:var(--del-fg)}
table.fact-diff td.direction{white-space:nowrap}table.fact-diff td.direction .change-note{white-space:normal;margin-top:4px;font-size:13px}
table.fact-diff tr.wider td:first-child{box-shadow:inset 3px 0 #cf222e}table.fact-diff tr.narrower td:first-child{box-shadow:inset 3px 0 #1a7f37}
h2 .dir{font-size:12px}
table.facts-table tr:target{background:var(--warn-bg)}table.facts-table tr:target td,table.facts-table tr:target th{background:var(--warn-bg)}
table.compare{font-size:13.5px}
table.compare th,table.compare td{text-align:left;padding:8px 10px;border-bottom:1px solid var(--line);vertical-align:top;min-width:9em;max-width:18em}
table.compare thead th{background:#f6f8fa;font-size:12.5px;color:var(--muted);font-weight:600}
table.compare th.service{position:sticky;left:0;background:var(--card);min-width:11em;z-index:2;box-shadow:inset -1px 0 var(--line)}
table.compare thead th.service{background:#f6f8fa;z-index:3}
table.compare .kind{display:block;font-weight:400;font-size:12px;color:var(--muted)}
table.compare a.cell{color:inherit;display:block}table.compare a.cell:hover{text-decoration:none;background:var(--info-bg);border-radius:4px}
table.compare .default{font-weight:600}table.compare .default.on{color:var(--del-fg)}table.compare .default.off{color:var(--add-fg)}
table.compare .except{display:block;margin-top:3px;color:var(--muted);font-size:12.5px}
table.compare .upcoming{display:block}
.filters a.csv{margin-left:auto;align-self:center}
.table-scroll table.fact-diff{border:0;border-radius:0}table.fact-diff .fact-name{color:var(--muted);font-size:12px}
@media (max-width:640px){.top nav{gap:4px 12px;margin-left:0}.wrap{padding:0 12px}.grid{grid-template-columns:1fr}
.fact-history{grid-template-columns:1fr}
table.facts-table thead{display:none}
table.facts-table tr{display:block;padding:8px 12px;border-bottom:1px solid var(--line)}
table.facts-table tbody th,table.facts-table td,table.facts-table td.value{display:block;width:auto;padding:1px 0;border:0}
table.facts-table tr.unstated{display:flex;flex-wrap:wrap;gap:0 8px;align-items:baseline}
table.facts-table tr.unstated td.evidence,table.facts-table .fact-name,table.facts-table tbody th br{display:none}
table.facts-table tr.stated td.evidence q::before{content:"Read from: “"}table.facts-table td.evidence .none{display:none}
table.fact-diff thead{display:none}
table.fact-diff tr{display:grid;grid-template-columns:1fr 1fr;gap:4px 12px;padding:8px 12px;border-bottom:1px solid var(--line)}
table.fact-diff th,table.fact-diff td{display:block;border:0;padding:0}
table.fact-diff td:first-child,table.fact-diff td.direction{grid-column:1/-1}table.fact-diff td.direction{white-space:normal}
table.fact-diff tr.wider{box-shadow:inset 3px 0 #cf222e}table.fact-diff tr.narrower{box-shadow:inset 3px 0 #1a7f37}table.fact-diff tr.wider td:first-child,table.fact-diff tr.narrower td:first-child{box-shadow:none}
.filters a.csv{margin-left:0}
table.compare th,table.compare td{min-width:8em;padding:6px 8px}table.compare th.service{min-width:7.5em;max-width:9em}
table.fact-diff td:first-child{font-weight:600}
table.fact-diff td[data-label]::before{content:attr(data-label);display:block;font-size:12px;color:var(--muted)}
table.checks th.took,table.checks td.took,table.snapshots .size{display:none}
table.checks td.when{white-space:normal;min-width:7em}}
`;

// An inline icon, so browsers do not ask for /favicon.ico.
const FAVICON = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='7' fill='%230a66c2'/%3E%3Ccircle cx='8' cy='8' r='3' fill='%23fff'/%3E%3C/svg%3E";

/** The page shell: header with links to the feed and the JSON API, then the content. */
export function layout(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="${raw(FAVICON)}">
<link rel="alternate" type="application/atom+xml" title="policy-watch changes" href="/feed.atom">
<style>${raw(CSS)}</style>
</head>
<body>
<header class="top"><div class="wrap">
<a class="brand" href="/">policy<span>·</span>watch</a>
<nav><a href="/">Changes &amp; sources</a><a href="/facts">Side by side</a><a href="/feed.atom">Atom feed</a><a href="/api/changes">JSON API</a><a href="/metrics">Metrics</a></nav>
</div></header>
<main class="wrap">
${body}
</main>
</body>
</html>
`.value;
}

/** The web page of a source; a blog post's id keeps its `/` as a path separator. */
export function sourceHref(id: string): string {
  return `/sources/${id.split('/').map(encodeURIComponent).join('/')}`;
}

/** An ISO time shown as `2025-11-03 06:00 UTC`, machine-readable in `datetime`. */
export function timeTag(iso: string | null, fallback = 'never'): SafeHtml {
  if (iso === null) return html`<span class="muted">${fallback}</span>`;
  return html`<time datetime="${iso}" title="${iso}">${iso.slice(0, 16).replace('T', ' ')} UTC</time>`;
}

/** A link to an outside page, only for http(s) URLs (a stored `javascript:` URL stays text). */
export function externalLink(url: string, text: string = url.replace(/^https?:\/\//, '')): SafeHtml {
  if (!/^https?:\/\//i.test(url)) return html`<span>${text}</span>`;
  return html`<a href="${url}" rel="noopener noreferrer nofollow">${text}</a>`;
}

export function errorPage(status: number, message: string): string {
  return layout(`Error ${status} · policy-watch`, html`
<p class="crumbs"><a href="/">← Changes &amp; sources</a></p>
<h1>${status === 404 ? 'Not found' : 'Cannot show this'}</h1>
<p class="error-box">${message}</p>`);
}
