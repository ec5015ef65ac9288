// The house style every figure shares, after the ONS and GOV.UK guidance for statistical charts:
// one sans-serif family, type no smaller than 11 px at the 680 px page width (about 9 pt on A4),
// near-black text, light grid lines, and colours a reader with colour-vision deficiency can tell
// apart. Kept in one place so a chart and a map in the same report look like one publication.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace csa::figure::theme {

// Liberation Sans has Arial's metrics (text_metrics.hpp measures with them); DejaVu Sans and Arial
// are fallbacks on systems without it. Named only, never embedded: the SVG stays small and text
// stays text (searchable, readable by screen readers).
inline constexpr std::string_view font_family = "Liberation Sans, DejaVu Sans, Arial, sans-serif";

inline constexpr double page_width = 680;  // px: the text width of an A4 page at 96 dpi, less margins
inline constexpr double margin = 16;       // px round the figure's content

// Type sizes, px.
inline constexpr double title_size = 17;
inline constexpr double subtitle_size = 14;
inline constexpr double label_size = 13;   // axis labels, legend entries, value labels
inline constexpr double source_size = 12;  // source and notes lines

// Ink. Text colours keep at least 7:1 contrast on white (WCAG AAA); grid lines are only guides.
inline constexpr std::string_view text = "#222222";
inline constexpr std::string_view text_secondary = "#505050";  // subtitles, source line, axis titles
inline constexpr std::string_view axis = "#505050";            // the zero line and axis ticks
inline constexpr std::string_view grid = "#dcdcdc";
inline constexpr std::string_view background = "#ffffff";
inline constexpr std::string_view no_data = "#f0f0f0";  // map areas without a value, under a hatch
inline constexpr std::string_view no_data_hatch = "#9a9a9a";
inline constexpr std::string_view highlight = "#222222";  // markers that call out one value

// Okabe & Ito (2008) colours for categories, in the order series take them. Yellow is left out:
// it is too light against white for lines and thin bars.
std::string_view categorical(std::size_t index);

// ColorBrewer YlGnBu (Brewer, colorbrewer2.org): a light-to-dark sequential scheme that is
// colour-blind safe and prints in grey scale in order. `classes` is 1..9; throws InternalError
// otherwise.
std::vector<std::string_view> sequential(std::size_t classes);

// Black or white, whichever reads better on the given "#rrggbb" fill (WCAG relative luminance).
std::string_view text_on(std::string_view fill);

}  // namespace csa::figure::theme
