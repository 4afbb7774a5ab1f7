// The CSS of a rendered story, shared by the report (inlined) and the web UI (served as a file).
// Highlight kinds differ by colour AND by underline pattern, so they stay apart without colour vision.

export const STORY_CSS = `
.px-story{--px-fg:#1a1a1a;--px-muted:#4a4a4a;--px-line:#c9c9c9;--px-bg:#ffffff;--px-soft:#f4f4f6;color:var(--px-fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
/* Sections below the reports are laid out when they come near the screen (a long story page paints sooner). */
.px-story>section{content-visibility:auto;contain-intrinsic-size:auto 600px}
.px-story h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
.px-story h3{font-size:1.1rem;margin:0}
.px-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.px-mark{color:inherit;border-radius:2px;padding:0 1px;text-decoration-thickness:2px;text-underline-offset:3px;cursor:pointer}
.px-conflict.px-mark,.px-badge.px-conflict{background:#ffd9d6;text-decoration-line:underline;text-decoration-style:wavy;text-decoration-color:#a1170f}
.px-partial.px-mark,.px-badge.px-partial{background:#ffedbf;text-decoration-line:underline;text-decoration-style:dashed;text-decoration-color:#7a4f00}
.px-exclusive.px-mark,.px-badge.px-exclusive{background:#dde7ff;text-decoration-line:underline;text-decoration-style:dotted;text-decoration-color:#1d47a6}
.px-agreement.px-mark,.px-badge.px-agreement{background:#d6f2dc;text-decoration-line:underline;text-decoration-style:solid;text-decoration-color:#1c6431}
.px-mark.px-context{background:transparent;text-decoration-thickness:1px;text-decoration-color:#bdbdbd}
.px-conflict.px-mark.px-context{text-decoration-color:#e3a7a2}
.px-ev-context{color:var(--px-muted);font-size:.95em}
.px-ev-value{font-weight:600;color:var(--px-fg)}
.px-verdict{font-size:.8rem;color:var(--px-muted)}
.px-mark.px-hover{box-shadow:inset 0 -3px 0 #333}
.px-mark.px-active{background:#fff1a8}
.px-mark.px-active.px-key{background:#ffd43b;outline:2px solid #111;outline-offset:0}
.px-badge{display:inline-block;font-size:.8rem;font-weight:600;padding:0 .35rem;border-radius:3px;text-decoration-line:none!important;border:1px solid #777}
.px-legend{display:flex;flex-wrap:wrap;gap:.75rem;list-style:none;padding:0;margin:.25rem 0 .75rem;font-size:.9rem}
.px-layout{display:grid;grid-template-columns:1fr;gap:1rem}
@media (min-width:1000px){.px-layout{grid-template-columns:minmax(260px,1fr) 3fr}.px-aside{position:sticky;top:0;max-height:100vh;overflow:auto;align-self:start}}
.px-findings{list-style:none;padding:0;margin:0}
.px-finding-item{margin:0 0 .5rem}
.px-finding{display:block;width:100%;text-align:left;font:inherit;color:inherit;background:var(--px-soft);border:1px solid var(--px-line);border-left:6px solid #777;border-radius:4px;padding:.4rem .5rem;cursor:pointer}
.px-finding.px-conflict{border-left-color:#a1170f}.px-finding.px-partial{border-left-color:#7a4f00}.px-finding.px-exclusive{border-left-color:#1d47a6}.px-finding.px-agreement{border-left-color:#1c6431}
.px-finding[aria-pressed="true"]{background:#fff6cc;border-color:#111}
.px-finding:focus-visible,.px-link:focus-visible,.px-text:focus-visible{outline:3px solid #1d47a6;outline-offset:2px}
.px-evidence{font-size:.85rem;color:var(--px-muted);margin:.25rem 0 0 1rem;padding:0}
.px-outlet{font-weight:600;color:var(--px-fg)}
.px-link{font:inherit;font-size:.85rem;background:none;border:none;color:#1d47a6;text-decoration:underline;cursor:pointer;padding:0}
.px-articles{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:1rem}
.px-article{border:1px solid var(--px-line);border-radius:6px;padding:.75rem;background:var(--px-bg);min-width:0}
.px-title{font-weight:600;margin:.25rem 0}
.px-meta{color:var(--px-muted);font-size:.85rem;margin:.25rem 0 .5rem}
.px-text{position:relative;white-space:pre-wrap;overflow-wrap:anywhere;max-height:70vh;overflow:auto;padding-right:.25rem;line-height:1.6}
.px-removed{margin-top:.5rem;font-size:.85rem;color:var(--px-muted)}
.px-reason{font-family:ui-monospace,monospace}
.px-table-wrap{overflow-x:auto}
.px-table{border-collapse:collapse;width:100%;font-size:.9rem}
.px-table th,.px-table td{border:1px solid var(--px-line);padding:.35rem .5rem;vertical-align:top;text-align:left}
.px-table thead th{background:var(--px-soft)}
.px-row-conflict th[scope=row]{background:#fff0ef}
.px-none{color:var(--px-muted)}
.px-val{font-variant-numeric:tabular-nums;font-weight:600}
.px-speaker,.px-tag{color:var(--px-muted);font-size:.85em}
.px-quotes{margin:0;padding-left:1rem}
.px-timeline{padding-left:1.25rem}
.px-facts,.px-reports{padding-left:1.25rem}.px-fact{margin:.35rem 0}.px-fact .px-link{text-align:left}
.px-steps{list-style:none;padding-left:0;margin:.25rem 0 .5rem;border-left:3px solid var(--px-line)}
.px-steps li{padding:.1rem 0 .1rem .6rem}
.px-when{font-variant-numeric:tabular-nums;color:var(--px-muted);font-size:.9em;display:inline-block;min-width:9.5rem}
.px-note{color:var(--px-muted);font-size:.9rem;margin:0}
.px-time{font-weight:600}.px-tvalue{color:var(--px-muted);font-size:.9em}
.px-chart{max-width:640px;display:block;margin:.5rem 0}
.px-generator{color:var(--px-muted);font-size:.8rem;margin-top:2rem}
.px-failures{border:1px solid #a1170f;padding:.5rem;border-radius:4px}
/* On a phone the page scrolls, not a box inside it. */
@media (max-width:700px){.px-text{max-height:none;overflow:visible}.px-table{font-size:.8rem}}
@media print{.px-text{max-height:none;overflow:visible}.px-story>section{content-visibility:visible}}
`;
