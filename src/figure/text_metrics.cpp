#include "figure/text_metrics.hpp"

#include <array>

namespace csa::figure {

namespace {
// Arial/Helvetica advance widths, 1/1000 em, for ASCII 32..126 (Adobe's Helvetica AFM, which
// Arial and Liberation Sans match).
// clang-format off
constexpr std::array<short, 95> kAscii = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556,                                // 0..9
    278, 278, 584, 584, 584, 556, 1015,                                              // :..@
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,                 // A..M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,                 // N..Z
    278, 278, 278, 469, 556, 333,                                                    // [..`
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,                 // a..m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,                 // n..z
    334, 260, 334, 584};                                                             // {..~
// clang-format on

// Non-ASCII code points the figures print; anything else counts as a digit's width.
int other_width(char32_t cp) {
  switch (cp) {
    case U'\u00A9':
      return 737;  // ©
    case U'\u00A3':
      return 556;  // £
    case U'\u2013':
      return 556;  // en dash
    case U'\u2014':
      return 1000;  // em dash
    case U'\u2018':
    case U'\u2019':
      return 222;  // curly quotes
    case U'\u2026':
      return 1000;  // ellipsis
    case U'\u2191':
      return 1000;  // arrows
    default:
      return 556;
  }
}

// Bold Arial is on average ~7% wider than regular over lower-case text.
constexpr double kBoldFactor = 1.07;
}  // namespace

double text_width(std::string_view text, double size, bool bold) {
  long units = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      units += (c >= 32 && c <= 126) ? kAscii[c - 32] : 0;
      ++i;
      continue;
    }
    // Decode one UTF-8 sequence; a malformed byte counts as one character.
    const int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    char32_t cp = length == 1 ? c : c & (0x3F >> (length - 1));
    for (int k = 1; k < length && i + k < text.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    units += other_width(cp);
    i += length;
  }
  return static_cast<double>(units) * size / 1000.0 * (bold ? kBoldFactor : 1.0);
}

std::vector<std::string> wrap_text(std::string_view text, double size, double max_width, bool bold) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find('\n', start);
    const std::string_view paragraph =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    std::string line;
    std::size_t pos = 0;
    while (pos <= paragraph.size()) {
      std::size_t space = paragraph.find(' ', pos);
      if (space == std::string_view::npos) space = paragraph.size();
      const std::string_view word = paragraph.substr(pos, space - pos);
      const std::string candidate = line.empty() ? std::string(word) : line + ' ' + std::string(word);
      if (!line.empty() && text_width(candidate, size, bold) > max_width) {
        lines.push_back(line);
        line = std::string(word);
      } else {
        line = candidate;
      }
      pos = space + 1;
    }
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace csa::figure
