package ad.eval.report;

/** The report's style sheet, inline in the page: system fonts, quiet tables, figures in a grid. */
final class ReportStyle {
  private ReportStyle() {}

  static final String CSS = """
      :root { --text: #212121; --muted: #6b6b6b; --line: #e3e3e3; --zebra: #f7f8fa; --accent: #0072b2; }
      * { box-sizing: border-box; }
      body { margin: 0; background: #fff; color: var(--text);
        font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Helvetica, Arial, sans-serif; }
      main { max-width: 1240px; margin: 0 auto; padding: 28px 32px 64px; }
      header { border-bottom: 2px solid var(--text); margin-bottom: 12px; }
      h1 { font-size: 28px; margin: 0 0 4px; }
      h2 { font-size: 21px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
      p { margin: 6px 0 10px; }
      .lead { font-size: 16px; max-width: 80ch; }
      .muted { color: var(--muted); font-size: 13px; }
      nav ul { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
      nav a { color: var(--accent); text-decoration: none; font-size: 14px; }
      nav a:hover { text-decoration: underline; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; margin: 8px 0 14px; font-size: 14px; }
      caption { text-align: left; font-weight: 600; padding: 4px 0 6px; white-space: nowrap; }
      th, td { padding: 6px 12px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
      thead th { border-bottom: 2px solid var(--text); font-weight: 600; white-space: nowrap; }
      table.summary tbody { border-top: 2px solid #bdbdbd; }
      table.summary tbody th { background: #fff; font-weight: 600; border-right: 1px solid var(--line); }
      table.summary tbody tr:nth-child(even) td, table.text tbody tr:nth-child(even) td { background: var(--zebra); }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.best strong { font-weight: 700; }
      .std { color: var(--muted); }
      .missing { color: var(--muted); }
      .warn { color: #b35900; font-size: 12px; }
      tr.baseline td:first-of-type { font-style: italic; }
      .tag { display: inline-block; font-size: 11px; font-style: normal; line-height: 1; padding: 3px 6px;
        margin-left: 4px; border-radius: 8px; background: #eceff1; color: #455a64; vertical-align: 1px; }
      ul.notes { color: var(--muted); font-size: 13px; margin: 4px 0 0; padding-left: 20px; }
      section > ul.notes { color: var(--text); font-size: 14px; margin: 4px 0 10px; }
      .flag { display: inline-block; font-size: 11px; line-height: 1.2; padding: 1px 5px; margin-left: 2px;
        border-radius: 3px; background: #fff3e0; color: #8a3c00; border: 1px solid #f0c8a0; white-space: nowrap;
        font-weight: 600; vertical-align: 1px; cursor: help; }
      .legend { font-size: 13px; color: var(--muted); margin: 10px 0 0; }
      .legend p { margin: 0 0 2px; }
      .legend ul { list-style: none; padding: 0; margin: 0; }
      .legend li { margin: 3px 0; }
      .legend .flag { margin: 0 6px 0 0; cursor: default; }
      details { margin: 4px 0 14px; }
      details > summary { cursor: pointer; color: var(--accent); font-size: 14px; font-weight: 600; padding: 4px 0; }
      table.text th, table.text td { padding: 6px 9px; }
      table.text td.num, table.text th.num { text-align: right; }
      table.text td.short { white-space: nowrap; }
      .figures { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
      figure { margin: 0; flex: 1 1 460px; max-width: 600px; }
      figure.wide { flex-basis: 100%; max-width: 100%; }
      figure.wide img { width: auto; max-width: 100%; }
      figure img { display: block; width: 100%; height: auto; border: 1px solid var(--line); }
      figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
      pre { background: var(--zebra); border: 1px solid var(--line); padding: 12px 14px; overflow-x: auto;
        font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
      @media print { main { max-width: none; padding: 0; } figure { break-inside: avoid; } }
      """;
}
