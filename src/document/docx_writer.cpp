// The DOCX: the document as pandoc's JSON abstract syntax tree (pandoc-types 1.22, what pandoc 2.17
// reads), converted by `pandoc -f json -t docx` with our reference.docx for the styles. Building the
// tree ourselves, rather than writing Markdown for pandoc to parse, means no text can be misread as
// markup (a ward called "St. *Mary's*", a note starting "1.") and every block gets the Word style we
// choose: paragraph styles through pandoc's `custom-style` attribute, which the reference document
// defines (Lead, Note, Warning, Source Note; see data/report/make-reference-docx.sh).
#include "document/docx_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/subprocess.hpp"
#include "core/xml_escape.hpp"
#include "document/zip_part.hpp"

namespace csa::document {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The pandoc-types version of pandoc 2.17; pandoc refuses a document of another major version.
const json kApiVersion = json::array({1, 22, 2, 1});

// Paragraph styles defined in data/report/reference.docx (custom-style names are style names).
constexpr const char* kLeadStyle = "Lead";
constexpr const char* kNoteStyle = "Note";
constexpr const char* kWarningStyle = "Warning";
constexpr const char* kSourceStyle = "Source Note";        // table notes and figure sources
constexpr const char* kFigureStyle = "Captioned Figure";   // pandoc's, kept with its caption
constexpr const char* kImageCaptionStyle = "Image Caption";

json node(const char* type, json content) { return json{{"t", type}, {"c", std::move(content)}}; }
json node(const char* type) { return json{{"t", type}}; }

json attr(const std::string& id = "", const json& key_values = json::array()) {
  return json::array({id, json::array(), key_values});
}

// Plain text as pandoc inlines: words as Str, runs of white space as one Space.
void append_words(json& out, std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find_first_of(" \t\r\n", pos);
    if (end == pos) {
      if (out.empty() || out.back().at("t") != "Space") out.push_back(node("Space"));
      pos = text.find_first_not_of(" \t\r\n", pos);
      if (pos == std::string_view::npos) break;
      continue;
    }
    out.push_back(node("Str", std::string(text.substr(pos, end - pos))));
    pos = end;
  }
}

// Inline text with `**bold**` as Strong.
json inlines(std::string_view text) {
  json out = json::array();
  for (const auto& run : split_inline(text)) {
    if (run.bold) {
      json inner = json::array();
      append_words(inner, run.text);
      out.push_back(node("Strong", std::move(inner)));
    } else {
      append_words(out, run.text);
    }
  }
  return out;
}

json para(json in) { return node("Para", std::move(in)); }
json plain(json in) { return node("Plain", std::move(in)); }

// A Div whose paragraphs take the Word paragraph style `style`.
json styled(const char* style, json blocks) {
  return node("Div", json::array({attr("", json::array({json::array({"custom-style", style})})), std::move(blocks)}));
}

json meta_inlines(std::string_view text) { return node("MetaInlines", inlines(text)); }

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::size_t longest_word(std::string_view s) {
  std::size_t best = 0;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t end = std::min(s.find(' ', pos), s.size());
    best = std::max(best, code_points(s.substr(pos, end - pos)));
    pos = end + 1;
  }
  return best;
}

// Relative column widths from the text they hold (a heading may wrap at its spaces, a cell should
// not), so the table spans the page as GOV.UK tables do and no column is squeezed.
std::vector<double> column_widths(const table::Table& t) {
  std::vector<double> w(t.columns.size(), 0.0);
  for (std::size_t c = 0; c < t.columns.size(); ++c) w[c] = static_cast<double>(longest_word(t.columns[c].title));
  for (const auto& r : t.rows) {
    for (std::size_t c = 0; c < r.cells.size() && c < w.size(); ++c) {
      w[c] = std::max(w[c], static_cast<double>(code_points(r.cells[c].text)));
    }
  }
  double sum = 0;
  for (auto& x : w) {
    x = std::clamp(x, 4.0, 40.0);
    sum += x;
  }
  for (auto& x : w) x /= sum;
  return w;
}

json cell(json blocks) {
  return json::array({attr(), node("AlignDefault"), 1, 1, std::move(blocks)});
}

