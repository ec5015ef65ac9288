#include "measure/share.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "measure/rounding.hpp"

namespace csa::measure {

std::optional<Ratio> share_percent(std::int64_t part, std::int64_t parent) {
  if (part < 0 || parent < 0) {
    throw InputError(fmt::format("share of {} in {}: counts cannot be negative", part, parent));
  }
  if (part > parent) {
    throw InputError(
        fmt::format("share of {} in {}: the part is larger than its parent; pass the "
                    "total that contains it",
                    part, parent));
  }
  if (parent == 0) return std::nullopt;
  return make_ratio(part, parent, kPercent);
}

std::string format_share(std::int64_t part, std::int64_t parent) {
  const std::optional<Ratio> percent = share_percent(part, parent);
  if (!percent) return std::string(kNoShareText);
  return fmt::format("{}%", format_ratio(*percent, 0));
}

}  // namespace csa::measure
