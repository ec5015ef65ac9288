#include "document/xlsx_writer.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>
#include <tuple>
#include <variant>

#include "core/error.hpp"
#include "table/area_tables.hpp"

namespace csa::document {
namespace {

// Layout of a table sheet (zero-based rows): title, a blank row, the header, then the body.
constexpr lxw_row_t kTitleRow = 0;
constexpr lxw_row_t kHeaderRow = 2;
constexpr lxw_row_t kFirstBodyRow = kHeaderRow + 1;

// Column widths in Excel's units (about one character of the default font): narrow enough for a
// header to wrap over two or three lines, wide enough that ward names do not.
constexpr double kMinWidth = 8;
constexpr double kMaxWidth = 60;
constexpr double kPadding = 2;

// Above this many width units a table does not fit across portrait A4 at a readable scale.
constexpr double kPortraitWidth = 95;
constexpr std::uint8_t kPaperA4 = 9;

// Excel keeps 15 significant digits; longer digit strings are identifiers, not figures.
constexpr int kMaxDigits = 15;

// How the licence is recognised in notes that already carry it (table::kOglAttribution and the
// source notes of src/table all contain these words).
constexpr std::string_view kLicenceWords = "Open Government Licence";

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The first `n` code points of a UTF-8 string (Excel counts sheet-name length in characters).
std::string first_code_points(std::string_view s, std::size_t n) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (seen == n) return std::string(s.substr(0, i));
      ++seen;
    }
  }
  return std::string(s);
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string trim_spaces(std::string_view s) {
  auto b = s.find_first_not_of(' ');
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(' ') - b + 1));
}

// Every failure names the workbook the user asked for (not the temporary file) and where it failed.
[[noreturn]] void fail(std::string_view path, lxw_error err, std::string_view where) {
  throw IoError(fmt::format("cannot write the workbook {}: {} ({})", path, lxw_strerror(err), where));
}

void check(lxw_error err, std::string_view path, std::string_view where) {
  if (err != LXW_NO_ERROR) fail(path, err, where);
}

