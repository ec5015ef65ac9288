#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "table/table.hpp"

namespace csa::table {
namespace {

// Display width in code points, so "–" and "≥" do not skew the terminal columns.
std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string pad(std::string_view s, std::size_t width, Align align) {
  std::size_t w = display_width(s);
  std::string fill(width > w ? width - w : 0, ' ');
  return align == Align::left ? std::string(s) + fill : fill + std::string(s);
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string md_cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

Format parse_format(std::string_view name) {
  if (name == "text" || name == "table") return Format::text;
  if (name == "csv") return Format::csv;
  if (name == "markdown" || name == "md") return Format::markdown;
  if (name == "json") return Format::json;
  throw InputError(fmt::format("--format '{}' is not known; use text, csv, markdown or json", name));
}

std::string render(const Table& t, Format format) {
  switch (format) {
    case Format::text: return render_text(t);
    case Format::csv: return render_csv(t);
    case Format::markdown: return render_markdown(t);
    case Format::json: return render_json(t);
  }
  return {};
}

std::string render_text(const Table& t) {
  std::vector<std::size_t> width(t.columns.size(), 0);
  for (std::size_t c = 0; c < t.columns.size(); ++c) width[c] = display_width(t.columns[c].title);
  for (const auto& r : t.rows) {
    for (std::size_t c = 0; c < r.cells.size() && c < width.size(); ++c) {
      width[c] = std::max(width[c], display_width(r.cells[c].text));
    }
  }
  std::string out = t.title + "\n\n";
  auto line = [&](auto&& text_of, auto&& align_of) {
    std::string l;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (c) l += "  ";
      l += pad(text_of(c), width[c], align_of(c));
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  };
  line([&](std::size_t c) { return t.columns[c].title; }, [&](std::size_t c) { return t.columns[c].align; });
  std::size_t total_width = 0;
  for (auto w : width) total_width += w + 2;
  out += std::string(total_width > 2 ? total_width - 2 : 0, '-') + "\n";
  RowKind previous = RowKind::body;
  for (const auto& r : t.rows) {
    if (r.kind == RowKind::total && previous == RowKind::body) out += std::string(total_width > 2 ? total_width - 2 : 0, '-') + "\n";
    line([&](std::size_t c) { return c < r.cells.size() ? r.cells[c].text : std::string(); },
         [&](std::size_t c) { return t.columns[c].align; });
    previous = r.kind;
  }
  if (!t.notes.empty()) out += "\n";
  for (const auto& n : t.notes) out += "Note: " + n + "\n";
  return out;
}

std::string render_csv(const Table& t) {
  std::string out;
  // Appends piece by piece: g++ 12 at -O3 misreports `"," + std::string` as a restrict violation.
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    if (c) out += ',';
    out += csv_field(t.columns[c].key);
  }
  out += '\n';
  for (const auto& r : t.rows) {
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (c) out += ',';
      out += csv_field(c < r.cells.size() ? r.cells[c].text : "");
    }
    out += '\n';
  }
  return out;
}

std::string render_markdown(const Table& t) {
  std::string out = "**" + md_cell(t.title) + "**\n\n|";
  for (const auto& col : t.columns) {
    out += ' ';
    out += md_cell(col.title);
    out += " |";
  }
  out += "\n|";
  for (const auto& col : t.columns) out += col.align == Align::left ? " :--- |" : " ---: |";
  out += "\n";
  for (const auto& r : t.rows) {
    out += "|";
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      std::string text = c < r.cells.size() ? md_cell(r.cells[c].text) : "";
      bool bold = r.kind == RowKind::total && !text.empty();
      out += ' ';
      if (bold) out += "**";
      out += text;
      if (bold) out += "**";
      out += " |";
    }
    out += "\n";
  }
  if (!t.notes.empty()) out += "\n";
  for (const auto& n : t.notes) out += "- " + md_cell(n) + "\n";
  return out;
}

std::string render_json(const Table& t) {
  nlohmann::ordered_json j;
  j["title"] = t.title;
  auto& cols = j["columns"] = nlohmann::ordered_json::array();
  for (const auto& c : t.columns) cols.push_back({{"key", c.key}, {"title", c.title}});
  auto& rows = j["rows"] = nlohmann::ordered_json::array();
  for (const auto& r : t.rows) {
    nlohmann::ordered_json row;
    for (std::size_t c = 0; c < t.columns.size() && c < r.cells.size(); ++c) {
      const Cell& cell = r.cells[c];
      const std::string& key = t.columns[c].key;
      if (!cell.value) {
        row[key] = cell.text;
        continue;
      }
      double v = *cell.value;
      if (v == std::floor(v) && std::abs(v) < 9e15) {
        row[key] = static_cast<std::int64_t>(v);
      } else {
        row[key] = v;
      }
      row[key + "_text"] = cell.text;
    }
    row["total_row"] = r.kind == RowKind::total;
    rows.push_back(std::move(row));
  }
  j["notes"] = t.notes;
  return j.dump(2) + "\n";
}

}  // namespace csa::table
