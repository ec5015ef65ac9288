#include "figure/theme.hpp"

#include <array>
#include <cmath>
#include <string>

#include "core/error.hpp"

namespace csa::figure::theme {

std::string_view categorical(std::size_t index) {
  // Blue and vermillion first: the pair that stays distinct under every common deficiency and in
  // grey scale (different lightness), so two-series charts are safe however they are viewed.
  static constexpr std::array<std::string_view, 7> colours = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                              "#E69F00", "#56B4E9", "#000000"};
  return colours[index % colours.size()];
}

std::vector<std::string_view> sequential(std::size_t classes) {
  // colorbrewer2.org's YlGnBu for 3..9 classes (its own per-count picks, not an interpolation, so
  // neighbouring classes stay distinguishable); 1 and 2 classes borrow from the 3-class scheme.
  switch (classes) {
    case 1:
      return {"#41b6c4"};
    case 2:
      return {"#a1dab4", "#2c7fb8"};
    case 3:
      return {"#edf8b1", "#7fcdbb", "#2c7fb8"};
    case 4:
      return {"#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"};
    case 5:
      return {"#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"};
    case 6:
      return {"#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"};
    case 7:
      return {"#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"};
    case 8:
      return {"#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"};
    case 9:
      return {"#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"};
    default:
      throw InternalError("theme::sequential: " + std::to_string(classes) + " classes; 1 to 9 are available");
  }
}

std::string_view text_on(std::string_view fill) {
  if (fill.size() != 7 || fill[0] != '#')
    throw InternalError("theme::text_on: not a #rrggbb colour: " + std::string(fill));
  auto channel = [&](std::size_t at) {
    const double c = std::stoi(std::string(fill.substr(at, 2)), nullptr, 16) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  const double luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05); they are equal at L ≈ 0.179.
  return luminance > 0.179 ? text : background;
}

}  // namespace csa::figure::theme