// Owns the workbook until workbook_close() hands it back to the library (which frees it even on
// failure); an exception on the way frees it without writing anything.
class Workbook {
 public:
  Workbook(const std::string& file, std::string_view path) : wb_(workbook_new(file.c_str())) {
    if (wb_ == nullptr) fail(path, LXW_ERROR_MEMORY_MALLOC_FAILED, "creating the workbook");
  }
  ~Workbook() {
    if (wb_ != nullptr) lxw_workbook_free(wb_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  lxw_workbook* get() const { return wb_; }
  lxw_error close() {
    lxw_workbook* wb = wb_;
    wb_ = nullptr;
    return workbook_close(wb);
  }

 private:
  lxw_workbook* wb_;
};

// One cell style; formats are made once per distinct style, as each lxw_format becomes an entry in
// the file's style table.
struct Style {
  bool bold = false;
  bool top_border = false;
  bool bottom_border = false;
  bool wrap = false;
  bool right = false;
  double font_size = 0;  // 0: the default
  std::string num_format;
  std::optional<std::uint32_t> fill;        // background, 0xRRGGBB
  std::optional<std::uint32_t> font_colour;
  int indent = 0;                           // Excel's indent levels
  auto key() const {
    return std::tie(bold, top_border, bottom_border, wrap, right, font_size, num_format, fill, font_colour, indent);
  }
  bool operator<(const Style& o) const { return key() < o.key(); }
};

Style title_style(double font_size) {
  Style s;
  s.bold = true;
  s.font_size = font_size;
  return s;
}

Style header_style(bool right, bool wrap) {
  Style s;
  s.bold = true;
  s.bottom_border = true;
  s.wrap = wrap;
  s.right = right;
  return s;
}

// Body cells; a total row is bold with a rule above it, as in the printed report.
Style cell_style(bool total, bool right) {
  Style s;
  s.bold = total;
  s.top_border = total;
  s.right = right;
  return s;
}

// The document model's cell style on top of the table's own (colours checked by rgb_value).
void with_cell_style(Style& s, const CellStyle* cs) {
  if (cs == nullptr) return;
  if (!cs->fill.empty()) s.fill = rgb_value(cs->fill);
  if (!cs->text.empty()) s.font_colour = rgb_value(cs->text);
  s.bold = s.bold || cs->bold;
  s.indent = cs->indent;
}

class Formats {
 public:
  explicit Formats(lxw_workbook* wb) : wb_(wb) {}

  // nullptr for the plain style, which Excel's default already is.
  lxw_format* get(const Style& s) {
    if (s.key() == Style{}.key()) return nullptr;
    auto it = made_.find(s);
    if (it != made_.end()) return it->second;
    lxw_format* f = workbook_add_format(wb_);
    if (s.bold) format_set_bold(f);
    if (s.top_border) format_set_top(f, LXW_BORDER_THIN);
    if (s.bottom_border) format_set_bottom(f, LXW_BORDER_THIN);
    if (s.wrap) format_set_text_wrap(f);
    // Top-aligned so a wrapped header's short neighbours line up with its first line.
    if (s.wrap) format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (s.right) format_set_align(f, LXW_ALIGN_RIGHT);
    if (s.font_size > 0) format_set_font_size(f, s.font_size);
    if (!s.num_format.empty()) format_set_num_format(f, s.num_format.c_str());
    if (s.fill) {
      format_set_pattern(f, LXW_PATTERN_SOLID);
      format_set_bg_color(f, *s.fill);
    }
    if (s.font_colour) format_set_font_color(f, *s.font_colour);
    if (s.indent > 0) {
      // Excel indents only a left (or right) aligned cell.
      if (!s.right) format_set_align(f, LXW_ALIGN_LEFT);
      format_set_indent(f, static_cast<uint8_t>(std::min(s.indent, 15)));
    }
    made_.emplace(s, f);
    return f;
  }

 private:
  lxw_workbook* wb_;
  std::map<Style, lxw_format*> made_;
};

// Writes cells of one sheet, turning any library error into an IoError that says where.
class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* ws, std::string sheet, std::string_view path)
      : ws_(ws), sheet_(std::move(sheet)), path_(path) {}

  void text(lxw_row_t row, lxw_col_t col, const std::string& s, lxw_format* f) {
    if (s.empty()) {
      // A blank still carries its format, so a total row's border runs across empty cells.
      if (f != nullptr) check(worksheet_write_blank(ws_, row, col, f), path_, where(row, col));
      return;
    }
    check(worksheet_write_string(ws_, row, col, s.c_str(), f), path_, where(row, col));
  }
  void number(lxw_row_t row, lxw_col_t col, double v, lxw_format* f) {
    check(worksheet_write_number(ws_, row, col, v, f), path_, where(row, col));
  }
  void link(lxw_row_t row, lxw_col_t col, const std::string& target_sheet, const std::string& s) {
    std::string url = "internal:'" + target_sheet + "'!A1";
    check(worksheet_write_url_opt(ws_, row, col, url.c_str(), nullptr, s.c_str(), nullptr), path_, where(row, col));
  }
  void call(lxw_error err, std::string_view what) { check(err, path_, fmt::format("sheet '{}', {}", sheet_, what)); }
  lxw_worksheet* ws() const { return ws_; }

 private:
  std::string where(lxw_row_t row, lxw_col_t col) const {
    char cell[LXW_MAX_CELL_NAME_LENGTH];
    lxw_rowcol_to_cell(cell, row, col);
    return fmt::format("sheet '{}', cell {}", sheet_, cell);
  }
  lxw_worksheet* ws_;
  std::string sheet_;
  std::string_view path_;
};

