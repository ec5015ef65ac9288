#include "measure/change.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "measure/rounding.hpp"

namespace csa::measure {
namespace {

void require_count(std::int64_t count, std::string_view which) {
  if (count < 0) {
    throw InputError(fmt::format("the {} count is {}; counts cannot be negative", which, count));
  }
}

}  // namespace

Change compute_change(std::int64_t earlier, std::int64_t later) {
  require_count(earlier, "earlier");
  require_count(later, "later");
  Change change{earlier, later, later - earlier, std::nullopt};
  if (earlier != 0) change.percent = make_ratio(change.diff, earlier, kPercent);
  return change;
}

std::string format_signed_volume(std::int64_t diff) {
  return diff > 0 ? fmt::format("+{}", diff) : fmt::format("{}", diff);
}

std::string format_whole_percent_change(const Ratio& percent) {
  const std::int64_t whole = round_half_away(percent);
  return whole > 0 ? fmt::format("+{}%", whole) : fmt::format("{}%", whole);
}

std::string format_percent_and_volume(const Change& change, const PercentVolumeStyle& style) {
  const std::string volume = format_signed_volume(change.diff);
  if (!change.percent) return fmt::format("({})", volume);
  if (change.diff == 0) return style.zero_change_text;
  return fmt::format("{} ({})", format_whole_percent_change(*change.percent), volume);
}

std::string format_cadet_percent(const Change& change) {
  if (!change.percent) return std::string(kNoCalcText);
  // The magnitude is rounded on its own so the sign can follow the count change ("+ 0.0%").
  const char* sign = change.diff < 0 ? "-" : "+";
  const Ratio& percent = *change.percent;
  const std::string magnitude =
      format_ratio(percent.numerator < 0 ? -percent.numerator : percent.numerator, percent.denominator, 1);
  return fmt::format("{} {}%", sign, magnitude);
}

std::string format_plain_change(const Change& change) { return fmt::format("{}", change.diff); }

}  // namespace csa::measure
