#include "stats/confidence.hpp"

#include <fmt/format.h>

#include <boost/math/distributions/normal.hpp>
#include <cmath>

#include "core/error.hpp"

namespace csa::stats {

void check_confidence(double confidence, std::string_view what) {
  if (!std::isfinite(confidence) || confidence <= 0.0 || confidence >= 1.0) {
    throw InputError(
        fmt::format("{}: confidence level {} is not between 0 and 1; give it as a fraction, "
                    "e.g. 0.95 for 95% or 0.998 for 99.8%",
                    what, confidence));
  }
}

double two_sided_z(double confidence, std::string_view what) {
  check_confidence(confidence, what);
  const boost::math::normal standard;
  // The upper-tail form keeps full precision for levels close to 1 (99.8%, 99.9%).
  return boost::math::quantile(boost::math::complement(standard, (1.0 - confidence) / 2.0));
}

}  // namespace csa::stats
