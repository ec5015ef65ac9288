// Victims and offenders of synthetic crimes: age and sex (a plausible pyramid: offenders mostly men
// of 18-34, sexual offence victims mostly women, some values missing), repeat victims (an earlier
// victim of the same LSOA again), and offender ids shared between crimes so that crimes per offender
// follow the published Cambridge distribution (seed 000 lines 1529-1555, synth/calibration.hpp).
// Ages and sexes have no published local figure: every weight here is an assumption, listed in
// docs/EXTRACTS.md.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/record.hpp"
#include "synth/random.hpp"

namespace csa::synth {

struct Person {
  std::string id;
  std::int16_t age = extract::kNoAge;
  extract::Sex sex = extract::Sex::unknown;
};

// What shapes a victim: the kind of crime and what its description says of the victim.
enum class VictimKind : std::uint8_t { general, violence, domestic, sexual };

// Hints read from a Home Office offence description ("Rape of a female child under 13").
struct DescriptionHints {
  extract::Sex sex = extract::Sex::unknown;  // "female"/"male" in the description
  int max_age = -1;                          // "under 13" -> 12, "under 16" -> 15, "under 18" -> 17
  int min_age = -1;                          // "aged 13 and over" -> 13, "aged 16 and over" -> 16
};
DescriptionHints read_hints(const std::string& description);

// Draws victims, remembering them by LSOA so some come back as repeat victims.
class VictimPool {
 public:
  // `repeat` and `repeat_domestic`: the chance that a victim is someone already a victim in the LSOA.
  VictimPool(std::string prefix, double repeat, double repeat_domestic);
  Person draw(int lsoa, VictimKind kind, const DescriptionHints& hints, Rng& rng);
  std::int64_t people() const { return next_; }

 private:
  Person fresh(VictimKind kind, const DescriptionHints& hints, Rng& rng);
  std::string prefix_;
  double repeat_, repeat_domestic_;
  std::int64_t next_ = 0;
  std::unordered_map<int, std::vector<Person>> seen_, seen_domestic_;
};

// Age and sex of a new person (victim of `kind`, or an offender when `offender`).
std::int16_t draw_victim_age(VictimKind kind, const DescriptionHints& hints, Rng& rng);
extract::Sex draw_victim_sex(VictimKind kind, const DescriptionHints& hints, Rng& rng);
std::int16_t draw_offender_age(Rng& rng);
extract::Sex draw_offender_sex(VictimKind kind, Rng& rng);

// The number of crimes of one new offender: 1, 2, 3-5 or 6+ with the published proportions of
// offenders, a Pareto tail above six with the published mean of about 9.5.
int draw_offender_crimes(Rng& rng);

// Shares offender ids among crimes: `crimes` are the indexes of crimes with an identified
// offender in one 12-month block (the seed's "twelve month period"); they are shuffled and cut into
// offenders of draw_offender_crimes() crimes each. Returns, per crime in `crimes`' order, the index
// of its offender into `offenders`, whose attributes are drawn once (so an offender's age and sex
// agree across all their crimes).
struct OffenderAssignment {
  std::vector<std::size_t> offender_of;
  std::vector<Person> offenders;
};
OffenderAssignment assign_offenders(const std::vector<std::size_t>& crimes, const std::vector<VictimKind>& kind_of_crime,
                                    const std::string& id_prefix, std::int64_t& next_id, Rng& rng);

}  // namespace csa::synth