// Cell styles. pandoc 2.17 writes no cell shading or paragraph indent, so a styled cell's paragraph
// starts with a marker comment, and shade_cells() (after pandoc) turns each marker into w:shd on its
// cell's w:tcPr and w:ind on its paragraph's w:pPr. Text colour goes into the runs directly.
constexpr std::string_view kMarkerOpen = "<!--csa-cell ";
constexpr std::string_view kMarkerClose = "-->";
constexpr int kIndentTwips = 240;  // one indent level: 1/6 inch, about two characters

// The cell's inlines with its style: the marker, then runs with the text colour and weight.
json styled_inlines(std::string_view text, const CellStyle& s, bool total) {
  json out = json::array();
  std::string marker(kMarkerOpen);
  if (!s.fill.empty()) marker += fmt::format("fill={} ", hex_digits(s.fill));
  if (s.indent > 0) marker += fmt::format("indent={} ", s.indent * kIndentTwips);
  marker += kMarkerClose;
  out.push_back(node("RawInline", json::array({"openxml", marker})));
  if (s.text.empty()) {
    json content = inlines(text);
    if ((s.bold || total) && !content.empty()) content = json::array({node("Strong", content)});
    for (auto& i : content) out.push_back(std::move(i));
    return out;
  }
  std::string runs;
  for (const auto& run : split_inline(text)) {
    runs += fmt::format("<w:r><w:rPr>{}<w:color w:val=\"{}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                        run.bold || s.bold || total ? "<w:b/>" : "", hex_digits(s.text), escape_xml(run.text));
  }
  out.push_back(node("RawInline", json::array({"openxml", runs})));
  return out;
}

json table_block(const TableBlock& b) {
  const auto& t = b.table;
  json colspecs = json::array();
  auto widths = column_widths(t);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    colspecs.push_back(json::array({node(t.columns[c].align == table::Align::right ? "AlignRight" : "AlignLeft"),
                                    node("ColWidth", widths[c])}));
  }
  json head_cells = json::array();
  for (const auto& col : t.columns) head_cells.push_back(cell(json::array({plain(inlines(col.title))})));
  json head = json::array({attr(), json::array({json::array({attr(), std::move(head_cells)})})});

  json rows = json::array();
  for (std::size_t ri = 0; ri < t.rows.size(); ++ri) {
    const auto& r = t.rows[ri];
    json cells = json::array();
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      std::string_view text = c < r.cells.size() ? std::string_view(r.cells[c].text) : std::string_view();
      const bool total = r.kind == table::RowKind::total;
      if (const CellStyle* style = style_of(b.styles, ri, c)) {
        cells.push_back(cell(json::array({plain(styled_inlines(text, *style, total))})));
        continue;
      }
      json content = inlines(text);
      if (total && !content.empty()) content = json::array({node("Strong", content)});
      cells.push_back(cell(json::array({plain(std::move(content))})));
    }
    rows.push_back(json::array({attr(), std::move(cells)}));
  }
  json body = json::array({attr(), 0, json::array(), std::move(rows)});
  json foot = json::array({attr(), json::array()});
  json table_caption = json::array({nullptr, json::array({plain(inlines(caption(b)))})});
  return node("Table", json::array({attr(b.id), std::move(table_caption), std::move(colspecs), std::move(head),
                                    json::array({std::move(body)}), std::move(foot)}));
}

// The picture for a figure: the PNG the caller wrote, else the SVG (Word 2016 and later show SVG).
std::string figure_file(const FigureBlock& f, const std::string& figures_dir) {
  if (f.file_stem.empty()) throw InternalError(fmt::format("document: figure '{}' has no file_stem", f.id));
  for (const char* ext : {".png", ".svg"}) {
    fs::path p = fs::absolute(fs::path(figures_dir) / (f.file_stem + ext));
    if (fs::is_regular_file(p)) return p.string();
  }
  throw IoError(fmt::format("cannot write the Word file: figure '{0}' has no picture; neither {1}.png nor {1}.svg "
                            "exists",
                            f.id, (fs::path(figures_dir) / f.file_stem).string()));
}

class PandocBuilder {
 public:
  explicit PandocBuilder(const std::string& figures_dir) : figures_dir_(figures_dir) {}

