// Population-style pyramids of the people in crimes (victims, offenders) by age band and sex: males
// on the left, females on the right, the youngest band at the bottom, on one shared value scale so
// the two sides compare by length. A suppressed cell (1-4 people, extract_analysis/pyramid.hpp) is
// drawn as "[c]" beside the axis, never as a bar: a short bar would give the hidden count away.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "figure/frame.hpp"
#include "figure/theme.hpp"

namespace csa::figure {

struct PyramidChartSpec {
  FigureText text;
  std::vector<std::string> bands;             // top to bottom, as the table prints them (oldest first)
  std::vector<std::optional<double>> male;    // one per band; nullopt: suppressed
  std::vector<std::optional<double>> female;  // one per band; nullopt: suppressed
  std::string value_axis_title;               // "Victims (crimes counted)"
  std::string suppressed_label = "[c]";       // ONS: [c] confidential
  double width = theme::page_width;
};

// Throws InternalError on a malformed spec (no bands, lengths differ, a negative or non-finite value).
std::string pyramid_chart(const PyramidChartSpec& spec);

}  // namespace csa::figure
