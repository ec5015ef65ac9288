#include "synth/people.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "synth/calibration.hpp"

namespace csa::synth {
namespace {

struct Band {
  int lo, hi;
  double weight;
};

// Assumptions (docs/EXTRACTS.md). Victims of crime in general: mostly adults of working age.
constexpr std::array<Band, 9> kVictimAges = {{{5, 9, 2},
                                              {10, 17, 9},
                                              {18, 24, 18},
                                              {25, 34, 22},
                                              {35, 44, 18},
                                              {45, 54, 14},
                                              {55, 64, 9},
                                              {65, 79, 6},
                                              {80, 95, 2}}};
// Sexual offence victims: younger, a third under 18.
constexpr std::array<Band, 7> kSexualVictimAges = {
    {{5, 12, 10}, {13, 17, 24}, {18, 24, 26}, {25, 34, 18}, {35, 44, 11}, {45, 64, 9}, {65, 90, 2}}};
// Offenders: the age-crime curve, peaking in the late teens and twenties.
constexpr std::array<Band, 7> kOffenderAges = {
    {{10, 17, 12}, {18, 24, 26}, {25, 34, 30}, {35, 44, 17}, {45, 54, 9}, {55, 64, 4}, {65, 85, 2}}};

constexpr double kVictimAgeMissing = 0.06, kVictimSexUnknown = 0.03;
constexpr double kOffenderAgeMissing = 0.15, kOffenderSexUnknown = 0.05;

template <std::size_t N>
std::int16_t draw_band(const std::array<Band, N>& bands, int min_age, int max_age, Rng& rng) {
  std::array<double, N> w{};
  for (std::size_t i = 0; i < N; ++i) {
    const bool fits = (max_age < 0 || bands[i].lo <= max_age) && (min_age < 0 || bands[i].hi >= min_age);
    w[i] = fits ? bands[i].weight : 0.0;
  }
  double sum = 0;
  for (double x : w) sum += x;
  if (sum <= 0) return static_cast<std::int16_t>(max_age >= 0 ? max_age : min_age);
  const auto& b = bands[rng.pick(w)];
  int lo = min_age >= 0 ? std::max(b.lo, min_age) : b.lo;
  int hi = max_age >= 0 ? std::min(b.hi, max_age) : b.hi;
  if (hi < lo) return static_cast<std::int16_t>(lo);
  return static_cast<std::int16_t>(rng.between(lo, hi));
}

std::string lower(const std::string& s) {
  std::string out;
  for (char c : s) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

}  // namespace

DescriptionHints read_hints(const std::string& description) {
  DescriptionHints h;
  const std::string d = lower(description);
  if (d.find("female") != std::string::npos) {
    h.sex = extract::Sex::female;
  } else if (d.find(" male") != std::string::npos) {
    h.sex = extract::Sex::male;
  }
  if (d.find("under 13") != std::string::npos) h.max_age = 12;
  else if (d.find("under 16") != std::string::npos) h.max_age = 15;
  else if (d.find("under 18") != std::string::npos || d.find("child") != std::string::npos) h.max_age = 17;
  if (d.find("aged 16 and over") != std::string::npos) h.min_age = 16;
  else if (d.find("aged 13 and over") != std::string::npos) h.min_age = 13;
  return h;
}

std::int16_t draw_victim_age(VictimKind kind, const DescriptionHints& hints, Rng& rng) {
  // A child-specific offence always has its age: the code says it.
  if (hints.max_age < 0 && rng.chance(kVictimAgeMissing)) return extract::kNoAge;
  if (kind == VictimKind::sexual) return draw_band(kSexualVictimAges, hints.min_age, hints.max_age, rng);
  // Domestic abuse victims are 16 or over (the statutory definition).
  // A child-specific code (cruelty to a child) wins over that.
  int min_age = kind == VictimKind::domestic ? std::max(16, hints.min_age) : hints.min_age;
  if (hints.max_age >= 0 && min_age > hints.max_age) min_age = hints.min_age;
  return draw_band(kVictimAges, min_age, hints.max_age, rng);
}

extract::Sex draw_victim_sex(VictimKind kind, const DescriptionHints& hints, Rng& rng) {
  if (hints.sex != extract::Sex::unknown) return hints.sex;
  if (rng.chance(kVictimSexUnknown)) return extract::Sex::unknown;
  double female = 0.5;  // assumption: general crime, about even
  switch (kind) {
    case VictimKind::general: female = 0.5; break;
    case VictimKind::violence: female = 0.45; break;
    case VictimKind::domestic: female = 0.75; break;
    case VictimKind::sexual: female = 0.88; break;
  }
  return rng.chance(female) ? extract::Sex::female : extract::Sex::male;
}

std::int16_t draw_offender_age(Rng& rng) {
  if (rng.chance(kOffenderAgeMissing)) return extract::kNoAge;
  return draw_band(kOffenderAges, -1, -1, rng);
}

extract::Sex draw_offender_sex(VictimKind kind, Rng& rng) {
  if (rng.chance(kOffenderSexUnknown)) return extract::Sex::unknown;
  double male = 0.82;  // assumption
  if (kind == VictimKind::sexual) male = 0.97;
  if (kind == VictimKind::domestic) male = 0.78;
  return rng.chance(male) ? extract::Sex::male : extract::Sex::female;
}

int draw_offender_crimes(Rng& rng) {
  namespace c = calibration;
  switch (rng.pick(c::kOffendersByCrimes)) {
    case 0: return 1;
    case 1: return 2;
    case 2: {
      // 3, 4 or 5 with mean 3.3 (1,194 crimes / 359 offenders): weights 0.775, 0.15, 0.075.
      static constexpr std::array<double, 3> w = {0.775, 0.15, 0.075};
      return 3 + static_cast<int>(rng.pick(w));
    }
    default: {
      // Pareto with minimum 6 and mean 9.5: alpha = 9.5 / (9.5 - 6) = 2.714; capped at 200.
      const double alpha = c::kPersistentMeanCrimes / (c::kPersistentMeanCrimes - 6.0);
      double x = 6.0 * std::pow(1.0 - rng.uniform(), -1.0 / alpha);
      return static_cast<int>(std::min(200.0, std::round(x)));
    }
  }
}

VictimPool::VictimPool(std::string prefix, double repeat, double repeat_domestic)
    : prefix_(std::move(prefix)), repeat_(repeat), repeat_domestic_(repeat_domestic) {}

Person VictimPool::fresh(VictimKind kind, const DescriptionHints& hints, Rng& rng) {
  Person p;
  p.id = fmt::format("{}{:07d}", prefix_, ++next_);
  p.age = draw_victim_age(kind, hints, rng);
  p.sex = draw_victim_sex(kind, hints, rng);
  return p;
}

Person VictimPool::draw(int lsoa, VictimKind kind, const DescriptionHints& hints, Rng& rng) {
  const bool domestic = kind == VictimKind::domestic;
  auto& seen = domestic ? seen_domestic_[lsoa] : seen_[lsoa];
  // A code that fixes the victim's age or sex (a child, a female victim) gets a new person, so a
  // repeat victim never contradicts the offence description.
  const bool constrained = hints.sex != extract::Sex::unknown || hints.max_age >= 0 || hints.min_age >= 0;
  if (!constrained && !seen.empty() && rng.chance(domestic ? repeat_domestic_ : repeat_)) {
    return seen[static_cast<std::size_t>(rng.below(static_cast<std::int64_t>(seen.size())))];
  }
  Person p = fresh(kind, hints, rng);
  seen.push_back(p);
  return p;
}

OffenderAssignment assign_offenders(const std::vector<std::size_t>& crimes, const std::vector<VictimKind>& kind_of_crime,
                                    const std::string& id_prefix, std::int64_t& next_id, Rng& rng) {
  OffenderAssignment out;
  std::vector<std::size_t> order(crimes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  // Fisher-Yates with our own draws (std::shuffle's use of the engine is not specified).
  for (std::size_t i = order.size(); i > 1; --i) {
    std::swap(order[i - 1], order[static_cast<std::size_t>(rng.below(static_cast<std::int64_t>(i)))]);
  }
  out.offender_of.assign(crimes.size(), 0);
  std::size_t at = 0;
  while (at < order.size()) {
    const auto size = static_cast<std::size_t>(draw_offender_crimes(rng));
    const std::size_t offender = out.offenders.size();
    Person p;
    p.id = fmt::format("{}{:07d}", id_prefix, ++next_id);
    p.age = draw_offender_age(rng);
    p.sex = draw_offender_sex(kind_of_crime[crimes[order[at]]], rng);
    out.offenders.push_back(std::move(p));
    for (std::size_t k = 0; k < size && at < order.size(); ++k) out.offender_of[order[at++]] = offender;
  }
  return out;
}

}  // namespace csa::synth