  json build(const Document& doc) {
    json blocks = json::array();
    for (const auto& block : doc.blocks) std::visit([&](const auto& b) { add(blocks, b); }, block);
    return json{{"pandoc-api-version", kApiVersion}, {"meta", meta(doc.meta)}, {"blocks", std::move(blocks)}};
  }

 private:
  // Pandoc's title block (Title, Subtitle, Author, Date; the version as the Abstract paragraph), which
  // is also where pandoc puts the contents.
  static json meta(const Metadata& m) {
    json out = json::object();
    out["title"] = meta_inlines(m.title);
    if (!m.subtitle.empty()) out["subtitle"] = meta_inlines(m.subtitle);
    if (!m.author.empty()) out["author"] = node("MetaList", json::array({meta_inlines(m.author)}));
    if (!m.date.empty()) out["date"] = meta_inlines(m.date);
    if (!m.version.empty()) out["abstract"] = meta_inlines(m.version);
    out["lang"] = meta_inlines(m.language.empty() ? "en-GB" : m.language);
    out["toc-title"] = meta_inlines("Contents");
    return out;
  }

  void add(json& out, const Heading& h) {
    // Word has no levels beyond 9; the model uses 1-3.
    out.push_back(node("Header", json::array({std::clamp(h.level, 1, 9), attr(h.id), inlines(h.text)})));
  }

  void add(json& out, const Paragraph& p) {
    switch (p.style) {
      case Paragraph::Style::body: out.push_back(para(inlines(p.text))); break;
      case Paragraph::Style::lead: out.push_back(styled(kLeadStyle, json::array({para(inlines(p.text))}))); break;
      case Paragraph::Style::note: out.push_back(styled(kNoteStyle, json::array({para(inlines(p.text))}))); break;
      case Paragraph::Style::warning: {
        // Word has no icon as the HTML has: the word says it.
        json in = json::array({node("Strong", json::array({node("Str", "Warning:")})), node("Space")});
        for (auto& i : inlines(p.text)) in.push_back(std::move(i));
        out.push_back(styled(kWarningStyle, json::array({para(std::move(in))})));
        break;
      }
    }
  }

  void add(json& out, const BulletList& l) {
    json items = json::array();
    for (const auto& item : l.items) items.push_back(json::array({plain(inlines(item))}));
    if (l.numbered) {
      json list_attr = json::array({1, node("Decimal"), node("Period")});
      out.push_back(node("OrderedList", json::array({std::move(list_attr), std::move(items)})));
    } else {
      out.push_back(node("BulletList", std::move(items)));
    }
  }

  void add(json& out, const TableBlock& b) {
    out.push_back(table_block(b));
    if (b.table.notes.empty()) return;
    json notes = json::array();
    for (const auto& n : b.table.notes) notes.push_back(para(inlines(n)));
    out.push_back(styled(kSourceStyle, std::move(notes)));
  }

  void add(json& out, const FigureBlock& f) {
    // Not pandoc's implicit figure (an image titled "fig:"), whose caption is also its alt text: the
    // picture carries the alt text, the caption is a paragraph of its own below.
    json alt = inlines(f.alt_text.empty() ? f.caption : f.alt_text);
    json image = node("Image", json::array({attr(f.id), std::move(alt), json::array({figure_file(f, figures_dir_), ""})}));
    out.push_back(styled(kFigureStyle, json::array({para(json::array({std::move(image)}))})));
    out.push_back(styled(kImageCaptionStyle, json::array({para(inlines(caption(f)))})));
    if (!f.source.empty()) out.push_back(styled(kSourceStyle, json::array({para(inlines(f.source))})));
  }

  void add(json& out, const PageBreak&) {
    out.push_back(node("RawBlock", json::array({"openxml", "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"})));
  }

  // pandoc places the contents itself, after the title block (write_docx passes --toc).
  void add(json&, const Contents&) {}

  std::string figures_dir_;
};

bool has_contents(const Document& doc) {
  return std::any_of(doc.blocks.begin(), doc.blocks.end(),
                     [](const Block& b) { return std::holds_alternative<Contents>(b); });
}

bool has_styles(const Document& doc) {
  return std::any_of(doc.blocks.begin(), doc.blocks.end(), [](const Block& b) {
    const auto* t = std::get_if<TableBlock>(&b);
    return t != nullptr && !t->styles.empty();
  });
}

}  // namespace

