namespace DetainerRules.Web.Pages;

/// <summary>The pages' one stylesheet, served by the app itself: the Content-Security-Policy (<c>style-src 'self'</c>) refuses inline styles, and nothing is fetched from elsewhere.</summary>
public static class Stylesheet
{
    public const string Path = "/workbench.css";

    /// <remarks>Colours keep at least 4.5:1 contrast with their background; the layout is one column at phone width, where a long word from a file (an id, a link, markup shown as text) breaks rather than widening the page.</remarks>
    public const string Text = """
        :root { color-scheme: light; --ink: #1d1d1f; --muted: #4a4a52; --line: #c8c8cc; --panel: #f4f4f5; --link: #0b57a4; }
        * { box-sizing: border-box; }
        body { font-family: system-ui, sans-serif; margin: 0; color: var(--ink); background: #fff; line-height: 1.45; }
        header.site, footer.site { padding: 0.6rem 1.5rem; background: var(--panel); border-bottom: 1px solid var(--line); }
        footer.site { border-top: 1px solid var(--line); border-bottom: 0; margin-top: 3rem; font-size: 0.9rem; color: var(--muted); }
        header.site > a:first-child { font-weight: 600; } header.site nav { display: inline; margin-left: 0.6rem; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem; }
        a { color: var(--link); } a:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
        h1 { font-size: 1.6rem; margin: 0.5rem 0; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
        h3 { font-size: 1.05rem; margin: 0; }
        code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.92em; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
        .muted { color: var(--muted); }
        h1, h2, h3, p, li, dt, dd, blockquote, figcaption, table.catalog td:first-child { overflow-wrap: anywhere; }
        .scroll { overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
        th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
        thead th { background: var(--panel); }
        td.count { text-align: right; font-variant-numeric: tabular-nums; }
        td.count.zero { color: var(--muted); }
        tr.family th { background: #eaeaf0; font-weight: 600; }
        nav.states { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; }
        svg.span { width: 12rem; height: 0.9rem; display: block; }
        svg.span .axis { fill: #e4e4e7; } svg.span .bar { fill: #4a6fa5; } svg.span .open { fill: #2e7d4f; }
        .current { display: inline-block; font-size: 0.8rem; padding: 0 0.4rem; border-radius: 0.6rem; background: #d9f0e1; color: #14532d; border: 1px solid #2e7d4f; white-space: nowrap; }
        .level { display: inline-block; font-size: 0.8rem; padding: 0 0.4rem; border-radius: 0.3rem; border: 1px solid; white-space: nowrap; }
        .level.primary { background: #d9f0e1; color: #14532d; } .level.secondary { background: #fdf3c4; color: #5c4400; }
        .level.judgement { background: #fde2d4; color: #7a2e0b; } .level.unstated { background: #e4e4e7; color: #3a3a40; }
        .role { font-size: 0.8rem; color: var(--muted); }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
        dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
        .summary { white-space: pre-line; max-width: 50rem; }
        ol.timeline { list-style: none; padding-left: 1rem; border-left: 3px solid var(--line); }
        ol.timeline li { margin: 0.3rem 0; } ol.timeline li.this .title { font-weight: 600; }
        article.rule { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 1rem; border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.8rem; margin: 1rem 0; }
        article.rule:target { outline: 3px solid #f0a500; }
        article.rule dl { margin: 0.4rem 0 0; } article.rule dt { font-weight: 600; margin-top: 0.4rem; } article.rule dd { margin: 0 0 0 0.8rem; }
        article.rule dd ul { margin: 0; padding-left: 1.1rem; }
        .provisions { display: flex; flex-direction: column; gap: 0.6rem; }
        figure.cite { margin: 0; padding: 0.5rem 0.7rem; background: var(--panel); border-left: 4px solid #4a6fa5; }
        figure.cite.context { border-left-color: var(--line); }
        figure.cite blockquote { margin: 0 0 0.4rem; font-family: Georgia, serif; white-space: pre-line; }
        figure.cite figcaption { font-size: 0.9rem; }
        .unlinked { color: var(--muted); overflow-wrap: anywhere; }
        ul.cases > li { margin-bottom: 0.3rem; } ul.cases .because { color: var(--muted); }
        dd.exercised ul { margin: 0; padding-left: 1.1rem; } dd.uncovered { color: #7a2e0b; }
        .passed > .result { color: #14532d; font-weight: 600; } .failed > .result, .case .error { color: #7a2e0b; font-weight: 600; }
        form.booking fieldset { border: 1px solid var(--line); border-radius: 0.4rem; margin: 0 0 1rem; padding: 0.6rem 0.9rem; min-width: 0; }
        form.booking legend { font-weight: 600; padding: 0 0.3rem; }
        form.booking fieldset.requests { border: 0; padding: 0.4rem 0 0; margin: 0; }
        .fields { display: flex; flex-wrap: wrap; gap: 0.6rem 1.2rem; margin-bottom: 0.4rem; }
        .field { display: flex; flex-direction: column; gap: 0.2rem; }
        .field.check { margin: 0.2rem 0; }
        label.check { display: inline-flex; gap: 0.4rem; align-items: center; margin-right: 1rem; }
        input[type=text], select { font: inherit; color: var(--ink); background: #fff; padding: 0.25rem 0.4rem; border: 1px solid #767680; border-radius: 0.25rem; max-width: 100%; }
        input[type=text] { min-width: 17rem; } table.rows input[type=text] { min-width: 9rem; width: 100%; } table.rows td { min-width: 0; } table.rows input[id$="_on"] { min-width: 7.5rem; }
        select[multiple] { min-width: 24rem; width: 100%; }
        input:focus-visible, select:focus-visible, button:focus-visible, summary:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
        [aria-invalid=true] { border: 2px solid #b3261e; }
        p.error { color: #b3261e; margin: 0.2rem 0; font-size: 0.9rem; font-weight: 600; }
        section.problems { border: 2px solid #b3261e; background: #fdecea; padding: 0.2rem 1rem; border-radius: 0.4rem; }
        section.problems h2 { border: 0; margin-top: 0.6rem; }
        button { font: inherit; padding: 0.45rem 1.4rem; background: var(--link); color: #fff; border: 0; border-radius: 0.3rem; cursor: pointer; }
        p.actions { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
        table.decisions th.policy small { display: block; font-weight: normal; }
        table.decisions td { min-width: 13rem; max-width: 30rem; }
        table.decisions th[scope=row] { background: var(--panel); min-width: 9rem; }
        small.warning { color: #7a2e0b; } small.zone { color: var(--muted); }
        td.answer.required { background: #f8d4d1; } td.answer.permitted { background: #f8f1cf; } td.answer.forbidden { background: #dbe9f8; } td.answer.unknown, td.absent { background: #ececef; }
        td .value { font-weight: 600; }
        details summary { cursor: pointer; color: var(--link); font-size: 0.9rem; }
        .why { font-size: 0.92rem; } .why p { margin: 0.3rem 0; } .why h4 { margin: 0.5rem 0 0.3rem; font-size: 0.92rem; }
        .why ul.rules { padding-left: 1.1rem; margin: 0.3rem 0; } .why ul.trace, .why ul.trace ul { list-style: none; padding-left: 0.9rem; margin: 0.2rem 0; }
        .why .held { font-size: 0.8rem; font-weight: 600; } li.holds > .held { color: #14532d; } li.fails > .held { color: #7a2e0b; }
        .why .values { color: var(--muted); overflow-wrap: anywhere; }
        .why figure.cite { background: #fff; }
        form.start, form.draft, form.compare { margin: 1rem 0; }
        form.draft .field, form.compare .field { margin-bottom: 0.6rem; }
        textarea { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9rem; width: 100%; min-height: 24rem; padding: 0.4rem; border: 1px solid #767680; border-radius: 0.25rem; tab-size: 2; }
        textarea:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
        button.secondary { background: #fff; color: var(--link); border: 1px solid var(--link); }
        button:disabled { cursor: not-allowed; color: var(--muted); border-color: var(--line); }
        form.booking p.add { margin: 0 0 0.3rem; } form.booking p.add button { padding: 0.3rem 1rem; }
        form.booking .default-action { position: absolute; width: 1px; height: 1px; padding: 0; border: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        ol#diagnostics { padding-left: 1.4rem; } li.diagnostic { margin: 0.2rem 0; } li.diagnostic.error { color: #b3261e; } li.diagnostic.warning { color: #7a2e0b; }
        ol.listing { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.88rem; padding-left: 3.5rem; margin: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 0.3rem; }
        ol.listing li { white-space: pre-wrap; overflow-wrap: anywhere; padding: 0 0.4rem; } ol.listing li::marker { color: var(--muted); }
        ol.listing li.has-diagnostic { background: #fdecea; border-left: 3px solid #b3261e; } ol.listing li:target { outline: 3px solid #f0a500; }
        ol.listing .mark { display: block; font-family: system-ui, sans-serif; color: #b3261e; font-weight: 600; white-space: normal; }
        section.comparison p.problem { border: 2px solid #b3261e; background: #fdecea; padding: 0.5rem 1rem; border-radius: 0.4rem; }
        section.comparison table { width: auto; } section.comparison td.n { text-align: right; font-variant-numeric: tabular-nums; }
        section.comparison .agree-all { background: #d9f2dc; } section.comparison .agree-most { background: #f6efc6; } section.comparison .agree-some { background: #f8d9c4; } section.comparison .agree-few { background: #f3b9b4; }
        section.comparison .answer { display: inline-block; padding: 0 0.4rem; border-radius: 0.3rem; margin-right: 0.3rem; }
        section.comparison .required { background: #f3b9b4; } section.comparison .permitted { background: #f6efc6; } section.comparison .forbidden { background: #cfe3f7; } section.comparison .unknown { background: #e4e4e7; }
        section.comparison .released { background: #cfe3f7; } section.comparison .held_for_ice, section.comparison .transferred_to_ice { background: #f3b9b4; } section.comparison .discretionary { background: #f6efc6; }
        section.comparison details pre { background: var(--panel); padding: 0.5rem; overflow-x: auto; }
        section.comparison ul.regions > li { margin: 0.4rem 0; } section.comparison p.draft-answer { margin: 0.2rem 0; }
        section.comparison table.pairs th[scope=col] { vertical-align: bottom; padding: 0.3rem 0.1rem; } section.comparison table.pairs th[scope=col] span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
        section.comparison table.pairs td { padding: 0.2rem 0.3rem; font-size: 0.85rem; } section.comparison table.pairs td a { color: inherit; } section.comparison td.self { background: #e4e4e7; }
        section.comparison details.pair { margin: 0.3rem 0; } section.comparison details.pair h3 { font-size: 1rem; margin: 0.6rem 0 0.2rem; }
        svg.graph { max-width: none; font: 12px ui-monospace, "DejaVu Sans Mono", monospace; }
        svg.graph .edge { fill: none; stroke: #767680; stroke-width: 1.2; } svg.graph .edge.negated { stroke-dasharray: 5 4; stroke: #b3261e; }
        svg.graph rect { stroke: #767680; fill: #fff; } svg.graph .rule rect { fill: #f6efc6; } svg.graph .decision rect { fill: #cfe3f7; } svg.graph .condition rect { fill: #eef0f3; }
        svg.graph text { fill: #1f1f23; }
        @media (max-width: 40rem) {
          main { padding: 0.8rem; }
          article.rule { grid-template-columns: minmax(0, 1fr); }
          dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: 0.4rem; }
          table.catalog .timeline, table.catalog .where { display: none; }
          table.catalog td:first-child { min-width: 11rem; }
          input[type=text], select[multiple] { min-width: 0; width: 100%; }
          select { width: 100%; } ol.listing { padding-left: 2.6rem; } textarea { min-height: 16rem; }
          header.site nav { display: block; margin: 0.2rem 0 0; }
          .fields > .field { flex: 1 1 100%; }

          /* The charge and conviction rows stack: each row a box of its fields, each field under its column's name, nothing behind a sideways scroll. */
          table.rows, table.rows tbody, table.rows td { display: block; width: 100%; } table.rows thead { display: none; }
          table.rows tr { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0.3rem 0.6rem; border: 1px solid var(--line); border-radius: 0.3rem; padding: 0.4rem; margin-bottom: 0.5rem; }
          table.rows th[scope=row] { grid-column: 1 / -1; border: 0; padding: 0; background: none; }
          tbody#charge-rows th[scope=row]::before { content: "Charge "; } tbody#conviction-rows th[scope=row]::before { content: "Conviction "; }
          table.rows td { border: 0; padding: 0; } table.rows td::before { content: attr(data-label); display: block; font-size: 0.85rem; color: var(--muted); }
          table.rows input[type=text], table.rows input[id$="_on"] { min-width: 0; width: 100%; }

          /* The two-policy matrix fits the screen: its agreement column, the point of it, is not left behind a sideways scroll. */
          section.comparison table.matrix { font-size: 0.85rem; } section.comparison table.matrix th, section.comparison table.matrix td { padding: 0.2rem 0.3rem; }
          section.comparison table.matrix td:first-child { overflow-wrap: anywhere; }
        }
        """;
}
