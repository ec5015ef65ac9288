#include "extract/row_mapper.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "core/error.hpp"
#include "geo/gss_code.hpp"
#include "geo/projection.hpp"
#include "taxonomy/closest_name.hpp"

namespace csa::extract {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

std::optional<double> number(std::string_view s) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string spellings_text(const Spellings& s) {
  std::string out;
  for (const auto& t : s.texts) out += fmt::format("{}'{}'", out.empty() ? "" : ", ", t);
  return out.empty() ? "none" : out;
}

Rejection reject(std::string kind, std::string reason) { return {std::move(kind), std::move(reason)}; }

// A Record as Record{} would be, but its strings keep their capacity: ingest overwrites the same
// Records chunk after chunk, so a row's text costs no allocation once the chunks are warm.
void reset_keeping_capacity(Record& r) {
#if defined(__GLIBCXX__) && __SIZEOF_POINTER__ == 8  // the size below is libstdc++'s on 64 bits
  static_assert(sizeof(Record) == 368, "a field was added to Record: reset it here too");
#endif
  for (std::string* s : {&r.reference, &r.code, &r.description, &r.subtype, &r.lsoa_code, &r.ward_code, &r.victim_id,
                         &r.offender_id, &r.free_text}) {
    s->clear();
  }
  const Record blank;
  r.line = blank.line;
  r.start_day = blank.start_day;
  r.start_minute = blank.start_minute;
  r.recorded_day = blank.recorded_day;
  r.recorded_minute = blank.recorded_minute;
  r.markers = blank.markers;
  r.hate_strands = blank.hate_strands;
  r.risk = blank.risk;
  r.crimed = blank.crimed;
  r.easting = blank.easting;
  r.northing = blank.northing;
  r.victim_age = blank.victim_age;
  r.victim_sex = blank.victim_sex;
  r.offender_age = blank.offender_age;
  r.offender_sex = blank.offender_sex;
  r.text_keys = blank.text_keys;
}

}  // namespace

RowMapper::RowMapper(const Mapping& mapping, BoundColumns columns, const offence::OffenceCodeList* codes)
    : m_(mapping), cols_(std::move(columns)), codes_(codes) {
  if (!m_.is_series && m_.kind == DatasetKind::crime && !codes_) {
    throw InternalError("a crime mapping needs the Home Office offence code list");
  }
  if (m_.mapped(Field::longitude)) projector_ = std::make_unique<geo::BngProjector>();
}

RowMapper::~RowMapper() = default;

std::string_view RowMapper::get(Field f) const {
  std::size_t i = cols_.at(f);
  if (i == BoundColumns::kNone) return {};
  return trim((*fields_)[i]);
}

std::optional<Rejection> RowMapper::date(Field date_field, Field time_field, std::string_view what, bool required,
                                         std::int32_t& day, std::int16_t& minute) {
  std::string_view text = get(date_field);
  if (text.empty()) {
    if (required) {
      return reject(fmt::format("{} date is empty", what),
                    fmt::format("{} date is empty (column '{}'; a {} must have one)", what, m_.column(date_field),
                                m_.kind_name()));
    }
    return std::nullopt;
  }
  auto dt = parse_with(m_.date_formats, text);
  if (!dt) {
    std::string format = readable(m_.date_formats);
    return reject(fmt::format("{} date is not a date (format {})", what, format),
                  fmt::format("{} date '{}' is not a date (format {})", what, text, format));
  }
  day = dt->day;
  if (dt->minute >= 0) minute = dt->minute;
  std::string_view time = get(time_field);
  if (!time.empty()) {
    auto t = parse_with(m_.time_formats, time);
    if (!t) {
      std::string format = readable(m_.time_formats);
      return reject(fmt::format("{} time is not a time (format {})", what, format),
                    fmt::format("{} time '{}' is not a time (format {})", what, time, format));
    }
    minute = t->minute;
  }
  return std::nullopt;
}

std::optional<Rejection> RowMapper::age(Field f, std::string_view what, std::int16_t& out) {
  std::string_view text = get(f);
  if (text.empty()) return std::nullopt;
  int v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec == std::errc::result_out_of_range || (ec == std::errc() && ptr == text.data() + text.size() && (v < 0 || v > 120))) {
    return reject(fmt::format("{} age is impossible (0-120)", what), fmt::format("{} age {} is impossible (0-120)", what, text));
  }
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    return reject(fmt::format("{} age is not a whole number of years", what),
                  fmt::format("{} age '{}' is not a whole number of years", what, text));
  }
  out = static_cast<std::int16_t>(v);
  return std::nullopt;
}