std::string shade_cells(std::string xml) {
  // Each marker, last first, so the positions before it stay valid while editing.
  std::size_t pos = xml.rfind(kMarkerOpen);
  while (pos != std::string::npos) {
    const std::size_t end = xml.find(kMarkerClose, pos);
    if (end == std::string::npos) throw InternalError("DOCX: an unterminated cell-style marker");
    const std::string body = xml.substr(pos + kMarkerOpen.size(), end - pos - kMarkerOpen.size());
    xml.erase(pos, end + kMarkerClose.size() - pos);
    auto field = [&](std::string_view key) -> std::string {
      std::size_t k = body.find(std::string(key) + "=");
      if (k == std::string::npos) return {};
      k += key.size() + 1;
      return body.substr(k, body.find(' ', k) - k);
    };
    const std::string fill = field("fill"), indent = field("indent");
    if (!indent.empty()) {
      // The paragraph's properties: w:ind goes before w:jc, as the schema orders them.
      const std::size_t ppr_end = xml.rfind("</w:pPr>", pos);
      if (ppr_end == std::string::npos) throw InternalError("DOCX: a styled cell's paragraph has no w:pPr");
      const std::size_t ppr = xml.rfind("<w:pPr>", ppr_end);
      const std::size_t jc = xml.find("<w:jc ", ppr);
      xml.insert(jc < ppr_end ? jc : ppr_end, fmt::format("<w:ind w:left=\"{}\" />", indent));
    }
    if (!fill.empty()) {
      const std::size_t tc = xml.rfind("<w:tc>", pos);
      if (tc == std::string::npos) throw InternalError("DOCX: a cell-style marker outside a table cell");
      const std::string shd = fmt::format("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{}\" />", fill);
      const std::string empty_pr = "<w:tcPr />";
      if (xml.compare(tc + 6, empty_pr.size(), empty_pr) == 0) {
        xml.replace(tc + 6, empty_pr.size(), "<w:tcPr>" + shd + "</w:tcPr>");
      } else {
        const std::size_t close = xml.find("</w:tcPr>", tc);
        if (close == std::string::npos || close > pos) throw InternalError("DOCX: a styled cell has no w:tcPr");
        xml.insert(close, shd);
      }
    }
    pos = pos == 0 ? std::string::npos : xml.rfind(kMarkerOpen, pos - 1);
  }
  return xml;
}

std::string pandoc_json(const Document& numbered_doc, const std::string& figures_dir) {
  return PandocBuilder(figures_dir).build(numbered_doc).dump();
}

void write_docx(const Document& doc, const std::string& docx_path, const std::string& figures_dir) {
  Document numbered = doc;
  numbered.number();
  const std::string reference = std::string(CSA_DATA_DIR) + "/report/reference.docx";
  if (!fs::is_regular_file(reference)) {
    throw IoError(fmt::format("cannot write the Word file: the reference document {} is missing (make it with "
                              "data/report/make-reference-docx.sh)",
                              reference));
  }
  auto pandoc = find_program("pandoc");
  if (!pandoc) {
    throw IoError("cannot write the Word file: pandoc is not installed (no 'pandoc' on PATH); install it with "
                  "scripts/install-deps.sh");
  }
  std::vector<std::string> argv = {*pandoc, "--from=json", "--to=docx", "--reference-doc=" + reference,
                                   "--output=" + docx_path};
  if (has_contents(numbered)) {
    argv.push_back("--toc");
    argv.push_back("--toc-depth=2");
  }
  RunOptions options;
  options.stdin_text = pandoc_json(numbered, figures_dir);
  RunResult r = run_program(argv, options);
  if (!r.ok()) {
    std::string tail = r.err_tail();
    // pandoc 3 reads pandoc-types 1.23: say so instead of leaving the reader to decode the message.
    std::string hint = tail.find("API version") != std::string::npos
                           ? "\n(csa writes the JSON of pandoc 2.17, Debian 12's pandoc; another major version of "
                             "pandoc cannot read it)"
                           : "";
    throw IoError(fmt::format("writing {}: pandoc {}; its messages:\n{}{}", docx_path, r.describe(),
                              tail.empty() ? "(none)" : tail, hint));
  }
  if (has_styles(numbered)) edit_zip_part(docx_path, "word/document.xml", shade_cells);
}

}  // namespace csa::document
