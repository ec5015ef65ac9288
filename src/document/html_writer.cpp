#include "document/html_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace csa::document {
namespace {

// The style sheet. Typography after GOV.UK and ONS publications: a plain sans-serif set in fonts that
// are installed locally (Liberation Sans is metric-compatible with Arial), generous line height, dark
// text (#0b0c0c), one accent blue (#206095, ONS "ocean blue", 6.6:1 on white) and, for warnings, a
// dark orange (#a94600, the Okabe-Ito vermilion darkened for contrast) that always comes with an
// icon, bold text and, for screen readers, the word "Warning", so no meaning rests on colour alone.
// Print: A4, the title page and contents on pages of their own, each chapter (level-1 heading) on a
// new page, table rows, figures and boxes not split across pages, table headers repeated (thead).
constexpr std::string_view kCss = R"css(
:root {
  --text: #0b0c0c; --secondary: #505a5f; --accent: #206095; --link: #1d70b8;
  --rule: #b1b4b6; --shade: #f3f2f1; --lead-bg: #e9f1f8; --warn: #a94600; --warn-bg: #fdf1e7;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--text); background: #fff;
  font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
  font-size: 17px; line-height: 1.5;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
main, .title-page { max-width: 62rem; margin: 0 auto; padding: 0 1.5rem; }
main { padding-bottom: 3rem; }
a { color: var(--link); text-decoration: underline; text-underline-offset: 0.15em; }
a:hover { color: #003078; }
a:focus { outline: 3px solid #fd0; background: #fd0; color: var(--text); }
.visually-hidden {
  position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important;
  overflow: hidden !important; clip: rect(0 0 0 0) !important; white-space: nowrap !important; border: 0 !important;
}

/* Title page */
.title-page { padding-top: 3rem; padding-bottom: 2.5rem; }
.title-page .band { height: 0.6rem; background: var(--accent); margin-bottom: 2.5rem; }
.title-page h1 { font-size: 2.5rem; line-height: 1.15; margin: 0 0 1rem; color: var(--accent); max-width: 20em; }
.title-page .subtitle { font-size: 1.5rem; line-height: 1.3; margin: 0 0 2.5rem; }
.title-page .meta { margin: 0; padding-top: 1rem; border-top: 1px solid var(--rule); color: var(--secondary); }
.title-page .meta p { margin: 0 0 0.3rem; }
.title-page .meta .author { color: var(--text); font-weight: bold; }

/* Headings: level 1 = h2, level 2 = h3, level 3 = h4 (the title is the page's one h1) */
h2, h3, h4, h5, h6 { line-height: 1.25; margin: 2.2rem 0 0.9rem; }
h2 { font-size: 1.9rem; color: var(--accent); padding-bottom: 0.4rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.4rem; }
h4 { font-size: 1.15rem; }
h5, h6 { font-size: 1rem; }
p { margin: 0 0 1rem; max-width: 45em; }
ul.list, ol.list { margin: 0 0 1.2rem; padding-left: 1.6rem; max-width: 45em; }
ul.list li, ol.list li { margin-bottom: 0.35rem; }

/* Contents */
nav.contents { margin: 2rem 0 2.5rem; }
nav.contents h2 { border-bottom: none; margin-top: 0; }
nav.contents ol { list-style: none; margin: 0; padding: 0; }
nav.contents > ol > li { margin: 0 0 0.6rem; }
nav.contents > ol > li > a { font-weight: bold; }
nav.contents ol ol { margin: 0.35rem 0 0 1.4rem; }
nav.contents ol ol li { margin: 0 0 0.25rem; }

/* Paragraph styles */
.lead { background: var(--lead-bg); border-left: 6px solid var(--accent); padding: 1rem 1.25rem 0.2rem; margin: 0 0 1.5rem; }
.lead p { font-size: 1.12em; max-width: none; }
p.note { font-size: 0.88em; color: var(--secondary); }
.warning {
  display: flex; gap: 0.9rem; align-items: center; background: var(--warn-bg);
  border-left: 6px solid var(--warn); padding: 0.9rem 1.2rem; margin: 0 0 1.5rem;
}
.warning .icon {
  flex: none; width: 1.8rem; height: 1.8rem; border-radius: 50%; background: var(--warn); color: #fff;
  font-weight: bold; font-size: 1.2rem; line-height: 1.8rem; text-align: center;
}
.warning p { font-weight: bold; max-width: none; margin: 0; }

/* Tables */
.table-block { margin: 1.8rem 0 2rem; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.88em; line-height: 1.35; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; font-weight: bold; font-size: 1.1em; padding: 0 0 0.6rem; color: var(--text); }
th, td { padding: 0.45rem 0.75rem 0.45rem 0; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th:last-child, td:last-child { padding-right: 0.5rem; }
thead th { vertical-align: bottom; border-bottom: 2px solid var(--text); background: var(--shade); padding-top: 0.55rem; }
thead th:first-child { padding-left: 0.5rem; }
tbody th, tbody td:first-child { padding-left: 0.5rem; }
tbody th { font-weight: normal; }
.num { text-align: right; white-space: nowrap; }
tr.total th, tr.total td { font-weight: bold; border-top: 2px solid var(--text); border-bottom: 2px solid var(--text); }
table.wide { font-size: 0.8em; }
table.wide th, table.wide td { padding-right: 0.5rem; }
.table-notes { margin-top: 0.6rem; font-size: 0.82em; color: var(--secondary); line-height: 1.4; }
.table-notes p { margin: 0 0 0.25rem; max-width: none; }

/* Figures */
figure { margin: 1.8rem 0 2rem; }
.figure-image svg { display: block; max-width: 100%; height: auto; }
figcaption { margin-top: 0.6rem; }
figcaption .caption { display: block; font-weight: bold; }
figcaption .source { display: block; font-size: 0.82em; color: var(--secondary); margin-top: 0.2rem; }

.page-break { height: 0; }

@page { size: A4; margin: 18mm 17mm 20mm; }
@media print {
  body { font-size: 10pt; line-height: 1.45; }
  main, .title-page { max-width: none; padding: 0; }
  .title-page { break-after: page; padding-top: 40mm; }
  .title-page h1 { font-size: 28pt; }
  .title-page .subtitle { font-size: 16pt; }
  h2 { font-size: 18pt; break-before: page; margin-top: 0; }
  nav.contents { break-before: page; margin-top: 0; }
  nav.contents h2 { break-before: avoid; }
  h3 { font-size: 13pt; margin-top: 1.4rem; }
  h4 { font-size: 11pt; margin-top: 1.2rem; }
  h2, h3, h4, h5, h6 { break-after: avoid; }
  p, li { orphans: 3; widows: 3; }
  a { color: inherit; text-decoration: none; }
  nav.contents a { color: var(--text); }
  .table-scroll { overflow: visible; }
  table { font-size: 8.8pt; }
  th, td { padding-top: 0.3rem; padding-bottom: 0.3rem; }
  table.wide { font-size: 7.8pt; }
  caption { font-size: 10pt; }
  tr, figure, .lead, .warning { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-notes { font-size: 8pt; }
  .page-break { break-after: page; }
}
)css";

// Tables with more columns than this print in a smaller size, so they fit the A4 text width.
constexpr std::size_t kWideTableColumns = 6;

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Inline text: escaped, with **bold** as <strong>.
std::string inline_html(std::string_view text) {
  std::string out;
  for (const auto& run : split_inline(text)) {
    out += run.bold ? "<strong>" + escape(run.text) + "</strong>" : escape(run.text);
  }
  return out;
}

// The figure's SVG, ready to sit inside the page: any XML declaration or doctype before <svg> dropped
// (not allowed inline), and every id made unique to the figure. Inline SVGs share the page's id space,
// so two charts that both define a clipPath "plot" would otherwise both use the first one.
std::string inline_svg(const FigureBlock& f) {
  std::string_view svg = f.svg;
  std::size_t start = svg.find("<svg");
  if (start == std::string_view::npos) return {};
  svg.remove_prefix(start);
  const std::string prefix = f.id + "-";
  std::string out;
  out.reserve(svg.size());
  std::size_t pos = 0;
  while (pos < svg.size()) {
    std::size_t best = std::string_view::npos;
    std::string_view hit;
    for (std::string_view pattern : {std::string_view(" id=\""), std::string_view("url(#"), std::string_view("href=\"#")}) {
      std::size_t at = svg.find(pattern, pos);
      if (at < best) {
        best = at;
        hit = pattern;
      }
    }
    if (best == std::string_view::npos) break;
    out.append(svg.substr(pos, best - pos));
    out.append(hit);
    out.append(prefix);
    pos = best + hit.size();
  }
  out.append(svg.substr(pos));
  return out;
}

// A styled cell's inline style (the PDF is printed from this HTML, so it shows the same). An indent
// level adds 1.2em to the cell's usual left padding (0.5rem in the first column, none elsewhere).
std::string style_attribute(const CellStyle* s) {
  if (s == nullptr) return {};
  std::string css;
  if (!s->fill.empty()) css += fmt::format("background:#{};", hex_digits(s->fill));
  if (!s->text.empty()) css += fmt::format("color:#{};", hex_digits(s->text));
  if (s->bold) css += "font-weight:bold;";
  if (s->indent > 0) css += fmt::format("padding-left:calc(0.5rem + {:.1f}em);", 1.2 * s->indent);
  else if (!s->fill.empty()) css += "padding-left:0.4rem;";  // the text clear of the fill's edge
  return css.empty() ? std::string() : fmt::format(" style=\"{}\"", css);
}

int html_level(int level) { return std::clamp(level, 1, 5) + 1; }

class HtmlWriter {
 public:
  explicit HtmlWriter(const Document& doc) : doc_(doc) {}

  std::string render() {
    const auto& m = doc_.meta;
    out_ += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
                        escape(m.language.empty() ? "en-GB" : m.language));
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += fmt::format("<title>{}</title>\n", escape(plain(m.title)));
    if (!m.author.empty()) out_ += fmt::format("<meta name=\"author\" content=\"{}\">\n", escape(m.author));
    if (!m.version.empty()) out_ += fmt::format("<meta name=\"generator\" content=\"{}\">\n", escape(m.version));
    out_ += fmt::format("<style>{}</style>\n</head>\n<body>\n", kCss);
    title_page();
    out_ += "<main>\n";
    for (const auto& block : doc_.blocks) {
      if (!is_box(block, Paragraph::Style::lead)) close_box();
      std::visit([this](const auto& b) { write(b); }, block);
    }
    close_box();
    out_ += "</main>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  static std::string plain(std::string_view text) {
    std::string s;
    for (const auto& run : split_inline(text)) s += run.text;
    return s;
  }

  static bool is_box(const Block& b, Paragraph::Style style) {
    const auto* p = std::get_if<Paragraph>(&b);
    return p != nullptr && p->style == style;
  }

  void title_page() {
    const auto& m = doc_.meta;
    out_ += "<header class=\"title-page\">\n<div class=\"band\"></div>\n";
    out_ += fmt::format("<h1>{}</h1>\n", inline_html(m.title));
    if (!m.subtitle.empty()) out_ += fmt::format("<p class=\"subtitle\">{}</p>\n", inline_html(m.subtitle));
    out_ += "<div class=\"meta\">\n";
    if (!m.author.empty()) out_ += fmt::format("<p class=\"author\">{}</p>\n", inline_html(m.author));
    if (!m.date.empty()) out_ += fmt::format("<p class=\"date\">{}</p>\n", inline_html(m.date));
    if (!m.version.empty()) out_ += fmt::format("<p class=\"version\">{}</p>\n", inline_html(m.version));
    out_ += "</div>\n</header>\n";
  }

  // Consecutive lead paragraphs share one summary box.
  void close_box() {
    if (lead_open_) out_ += "</div>\n";
    lead_open_ = false;
  }

  void write(const Heading& h) {
    int level = html_level(h.level);
    out_ += fmt::format("<h{0} id=\"{1}\">{2}</h{0}>\n", level, escape(h.id), inline_html(h.text));
  }

  void write(const Paragraph& p) {
    switch (p.style) {
      case Paragraph::Style::body:
        out_ += fmt::format("<p>{}</p>\n", inline_html(p.text));
        break;
      case Paragraph::Style::lead:
        if (!lead_open_) out_ += "<div class=\"lead\">\n";
        lead_open_ = true;
        out_ += fmt::format("<p>{}</p>\n", inline_html(p.text));
        break;
      case Paragraph::Style::note:
        out_ += fmt::format("<p class=\"note\">{}</p>\n", inline_html(p.text));
        break;
      case Paragraph::Style::warning:
        out_ += fmt::format(
            "<div class=\"warning\"><span class=\"icon\" aria-hidden=\"true\">!</span>"
            "<p><span class=\"visually-hidden\">Warning: </span>{}</p></div>\n",
            inline_html(p.text));
        break;
    }
  }

  void write(const BulletList& l) {
    const char* tag = l.numbered ? "ol" : "ul";
    out_ += fmt::format("<{} class=\"list\">\n", tag);
    for (const auto& item : l.items) out_ += fmt::format("<li>{}</li>\n", inline_html(item));
    out_ += fmt::format("</{}>\n", tag);
  }

  void write(const TableBlock& b) {
    const auto& t = b.table;
    // A left-aligned first column holds the row labels: header cells for screen readers.
    const bool row_headers = !t.columns.empty() && t.columns[0].align == table::Align::left;
    auto align_class = [&](std::size_t c) {
      return c < t.columns.size() && t.columns[c].align == table::Align::right ? " class=\"num\"" : "";
    };
    out_ += fmt::format("<div class=\"table-block\" id=\"{}\">\n<div class=\"table-scroll\">\n", escape(b.id));
    out_ += fmt::format("<table{}>\n<caption>{}</caption>\n<thead>\n<tr>",
                        t.columns.size() > kWideTableColumns ? " class=\"wide\"" : "", inline_html(caption(b)));
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      out_ += fmt::format("<th scope=\"col\"{}>{}</th>", align_class(c), inline_html(t.columns[c].title));
    }
    out_ += "</tr>\n</thead>\n<tbody>\n";
    for (std::size_t ri = 0; ri < t.rows.size(); ++ri) {
      const auto& r = t.rows[ri];
      out_ += r.kind == table::RowKind::total ? "<tr class=\"total\">" : "<tr>";
      for (std::size_t c = 0; c < r.cells.size(); ++c) {
        std::string text = inline_html(r.cells[c].text);
        std::string style = style_attribute(style_of(b.styles, ri, c));
        if (c == 0 && row_headers) {
          out_ += fmt::format("<th scope=\"row\"{}>{}</th>", style, text);
        } else {
          out_ += fmt::format("<td{}{}>{}</td>", align_class(c), style, text);
        }
      }
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table>\n</div>\n";
    if (!t.notes.empty()) {
      out_ += "<div class=\"table-notes\">\n";
      for (const auto& n : t.notes) out_ += fmt::format("<p>{}</p>\n", inline_html(n));
      out_ += "</div>\n";
    }
    out_ += "</div>\n";
  }

  void write(const FigureBlock& f) {
    out_ += fmt::format("<figure id=\"{}\">\n<div class=\"figure-image\" role=\"img\" aria-label=\"{}\">\n{}\n</div>\n",
                        escape(f.id), escape(plain(f.alt_text.empty() ? f.caption : f.alt_text)), inline_svg(f));
    out_ += fmt::format("<figcaption><span class=\"caption\">{}</span>", inline_html(caption(f)));
    if (!f.source.empty()) out_ += fmt::format("<span class=\"source\">{}</span>", inline_html(f.source));
    out_ += "</figcaption>\n</figure>\n";
  }

  void write(const PageBreak&) { out_ += "<div class=\"page-break\" aria-hidden=\"true\"></div>\n"; }

  // Headings of levels 1 and 2 marked in_contents, level 2 nested under the level 1 before it.
  void write(const Contents&) {
    out_ += "<nav class=\"contents\" aria-labelledby=\"csa-contents\">\n<h2 id=\"csa-contents\">Contents</h2>\n<ol>\n";
    bool item_open = false;  // a level-1 <li> waiting for its sub-list or its end
    bool sub_open = false;
    for (const auto& block : doc_.blocks) {
      const auto* h = std::get_if<Heading>(&block);
      if (h == nullptr || !h->in_contents || h->level > 2) continue;
      std::string link = fmt::format("<a href=\"#{}\">{}</a>", escape(h->id), inline_html(h->text));
      if (h->level == 2 && item_open) {
        if (!sub_open) out_ += "\n<ol>\n";
        sub_open = true;
        out_ += fmt::format("<li>{}</li>\n", link);
        continue;
      }
      if (sub_open) out_ += "</ol>\n";
      if (item_open) out_ += "</li>\n";
      sub_open = false;
      out_ += fmt::format("<li>{}", link);
      item_open = true;
    }
    if (sub_open) out_ += "</ol>\n";
    if (item_open) out_ += "</li>\n";
    out_ += "</ol>\n</nav>\n";
  }

  const Document& doc_;
  std::string out_;
  bool lead_open_ = false;
};

}  // namespace

std::string render_html(const Document& doc) {
  Document numbered = doc;
  numbered.number();
  return HtmlWriter(numbered).render();
}

}  // namespace csa::document