std::optional<Rejection> RowMapper::sex(Field f, std::string_view what, Sex& out) {
  if (cols_.at(f) == BoundColumns::kNone) return std::nullopt;
  std::string_view text = get(f);
  for (std::size_t s = 0; s < m_.sex.size(); ++s) {
    if (m_.sex[s].matches(text)) {
      out = static_cast<Sex>(s);
      return std::nullopt;
    }
  }
  return reject(fmt::format("{} sex is not a known spelling", what),
                fmt::format("{} sex '{}' is not a known spelling (female {}; male {}; other {}; unknown {}); add it "
                            "under [values.sex] in {}",
                            what, text, spellings_text(m_.sex[1]), spellings_text(m_.sex[2]), spellings_text(m_.sex[3]),
                            spellings_text(m_.sex[0]), m_.path));
}

std::optional<Rejection> RowMapper::location(Record& r) {
  auto pair = [&](Field a, Field b, std::string_view names, double& x, double& y) -> std::optional<Rejection> {
    std::string_view ta = get(a), tb = get(b);
    if (ta.empty() && tb.empty()) return std::nullopt;
    if (ta.empty() || tb.empty()) {
      return reject(fmt::format("{} has only one of its two values", names),
                    fmt::format("{} ('{}', '{}') has only one of its two values", names, ta, tb));
    }
    auto va = number(ta), vb = number(tb);
    if (!va || !vb) {
      return reject(fmt::format("{} is not a pair of numbers", names),
                    fmt::format("{} ('{}', '{}') is not a pair of numbers", names, ta, tb));
    }
    x = *va;
    y = *vb;
    return std::nullopt;
  };
  auto outside = [](double e, double n) { return !(e >= 0 && e <= kMaxEasting && n >= 0 && n <= kMaxNorthing); };
  if (cols_.at(Field::easting) != BoundColumns::kNone) {
    double e = 0, n = 0;
    if (auto bad = pair(Field::easting, Field::northing, "easting/northing", e, n)) return bad;
    if (!get(Field::easting).empty()) {
      if (outside(e, n)) {
        return reject("easting/northing is outside Great Britain (easting 0-700000, northing 0-1300000)",
                      fmt::format("easting/northing ({}, {}) is outside Great Britain (easting 0-700000, northing "
                                  "0-1300000)",
                                  get(Field::easting), get(Field::northing)));
      }
      r.easting = e;
      r.northing = n;
    }
  } else if (projector_) {
    double lon = 0, lat = 0;
    if (auto bad = pair(Field::longitude, Field::latitude, "longitude/latitude", lon, lat)) return bad;
    if (!get(Field::longitude).empty()) {
      geo::BngPoint p = projector_->to_bng(lon, lat);
      if (std::isnan(p.easting) || std::isnan(p.northing) || outside(p.easting, p.northing)) {
        return reject("longitude/latitude is outside Great Britain",
                      fmt::format("longitude/latitude ({}, {}) is outside Great Britain (projected to British National "
                                  "Grid it is not within easting 0-700000, northing 0-1300000)",
                                  get(Field::longitude), get(Field::latitude)));
      }
      r.easting = p.easting;
      r.northing = p.northing;
    }
  }
  for (auto [f, what, entity] : {std::tuple{Field::lsoa, "LSOA", "01"}, std::tuple{Field::ward, "ward", "05"}}) {
    std::string_view text = get(f);
    if (text.empty()) continue;
    if (!geo::is_gss_code(text) || geo::gss_entity(text).substr(1) != entity) {
      return reject(fmt::format("{} code is not a GSS {} code", what, what),
                    fmt::format("{} code '{}' is not a GSS {} code (a letter, then {} and 6 digits, e.g. E{}…)", what,
                                text, what, entity, entity));
    }
    (f == Field::lsoa ? r.lsoa_code : r.ward_code).assign(text);
  }
  return std::nullopt;
}

std::optional<Rejection> RowMapper::code(Record& r) {
  if (cols_.at(Field::code) == BoundColumns::kNone) return std::nullopt;
  std::string_view text = get(Field::code);
  if (m_.kind == DatasetKind::crime) {
    if (text.empty()) return reject("offence code is empty", fmt::format("offence code is empty (column '{}')", m_.column(Field::code)));
    auto found = codes_->find(text);
    if (!found) {
      return reject("offence code is not in the Home Office code list",
                    fmt::format("offence code '{}' is not in the Home Office code list ({})", text, codes_->source()));
    }
    r.code = codes_->codes()[*found].code;
    return std::nullopt;
  }
  const auto& canon = canonical_codes(m_.kind);
  if (canon.empty()) {  // ed-attendance, ambulance: the location type as written
    r.code.assign(text);
    return std::nullopt;
  }
  for (const auto& [spelling, c] : m_.code_spellings) {
    if (spelling == text) {
      r.code = c;
      return std::nullopt;
    }
  }
  std::string l = lower(text);
  for (const auto& c : canon) {
    if (c == l) {
      r.code = c;
      return std::nullopt;
    }
  }
  auto near = taxonomy::closest_name(l, canon);
  return reject(fmt::format("code is not {}", fmt::join(canon, "|")),
                fmt::format("code '{}' is not {}{}", text, fmt::join(canon, "|"),
                            near ? fmt::format(" (did you mean {}?)", *near) : ""));
}

