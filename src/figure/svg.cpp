#include "figure/svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/error.hpp"
#include "core/thousands.hpp"
#include "figure/theme.hpp"

namespace csa::figure {

namespace {
// "-0", "-0.0" … print as unsigned zero: a value that rounds to zero has no sign to show.
void drop_negative_zero(std::string& s) {
  if (s.empty() || s[0] != '-') return;
  if (s.find_first_not_of("0.", 1) == std::string::npos) s.erase(0, 1);
}
}  // namespace

std::string coord(double value) {
  std::string s = fmt::format("{:.2f}", value);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  drop_negative_zero(s);
  return s;
}

std::string format_value(double value, int decimals) {
  if (!std::isfinite(value)) throw InternalError("format_value: value is not finite");
  std::string s = fmt::format("{:.{}f}", value, decimals);
  drop_negative_zero(s);
  const bool negative = s[0] == '-';
  const std::size_t dot = s.find('.');
  const std::string whole =
      s.substr(negative ? 1 : 0, dot == std::string::npos ? std::string::npos : dot - (negative ? 1 : 0));
  const std::string fraction = dot == std::string::npos ? "" : s.substr(dot);
  // Values on a chart are far below 2^63, so the whole part always fits with_commas' int64.
  return (negative ? "-" : "") + with_commas(std::stoll(whole)) + fraction;
}

Ticks nice_ticks(double min, double max, int max_intervals) {
  if (!std::isfinite(min) || !std::isfinite(max) || min > max || max_intervals < 1) {
    throw InternalError(fmt::format("nice_ticks: bad range [{}, {}] or interval count {}", min, max, max_intervals));
  }
  if (min == max) {
    if (min == 0) {
      max = 1;
    } else {
      const double pad = std::pow(10.0, std::floor(std::log10(std::abs(min))));
      min -= pad;
      max += pad;
    }
  }
  const double raw = (max - min) / max_intervals;
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  Ticks ticks;
  // The first of 1, 2, 5, 10 (× magnitude) that fits; the loop guards against rounding at a
  // boundary (a range of exactly 5 steps computed as 5.0000001 steps).
  for (;;) {
    for (double m : {1.0, 2.0, 5.0}) {
      const double step = m * magnitude;
      const double lo = std::floor(min / step + 1e-9) * step;
      const double hi = std::ceil(max / step - 1e-9) * step;
      if (std::llround((hi - lo) / step) <= max_intervals) {
        ticks.step = step;
        ticks.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
        // Rounded to the step's own decimals by division, so the third tick of 0.1 is 0.3 exactly
        // as a reader would write it, not 0.30000000000000004.
        const double scale = std::pow(10.0, ticks.decimals);
        const auto n = std::max(1LL, std::llround((hi - lo) / step));
        for (long long i = 0; i <= n; ++i) {
          ticks.values.push_back(std::round((lo + static_cast<double>(i) * step) * scale) / scale);
        }
        return ticks;
      }
    }
    magnitude *= 10;
  }
}

Attr::Attr(std::string_view n, std::string_view v) : name(n), value(escape_xml(v)) {}
Attr::Attr(std::string_view n, double v) : name(n), value(coord(v)) {}

namespace {
// FNV-1a: a stable hash (std::hash may differ between builds), so ids are reproducible.
std::uint32_t fnv1a(std::string_view text) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : text) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

std::string_view anchor_name(Anchor anchor) {
  switch (anchor) {
    case Anchor::start:
      return "start";
    case Anchor::middle:
      return "middle";
    case Anchor::end:
      return "end";
  }
  return "start";
}
}  // namespace

SvgWriter::SvgWriter(double width, double height, std::string_view title, std::string_view description)
    : id_prefix_(fmt::format("csa-{:08x}-", fnv1a(std::string(title) + '\n' + std::string(description)))) {
  out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
               {"width", width},
               {"height", height},
               {"viewBox", fmt::format("0 0 {} {}", coord(width), coord(height))},
               {"role", "img"},
               {"font-family", theme::font_family}});
  out_ += "<title>" + escape_xml(title) + "</title>\n";
  out_ += "<desc>" + escape_xml(description) + "</desc>\n";
  element("rect", {{"width", width}, {"height", height}, {"fill", theme::background}});
}

std::string SvgWriter::id(std::string_view local) const { return id_prefix_ + std::string(local); }

void SvgWriter::write_attrs(const std::vector<Attr>& attrs) {
  for (const Attr& a : attrs) {
    out_ += ' ';
    out_ += a.name;
    out_ += "=\"";
    out_ += a.value;
    out_ += '"';
  }
}

void SvgWriter::open(std::string_view tag, const std::vector<Attr>& attrs) {
  out_ += '<';
  out_ += tag;
  write_attrs(attrs);
  out_ += ">\n";
  open_.emplace_back(tag);
}

void SvgWriter::close() {
  if (open_.empty()) throw InternalError("SvgWriter::close: no element is open");
  out_ += "</" + open_.back() + ">\n";
  open_.pop_back();
}

void SvgWriter::element(std::string_view tag, const std::vector<Attr>& attrs, std::string_view tooltip) {
  out_ += '<';
  out_ += tag;
  write_attrs(attrs);
  if (tooltip.empty()) {
    out_ += "/>\n";
    return;
  }
  out_ += "><title>" + escape_xml(tooltip) + "</title></";
  out_ += tag;
  out_ += ">\n";
}

void SvgWriter::text(double x, double y, std::string_view content, const TextStyle& style,
                     const std::vector<Attr>& extra) {
  std::vector<Attr> attrs = {{"x", x}, {"y", y}, {"font-size", style.size}, {"fill", style.colour}};
  if (style.anchor != Anchor::start) attrs.emplace_back("text-anchor", anchor_name(style.anchor));
  if (style.bold) attrs.emplace_back("font-weight", "bold");
  if (style.rotate != 0)
    attrs.emplace_back("transform", fmt::format("rotate({} {} {})", coord(style.rotate), coord(x), coord(y)));
  attrs.insert(attrs.end(), extra.begin(), extra.end());
  out_ += "<text";
  write_attrs(attrs);
  out_ += '>' + escape_xml(content) + "</text>\n";
}

std::string SvgWriter::finish() {
  if (open_.size() != 1) {
    throw InternalError(open_.empty() ? "SvgWriter::finish: called twice"
                                      : fmt::format("SvgWriter::finish: <{}> left open", open_.back()));
  }
  close();
  return std::move(out_);
}

}  // namespace csa::figure
