#include "synth/crime_generator.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "synth/calibration.hpp"
#include "synth/timing.hpp"
#include "taxonomy/crime_type.hpp"

namespace csa::synth {
namespace {

namespace c = calibration;

struct Types {
  int bicycle = taxonomy::crime_type_code("Bicycle theft");
  int burglary = taxonomy::crime_type_code("Burglary");
  int damage = taxonomy::crime_type_code("Criminal damage and arson");
  int drugs = taxonomy::crime_type_code("Drugs");
  int other_crime = taxonomy::crime_type_code("Other crime");
  int other_theft = taxonomy::crime_type_code("Other theft");
  int public_order = taxonomy::crime_type_code("Public order");
  int robbery = taxonomy::crime_type_code("Robbery");
  int shoplifting = taxonomy::crime_type_code("Shoplifting");
  int violence = taxonomy::crime_type_code("Violence and sexual offences");
};

// Police.uk types (and the sexual offences within violence) that carry the 23% of DA crimes that
// are not VAP (assumption, calibration.hpp).
bool da_eligible_other(const Types& t, int type, const std::string& group) {
  return type == t.damage || type == t.public_order || type == t.other_crime || type == t.other_theft ||
         type == t.burglary || group == "Sexual offences";
}

std::uint8_t draw_strands(Rng& rng) {
  std::size_t first = rng.pick(c::kHateStrands);
  std::uint8_t bits = static_cast<std::uint8_t>(1u << first);
  if (rng.chance(c::kHateMultipleStrands)) {
    auto w = c::kHateStrands;
    w[first] = 0;
    bits = static_cast<std::uint8_t>(bits | (1u << rng.pick(w)));
  }
  return bits;
}

}  // namespace

std::int64_t copies(double scale, Rng& rng) {
  const double whole = std::floor(scale);
  return static_cast<std::int64_t>(whole) + (rng.chance(scale - whole) ? 1 : 0);
}

void jitter(double& easting, double& northing, double radius, Rng& rng) {
  const double r = radius * std::sqrt(rng.uniform());
  const double a = 2 * std::numbers::pi * rng.uniform();
  easting += r * std::cos(a);
  northing += r * std::sin(a);
}

void place_at(extract::Record& r, const SourceIncident& s, const dataset::Geography& geography, double radius,
              bool located, Rng& rng) {
  if (located && !std::isnan(s.easting)) {
    r.easting = s.easting;
    r.northing = s.northing;
    jitter(r.easting, r.northing, radius, rng);
    r.easting = std::round(r.easting);
    r.northing = std::round(r.northing);
  }
  r.lsoa_code = geography.area(s.lsoa).code;
  if (s.ward >= 0) r.ward_code = geography.area(s.ward).code;
}

CrimeSet generate_crimes(const SourceSet& source, const dataset::Geography& geography, const OffenceMix& mix, double scale,
                         Rng& rng) {
  const Types t;
  const auto& codes = mix.codes().codes();
  CrimeSet out;
  // Pass 1: which source incidents become how many crimes, and their offence codes; this fixes the
  // VAP and eligible volumes the non-VAP DA rate is solved from.
  struct Draft {
    std::size_t source;
    std::size_t code;
  };
  std::vector<Draft> drafts;
  double vap = 0, eligible = 0;
  for (std::size_t i = 0; i < source.incidents.size(); ++i) {
    const auto& s = source.incidents[i];
    if (s.crime_type == 0) continue;  // ASB: asb.csv
    for (std::int64_t k = copies(scale, rng); k > 0; --k) {
      std::size_t code = mix.draw(s.crime_type, rng);
      drafts.push_back({i, code});
      const auto& g = codes[code].group;
      if (g == "Violence against the person") vap += 1;
      else if (da_eligible_other(t, s.crime_type, g)) eligible += 1;
    }
  }
  // 77% of DA crimes are VAP (seed 002 line 478): the other 23% spread over the eligible crimes.
  out.da_rate_other =
      eligible > 0 ? std::min(1.0, (1 - c::kVapShareOfDa) / c::kVapShareOfDa * c::kDaShareOfVap * vap / eligible) : 0;

  // Pass 2: everything else, crime by crime.
  VictimPool victims("V", c::kRepeatVictim, c::kRepeatVictimDa);
  out.rows.reserve(drafts.size());
  out.facts.reserve(drafts.size());
  std::vector<VictimKind> kinds;
  std::vector<std::size_t> with_offender;
  for (std::size_t n = 0; n < drafts.size(); ++n) {
    const auto& s = source.incidents[drafts[n].source];
    const auto& code = codes[drafts[n].code];
    const int type = s.crime_type;
    extract::Record r;
    CrimeFacts f;
    f.lsoa = s.lsoa;
    f.ward = s.ward;
    f.month = s.month;
    f.subgroup = code.subgroup;
    f.group = code.group;
    r.reference = fmt::format("SYN-C-{:08d}", n + 1);
    r.code = code.code;
    r.description = code.description;
    const bool is_vap = code.group == "Violence against the person";
    const bool is_sexual = code.group == "Sexual offences";

    // Markers.
    if (is_vap ? rng.chance(c::kDaShareOfVap)
               : da_eligible_other(t, type, code.group) && rng.chance(out.da_rate_other)) {
      r.markers |= extract::marker_domestic_abuse;
    }
    const double hate = type == t.public_order ? c::kHateRatePublicOrder : is_vap ? c::kHateRateVap : c::kHateRateOther;
    if (rng.chance(hate)) {
      r.markers |= extract::marker_hate;
      r.hate_strands = draw_strands(rng);
    }
    const bool da = r.has_marker(extract::marker_domestic_abuse);
    f.victim_kind = da ? VictimKind::domestic : is_sexual ? VictimKind::sexual : is_vap ? VictimKind::violence
                                                                                        : VictimKind::general;
    if (da) f.relation = draw_relation(rng);
    f.night_economy = is_vap && !da && code.subgroup != "Stalking and harassment" && rng.chance(c::kNightTimeEconomyShare);
    if (type == t.robbery && rng.chance(c::kKnifeOnRobbery)) r.markers |= extract::marker_knife;
    if (code.subgroup == "Violence with injury" && rng.chance(c::kKnifeOnViolenceWithInjury)) r.markers |= extract::marker_knife;
    const double cyber = code.subgroup == "Stalking and harassment" ? c::kCyberOnStalking
                         : is_sexual                                ? c::kCyberOnSexual
                                                                    : c::kCyberOther;
    if (rng.chance(cyber)) r.markers |= extract::marker_cyber;
    if (rng.chance(f.night_economy ? c::kAlcoholOnNightViolence : is_vap ? c::kAlcoholOnViolence : 0.0)) {
      r.markers |= extract::marker_alcohol;
    }
    if (rng.chance(type == t.drugs ? c::kDrugsOnDrugs : c::kDrugsOther)) r.markers |= extract::marker_drugs;
    if (code.subgroup == "Trafficking of drugs" && rng.chance(c::kCceOnDrugsTrafficking)) r.markers |= extract::marker_cce;

    // Dates: police.uk publishes a crime in the month it was recorded, and the analyses count by
    // recorded date, so the recorded date lies in the police.uk month and the offence is the lag
    // before it. The offence's weekday and hour follow its pattern: the moment is drawn in the month,
    // and when the lag carries the recorded date past the month's end both move back by whole weeks
    // (a random one of the shifts that land the recorded date in the month).
    TimePattern pattern = da ? TimePattern::home_evening
                          : f.night_economy ? TimePattern::night_economy
                          : type == t.shoplifting ? TimePattern::shop_hours
                          : code.subgroup == "Residential burglary" ? TimePattern::residential
                                                                    : TimePattern::general;
    Moment m = draw_moment(s.month, pattern, rng);
    const std::int32_t lag = draw_lag_days(is_sexual, rng);
    r.start_day = m.day;
    r.recorded_day = m.day + lag;
    const std::int32_t month_first = day_number(s.month.year(), s.month.month(), 1);
    const std::int32_t month_last = day_number((s.month + 1).year(), (s.month + 1).month(), 1) - 1;
    if (r.recorded_day > month_last) {
      const std::int64_t k_min = (r.recorded_day - month_last + 6) / 7, k_max = (r.recorded_day - month_first) / 7;
      const auto weeks = static_cast<std::int32_t>(rng.between(k_min, k_max));
      r.start_day -= 7 * weeks;
      r.recorded_day -= 7 * weeks;
    }
    r.start_minute = m.minute;
    // Recorded some minutes to hours after the offence on the same day, or in office hours later.
    r.recorded_minute = static_cast<std::int16_t>(
        lag == 0 ? std::min<std::int64_t>(23 * 60 + 59, m.minute + rng.between(10, 240)) : rng.between(8 * 60, 20 * 60));

    // Place.
    place_at(r, s, geography, c::kJitterMetres, !std::isnan(s.easting) && !rng.chance(c::kUnlocatedCrime), rng);

    // Victim.
    if (c::kHasPersonalVictim[static_cast<std::size_t>(type)]) {
      const auto hints = read_hints(code.description);
      Person v = victims.draw(s.lsoa, f.victim_kind, hints, rng);
      r.victim_id = v.id;
      r.victim_age = v.age;
      r.victim_sex = v.sex;
      if (rng.chance(c::kVulnerableVictim)) r.markers |= extract::marker_vulnerable_victim;
      if (is_sexual && v.age >= 0 && v.age < 18 && rng.chance(c::kCseOnSexualChild)) r.markers |= extract::marker_cse;
    }
    kinds.push_back(f.victim_kind);
    if (da || rng.chance(c::kOffenderKnown[static_cast<std::size_t>(type)])) with_offender.push_back(n);

    r.free_text = crime_mo({type, code.description, f.relation, f.night_economy}, rng);
    out.rows.push_back(std::move(r));
    out.facts.push_back(std::move(f));
  }
  out.victims = victims.people();

  // Offenders, per 12-month block from the first month (the seed counts crimes per offender over
  // twelve months).
  if (!out.rows.empty()) {
    const period::Month first = source.incidents.front().month;
    std::vector<std::vector<std::size_t>> blocks;
    for (std::size_t n : with_offender) {
      const auto b = static_cast<std::size_t>((out.facts[n].month - first) / 12);
      if (blocks.size() <= b) blocks.resize(b + 1);
      blocks[b].push_back(n);
    }
    std::int64_t next_id = 0;
    for (const auto& block : blocks) {
      auto a = assign_offenders(block, kinds, "P", next_id, rng);
      for (std::size_t k = 0; k < block.size(); ++k) {
        auto& r = out.rows[block[k]];
        const auto& o = a.offenders[a.offender_of[k]];
        r.offender_id = o.id;
        r.offender_age = o.age;
        r.offender_sex = o.sex;
      }
    }
    out.offenders = next_id;
  }
  return out;
}

}  // namespace csa::synth