// Sheet names made valid and unique the way Excel compares them (ASCII case-insensitive), with
// "History" held back as Excel reserves it.
class SheetNames {
 public:
  SheetNames() { taken_.insert("history"); }
  std::string claim(std::string_view label) {
    std::string base = xlsx_sheet_name(label);
    std::string name = base;
    for (int n = 2; taken_.count(ascii_lower(name)) != 0; ++n) {
      std::string suffix = fmt::format(" ({})", n);
      name = first_code_points(base, LXW_SHEETNAME_MAX - suffix.size()) + suffix;
    }
    taken_.insert(ascii_lower(name));
    return name;
  }

 private:
  std::set<std::string> taken_;
};

bool mentions_licence(const std::vector<std::string>& lines) {
  return std::any_of(lines.begin(), lines.end(),
                     [](const std::string& l) { return l.find(kLicenceWords) != std::string::npos; });
}

// The lines printed under a table: its notes, the sheet's source unless a note already says it, and
// the licence unless a note or the source already carries it.
std::vector<std::string> footer_lines(const XlsxSheet& sheet) {
  std::vector<std::string> lines = sheet.table.notes;
  if (!sheet.source.empty()) {
    std::string source = sheet.source.rfind("Source", 0) == 0 ? sheet.source : "Source: " + sheet.source;
    if (std::find(lines.begin(), lines.end(), source) == lines.end()) lines.push_back(source);
  }
  if (!mentions_licence(lines)) lines.emplace_back(table::kOglAttribution);
  return lines;
}

std::string title_line(const XlsxSheet& sheet) {
  if (sheet.label.empty()) return sheet.table.title;
  if (sheet.table.title.empty()) return sheet.label;
  return sheet.label + ": " + sheet.table.title;
}

// The longest word of a header, as the header wraps at spaces and only a word cannot.
std::size_t longest_word(std::string_view s) {
  std::size_t best = 0;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    best = std::max(best, code_points(s.substr(start, end - start)));
    start = end + 1;
  }
  return best;
}

std::vector<double> column_widths(const table::Table& t) {
  std::vector<double> widths;
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    std::size_t chars = longest_word(t.columns[c].title);
    for (const auto& row : t.rows) {
      if (c < row.cells.size()) chars = std::max(chars, code_points(row.cells[c].text));
    }
    widths.push_back(std::clamp(static_cast<double>(chars) + kPadding, kMinWidth, kMaxWidth));
  }
  return widths;
}

void write_table_sheet(lxw_workbook* wb, Formats& formats, const XlsxSheet& sheet, const std::string& name,
                       std::string_view path) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (ws == nullptr) fail(path, LXW_ERROR_PARAMETER_VALIDATION, fmt::format("adding sheet '{}'", name));
  SheetWriter out(ws, name, path);
  const table::Table& t = sheet.table;

  out.text(kTitleRow, 0, title_line(sheet), formats.get(title_style(12)));

  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    bool right = t.columns[c].align == table::Align::right;
    out.text(kHeaderRow, static_cast<lxw_col_t>(c), t.columns[c].title, formats.get(header_style(right, true)));
  }

  lxw_row_t row = kFirstBodyRow;
  for (std::size_t ri = 0; ri < t.rows.size(); ++ri) {
    const auto& r = t.rows[ri];
    bool total = r.kind == table::RowKind::total;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      Style s = cell_style(total, t.columns[c].align == table::Align::right);
      with_cell_style(s, style_of(sheet.styles, ri, c));
      auto col = static_cast<lxw_col_t>(c);
      if (c >= r.cells.size()) {
        out.text(row, col, "", formats.get(s));
        continue;
      }
      if (auto n = xlsx_number(r.cells[c])) {
        s.num_format = n->num_format;
        out.number(row, col, n->number, formats.get(s));
      } else {
        out.text(row, col, r.cells[c].text, formats.get(s));
      }
    }
    ++row;
  }

  ++row;  // a blank row between the table and its notes
  for (const auto& line : footer_lines(sheet)) out.text(row++, 0, line, nullptr);

  auto widths = column_widths(t);
  double total_width = 0;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    out.call(worksheet_set_column(ws, col, col, widths[c], nullptr), "setting column widths");
    total_width += widths[c];
  }

  // Title, blank row and header stay in view while scrolling; the header repeats on printed pages.
  worksheet_freeze_panes(ws, kFirstBodyRow, 0);
  out.call(worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow), "repeating the header row");
  worksheet_set_paper(ws, kPaperA4);
  if (total_width > kPortraitWidth) worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many pages tall as it takes
  out.call(worksheet_set_footer(ws, "&CPage &P of &N"), "setting the page footer");
}

