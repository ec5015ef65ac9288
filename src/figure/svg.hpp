// Small helpers for writing SVG by hand, shared by every figure: text escaping, number formatting
// (coordinates, and values with thousands separators), "nice" axis ticks, and a writer that keeps
// elements balanced and gives each document its <title> and <desc>.
//
// Why by hand rather than a drawing library: the figures are a few hundred elements of plain
// shapes and text, and hand-written SVG with presentation attributes (no CSS, no scripts, fonts by
// name) is what Word, browsers and librsvg all render the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/xml_escape.hpp"
#include "figure/theme.hpp"

namespace csa::figure {

// csa::escape_xml (core/xml_escape.hpp), as figures have always called it.
using csa::escape_xml;

// A coordinate or length for an attribute: at most two decimals, trailing zeros dropped, never
// "-0" ("12.5", "3", "0.25"). Two decimals is 1/100 px: finer than any screen or print.
std::string coord(double value);

// A value for a reader: fixed `decimals`, thousands separators, no "-0" (1234.5, 1 → "1,234.5").
std::string format_value(double value, int decimals);

// Axis ticks on a 1-2-5 progression: the smallest step of the form {1, 2, 5} × 10^k that covers
// [min, max] in at most `max_intervals` intervals; first and last ticks are multiples of the step
// at or beyond min and max. A zero-width range is widened to one step either side of its value
// (or [0, 1] for zero). `decimals` is the number of decimals the step needs for its labels.
struct Ticks {
  std::vector<double> values;  // ascending; at least two
  double step = 1;
  int decimals = 0;

  double min() const { return values.front(); }
  double max() const { return values.back(); }
};
// Throws InternalError when min > max, either is not finite, or max_intervals < 1.
Ticks nice_ticks(double min, double max, int max_intervals);

// An attribute: name="value", the value escaped on construction; numbers are written by coord().
struct Attr {
  Attr(std::string_view name, std::string_view value);
  Attr(std::string_view name, double value);

  std::string_view name;
  std::string value;
};

enum class Anchor { start, middle, end };

struct TextStyle {
  double size = theme::label_size;  // px
  std::string_view colour = theme::text;
  Anchor anchor = Anchor::start;
  bool bold = false;
  double rotate = 0;  // degrees, about the text's (x, y)
};

// Writes one SVG document. Every element opened is closed by finish(), in order; an element left
// open at finish() is a bug in the figure code (InternalError).
class SvgWriter {
 public:
  // The root <svg> with width, height and viewBox in px, role="img", the font family of the house
  // style, a <title> (the accessible name) and a <desc> (the long description), then a white
  // background so PNG and Word renderings never come out transparent.
  SvgWriter(double width, double height, std::string_view title, std::string_view description);

  // An id unique to this document, for patterns and clip paths: "csa-<hash of the title>-<local>",
  // so several figures inlined in one HTML page do not take each other's definitions.
  std::string id(std::string_view local) const;

  void open(std::string_view tag, const std::vector<Attr>& attrs = {});
  void close();  // the innermost open element

  // An empty element; with a tooltip, a <title> child that browsers show on hover.
  void element(std::string_view tag, const std::vector<Attr>& attrs, std::string_view tooltip = {});

  // One line of text with its baseline at y.
  void text(double x, double y, std::string_view content, const TextStyle& style, const std::vector<Attr>& extra = {});

  std::string finish();

 private:
  void write_attrs(const std::vector<Attr>& attrs);

  std::string out_;
  std::vector<std::string> open_;
  std::string id_prefix_;
};

}  // namespace csa::figure