std::optional<Rejection> RowMapper::map(const std::vector<std::string_view>& fields, Record& r) {
  reset_keeping_capacity(r);
  fields_ = &fields;
  if (fields.size() != cols_.header_fields) {
    return reject("the row does not have as many fields as the header",
                  fmt::format("expected {} fields as in the header, found {}", cols_.header_fields, fields.size()));
  }
  r.reference.assign(get(Field::reference));
  if (auto bad = code(r)) return bad;
  r.description.assign(get(Field::description));
  r.subtype.assign(get(Field::subtype));
  bool crime = m_.kind == DatasetKind::crime;
  if (auto bad = date(Field::start_date, Field::start_time, "start", !crime, r.start_day, r.start_minute)) return bad;
  if (crime) {
    if (auto bad = date(Field::recorded_date, Field::recorded_time, "recorded", true, r.recorded_day, r.recorded_minute)) {
      return bad;
    }
    if (r.start_day != kNoDay && r.recorded_day < r.start_day) {
      return reject("recorded date is before the start date",
                    fmt::format("recorded date {} is before the start date {}", civil_text(r.recorded_day),
                                civil_text(r.start_day)));
    }
  }
  for (std::size_t b = 0; b < static_cast<std::size_t>(kMarkers); ++b) {
    std::size_t i = cols_.marker[b];
    if (i == BoundColumns::kNone) continue;
    std::string_view text = trim(fields[i]);
    if (m_.true_values.matches(text)) {
      r.markers = static_cast<std::uint16_t>(r.markers | (1u << b));
    } else if (!m_.false_values.matches(text)) {
      std::string_view name = marker_name(static_cast<Marker>(1u << b));
      return reject(fmt::format("{} marker is neither true nor false", name),
                    fmt::format("{} marker '{}' (column '{}') is neither true ({}) nor false ({}); set [values] true/false",
                                name, text, m_.markers[b], spellings_text(m_.true_values), spellings_text(m_.false_values)));
    }
  }
  if (std::string_view text = get(Field::hate_strands); !text.empty()) {
    std::size_t pos = 0;
    while (pos <= text.size()) {
      std::size_t end = text.find(m_.strand_separator, pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view part = trim(text.substr(pos, end - pos));
      pos = end + m_.strand_separator.size();
      if (part.empty()) continue;
      bool known = false;
      for (std::size_t s = 0; s < m_.strands.size(); ++s) {
        if (m_.strands[s].matches(part)) {
          r.hate_strands = static_cast<std::uint8_t>(r.hate_strands | (1u << s));
          known = true;
        }
      }
      if (!known) {
        return reject("hate strand is not a known spelling",
                      fmt::format("hate strand '{}' is not a known spelling ({} {} {} {} {}); add it under "
                                  "[values.hate_strands] in {}",
                                  part, spellings_text(m_.strands[0]), spellings_text(m_.strands[1]),
                                  spellings_text(m_.strands[2]), spellings_text(m_.strands[3]),
                                  spellings_text(m_.strands[4]), m_.path));
      }
    }
    if (r.hate_strands != 0) r.markers = static_cast<std::uint16_t>(r.markers | marker_hate);
  }
  if (cols_.at(Field::risk) != BoundColumns::kNone) {
    std::string_view text = get(Field::risk);
    bool known = false;
    for (std::size_t k = 0; k < m_.risk.size() && !known; ++k) {
      if (m_.risk[k].matches(text)) {
        r.risk = static_cast<Risk>(k);
        known = true;
      }
    }
    if (!known) {
      return reject("risk is not a known spelling",
                    fmt::format("risk '{}' is not a known spelling (no {}; standard {}; medium {}; high {}; unknown {})",
                                text, spellings_text(m_.risk[1]), spellings_text(m_.risk[2]),
                                spellings_text(m_.risk[3]), spellings_text(m_.risk[4]), spellings_text(m_.risk[0])));
    }
  }
  if (cols_.at(Field::crimed) != BoundColumns::kNone) {
    std::string_view text = get(Field::crimed);
    if (m_.crimed_true.matches(text)) {
      r.crimed = 1;
    } else if (m_.crimed_false.matches(text)) {
      r.crimed = 0;
    } else {
      return reject("crimed is neither true nor false",
                    fmt::format("crimed '{}' is neither true ({}) nor false ({})", text, spellings_text(m_.crimed_true),
                                spellings_text(m_.crimed_false)));
    }
  }
  if (auto bad = location(r)) return bad;
  if (auto bad = age(Field::victim_age, "victim", r.victim_age)) return bad;
  if (auto bad = sex(Field::victim_sex, "victim", r.victim_sex)) return bad;
  if (auto bad = age(Field::offender_age, "offender", r.offender_age)) return bad;
  if (auto bad = sex(Field::offender_sex, "offender", r.offender_sex)) return bad;
  r.victim_id.assign(get(Field::victim_id));
  r.offender_id.assign(get(Field::offender_id));
  r.free_text.assign(get(Field::free_text));
  return std::nullopt;
}

}  // namespace csa::extract