void write_contents_sheet(lxw_workbook* wb, Formats& formats, const XlsxWorkbookInfo& info,
                          const std::vector<XlsxSheet>& sheets, const std::vector<std::string>& names,
                          std::string_view path) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Contents");
  if (ws == nullptr) fail(path, LXW_ERROR_PARAMETER_VALIDATION, "adding sheet 'Contents'");
  SheetWriter out(ws, "Contents", path);

  out.text(0, 0, info.title.empty() ? std::string("Tables") : info.title, formats.get(title_style(14)));
  lxw_row_t row = 1;
  if (!info.subject.empty()) out.text(row++, 0, info.subject, nullptr);
  ++row;
  lxw_format* header = formats.get(header_style(false, false));
  out.text(row, 0, "Table", header);
  out.text(row, 1, "Title", header);
  ++row;
  std::size_t longest_title = code_points("Title");
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    out.text(row, 0, sheets[i].label.empty() ? names[i] : sheets[i].label, nullptr);
    out.link(row, 1, names[i], sheets[i].table.title.empty() ? names[i] : sheets[i].table.title);
    longest_title = std::max(longest_title, code_points(sheets[i].table.title));
    ++row;
  }
  ++row;
  out.text(row, 0, table::kOglAttribution, nullptr);

  out.call(worksheet_set_column(ws, 0, 0, 12, nullptr), "setting column widths");
  out.call(worksheet_set_column(ws, 1, 1, std::clamp(static_cast<double>(longest_title) + kPadding, 20.0, 120.0), nullptr),
           "setting column widths");
  worksheet_set_paper(ws, kPaperA4);
  worksheet_fit_to_pages(ws, 1, 0);
}

void set_properties(lxw_workbook* wb, const XlsxWorkbookInfo& info, std::string_view path) {
  // lxw_doc_properties takes mutable C strings; these copies live until the call returns.
  std::string title = info.title;
  std::string author = info.author;
  std::string subject = info.subject;
  std::string comments = table::kOglAttribution;
  lxw_doc_properties props{};
  props.title = title.data();
  props.author = author.data();
  props.subject = subject.data();
  props.comments = comments.data();
  props.created = info.created;
  check(workbook_set_properties(wb, &props), path, "setting the document properties");
}

}  // namespace

std::string xlsx_sheet_name(std::string_view label) {
  std::string s(label);
  for (char& c : s) {
    if (c != '\0' && std::strchr("[]:*?/\\'", c) != nullptr) c = ' ';
  }
  s = trim_spaces(first_code_points(trim_spaces(s), LXW_SHEETNAME_MAX));
  return s.empty() ? "Table" : s;
}

