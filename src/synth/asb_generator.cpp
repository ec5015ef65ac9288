// asb_incidents (partner_generators.hpp): the synthetic ASB rows.
#include <fmt/format.h>

#include <array>
#include <cmath>

#include "synth/calibration.hpp"
#include "synth/free_text.hpp"
#include "synth/partner_generators.hpp"
#include "synth/timing.hpp"

namespace csa::synth {

std::vector<extract::Record> asb_incidents(const SourceSet& source, const dataset::Geography& geography, double scale,
                                           Rng& rng) {
  namespace c = calibration;
  static constexpr std::array<const char*, 3> kCategory = {"personal", "nuisance", "environmental"};
  static constexpr std::array<std::array<const char*, 3>, 3> kTypes = {
      {{"Neighbour dispute", "Harassment", "Threatening behaviour"},
       {"Rowdy or inconsiderate behaviour", "Noise", "Vehicle nuisance"},
       {"Fly-tipping", "Graffiti", "Littering"}}};
  static constexpr std::array<extract::Risk, 4> kRisk = {extract::Risk::none, extract::Risk::standard,
                                                         extract::Risk::medium, extract::Risk::high};
  std::vector<extract::Record> out;
  for (const auto& s : source.incidents) {
    if (s.crime_type != 0) continue;
    for (std::int64_t k = copies(scale, rng); k > 0; --k) {
      extract::Record r;
      r.reference = fmt::format("SYN-A-{:08d}", out.size() + 1);
      const std::size_t cat = rng.pick(c::kAsbCategory);
      r.code = kCategory[cat];
      r.subtype = kTypes[cat][static_cast<std::size_t>(rng.below(3))];
      Moment m = draw_moment(s.month, TimePattern::general, rng);
      r.start_day = m.day;
      r.start_minute = m.minute;
      r.risk = kRisk[rng.pick(cat == 0 ? c::kPersonalAsbRisk : c::kOtherAsbRisk)];
      place_at(r, s, geography, c::kJitterMetres, true, rng);
      r.free_text = asb_summary(static_cast<int>(cat), rng);
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace csa::synth