std::optional<XlsxNumber> xlsx_number(const table::Cell& cell) {
  if (!cell.value || !std::isfinite(*cell.value)) return std::nullopt;
  std::string_view t = cell.text;
  bool negative = !t.empty() && t.front() == '-';
  if (negative) t.remove_prefix(1);
  bool percent = !t.empty() && t.back() == '%';
  if (percent) t.remove_suffix(1);
  auto dot = t.find('.');
  std::string_view whole = t.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : t.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && fraction.empty())) return std::nullopt;

  // Thousands commas must group the whole part in threes ("1,234", not "12,34"), and a leading zero
  // means a code ("007"), not a figure.
  bool grouped = whole.find(',') != std::string_view::npos;
  std::string digits;
  for (std::size_t start = 0, n = 0; start <= whole.size(); ++n) {
    std::size_t end = std::min(whole.find(',', start), whole.size());
    std::size_t size = end - start;
    if (grouped && (size == 0 || size > 3 || (n > 0 && size != 3))) return std::nullopt;
    for (char c : whole.substr(start, size)) {
      if (c < '0' || c > '9') return std::nullopt;
      digits += c;
    }
    if (!grouped) break;
    start = end + 1;
  }
  if (digits.size() > 1 && digits.front() == '0') return std::nullopt;
  for (char c : fraction) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  digits += fraction;
  if (static_cast<int>(digits.size()) > kMaxDigits) return std::nullopt;

  // The printed figure, exactly: an integer of printed digits over a power of ten, divided once so
  // the double is the nearest to it ("12.3" -> 123 / 10).
  std::int64_t units = std::stoll(digits);
  if (negative && units == 0) return std::nullopt;  // "-0" is not how csa prints zero
  if (negative) units = -units;
  int decimals = static_cast<int>(fraction.size());
  double printed = static_cast<double>(units) / std::pow(10.0, decimals);

  // The text must be the value rounded to the printed decimals: within half a unit of the last
  // printed place (inclusive, as ties round away from zero), with room for the double's own error.
  double half_unit = 0.5 * std::pow(10.0, -decimals);
  double value = *cell.value;  // percent cells hold percent units
  if (std::abs(value - printed) > half_unit + 1e-9 * std::max(1.0, std::abs(value))) return std::nullopt;

  XlsxNumber n;
  n.number = percent ? static_cast<double>(units) / std::pow(10.0, decimals + 2) : printed;
  n.num_format = grouped ? "#,##0" : "0";
  if (decimals > 0) n.num_format += "." + std::string(static_cast<std::size_t>(decimals), '0');
  if (percent) n.num_format += "%";
  return n;
}

void write_xlsx(const std::vector<XlsxSheet>& sheets, const XlsxWorkbookInfo& info, const std::string& path) {
  namespace fs = std::filesystem;
  // Written beside the target and renamed, so the final name only ever holds a complete workbook.
  std::string partial = path + ".partial";
  {
    Workbook wb(partial, path);
    Formats formats(wb.get());
    set_properties(wb.get(), info, path);

    SheetNames taken;
    std::string contents = taken.claim("Contents");
    std::vector<std::string> names;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      names.push_back(taken.claim(sheets[i].label.empty() ? fmt::format("Table {}", i + 1) : sheets[i].label));
    }
    write_contents_sheet(wb.get(), formats, info, sheets, names, path);
    for (std::size_t i = 0; i < sheets.size(); ++i) write_table_sheet(wb.get(), formats, sheets[i], names[i], path);

    errno = 0;
    lxw_error err = wb.close();
    if (err != LXW_NO_ERROR) {
      // The library's own text is generic ("Error creating output xlsx file"); errno says why.
    bool opening = err == LXW_ERROR_CREATING_XLSX_FILE || err == LXW_ERROR_CREATING_TMPFILE;
    std::string why = opening && errno != 0 ? std::string(std::strerror(errno)) : std::string("writing the file");
      std::error_code ec;
      fs::remove(partial, ec);
      fail(path, err, why);
    }
  }
  std::error_code ec;
  fs::rename(partial, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    throw IoError(fmt::format("cannot write the workbook {}: {}", path, ec.message()));
  }
}

std::vector<XlsxSheet> xlsx_sheets(const Document& doc) {
  std::vector<XlsxSheet> sheets;
  int position = 0;
  for (const auto& block : doc.blocks) {
    const auto* tb = std::get_if<TableBlock>(&block);
    if (tb == nullptr) continue;
    ++position;
    sheets.push_back({fmt::format("Table {}", tb->number != 0 ? tb->number : position), tb->table, "", tb->styles});
  }
  return sheets;
}

void write_xlsx(const Document& doc, const std::string& path) {
  write_xlsx(xlsx_sheets(doc), {doc.meta.title, doc.meta.author, doc.meta.subtitle, 0}, path);
}

}  // namespace csa::document
