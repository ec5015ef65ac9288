#include "synth/csv_layouts.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <memory>

#include "core/error.hpp"
#include "synth/timing.hpp"

namespace csa::synth {
namespace {

using extract::Record;

class CsvFile {
 public:
  CsvFile(const std::string& path, std::string_view header) : path_(path), file_(std::fopen(path.c_str(), "wb"), &std::fclose) {
    if (!file_) throw IoError(fmt::format("cannot write {}: check the --out folder exists and is writable", path));
    line(std::string(header));
  }
  void line(const std::string& text) {
    if (std::fwrite(text.data(), 1, text.size(), file_.get()) != text.size() || std::fputc('\n', file_.get()) == EOF) {
      throw IoError(fmt::format("cannot write {} (disk full?)", path_));
    }
  }
  void close() {
    if (std::fclose(file_.release()) != 0) throw IoError(fmt::format("cannot finish writing {} (disk full?)", path_));
  }

 private:
  std::string path_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
};

std::string dmy(std::int32_t day) {
  if (day == extract::kNoDay) return "";
  auto d = civil_date(day);
  return fmt::format("{:02d}/{:02d}/{:04d}", d.day, d.month, d.year);
}
std::string iso(std::int32_t day) {
  auto d = civil_date(day);
  return fmt::format("{:04d}-{:02d}-{:02d}", d.year, d.month, d.day);
}
std::string hm(std::int16_t minute) { return minute < 0 ? "" : fmt::format("{:02d}:{:02d}", minute / 60, minute % 60); }
std::string yn(bool b) { return b ? "Y" : "N"; }
std::string age(std::int16_t a) { return a < 0 ? "" : std::to_string(a); }
std::string metres(double v) { return std::isnan(v) ? "" : fmt::format("{:.0f}", v); }
std::string sex_letter(extract::Sex s) {
  return s == extract::Sex::female ? "F" : s == extract::Sex::male ? "M" : "U";
}
std::string sex_word(extract::Sex s) {
  return s == extract::Sex::female ? "Female" : s == extract::Sex::male ? "Male" : "Unknown";
}
std::string strands(std::uint8_t bits) {
  static constexpr std::array<const char*, 5> names = {"Race", "Religion", "Sexual Orientation", "Disability",
                                                       "Transgender"};
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (bits & (1u << i)) out += (out.empty() ? "" : ";") + std::string(names[i]);
  }
  return out;
}
std::string asb_risk(extract::Risk r) {
  switch (r) {
    case extract::Risk::none: return "No Risk";
    case extract::Risk::standard: return "Standard";
    case extract::Risk::medium: return "Medium";
    case extract::Risk::high: return "High";
    case extract::Risk::unknown: return "";
  }
  return "";
}
std::string capitalised(const std::string& s) {
  std::string out = s;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string join(std::initializer_list<std::string> fields) {
  std::string out;
  bool first = true;
  for (const auto& f : fields) {
    if (!first) out += ',';
    out += csv_field(f);
    first = false;
  }
  return out;
}

}  // namespace

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void write_crime_csv(const std::string& path, const std::vector<Record>& rows) {
  CsvFile f(path, kCrimeHeader);
  for (const auto& r : rows) {
    f.line(join({r.reference, r.code, r.description, dmy(r.start_day), hm(r.start_minute), dmy(r.recorded_day),
                 hm(r.recorded_minute), metres(r.easting), metres(r.northing), r.lsoa_code, r.ward_code,
                 yn(r.has_marker(extract::marker_domestic_abuse)), yn(r.has_marker(extract::marker_hate)),
                 strands(r.hate_strands), yn(r.has_marker(extract::marker_cse)), yn(r.has_marker(extract::marker_knife)),
                 yn(r.has_marker(extract::marker_cyber)), yn(r.has_marker(extract::marker_vulnerable_victim)),
                 yn(r.has_marker(extract::marker_alcohol)), yn(r.has_marker(extract::marker_drugs)),
                 yn(r.has_marker(extract::marker_cce)), age(r.victim_age),
                 r.victim_id.empty() ? "" : sex_letter(r.victim_sex), age(r.offender_age),
                 r.offender_id.empty() ? "" : sex_letter(r.offender_sex), r.victim_id, r.offender_id, r.free_text}));
  }
  f.close();
}

void write_asb_csv(const std::string& path, const std::vector<Record>& rows) {
  CsvFile f(path, kAsbHeader);
  for (const auto& r : rows) {
    f.line(join({r.reference, capitalised(r.code), r.subtype, dmy(r.start_day), hm(r.start_minute), metres(r.easting),
                 metres(r.northing), r.lsoa_code, r.ward_code, asb_risk(r.risk), r.free_text}));
  }
  f.close();
}

void write_da_csv(const std::string& path, const std::vector<Record>& rows) {
  CsvFile f(path, kDaHeader);
  for (const auto& r : rows) {
    f.line(join({r.reference, dmy(r.start_day), hm(r.start_minute), yn(r.crimed == 1), asb_risk(r.risk),
                 age(r.victim_age), sex_letter(r.victim_sex), age(r.offender_age),
                 r.offender_id.empty() ? "" : sex_letter(r.offender_sex), r.victim_id, r.offender_id, metres(r.easting),
                 metres(r.northing), r.lsoa_code, r.ward_code, r.free_text}));
  }
  f.close();
}

void write_fire_csv(const std::string& path, const std::vector<Record>& rows, const geo::BngProjector& projector) {
  CsvFile f(path, kFireHeader);
  for (const auto& r : rows) {
    std::string lon, lat;
    if (r.located()) {
      auto p = projector.to_lon_lat(r.easting, r.northing);
      if (!std::isnan(p.lon)) {
        lon = fmt::format("{:.6f}", p.lon);
        lat = fmt::format("{:.6f}", p.lat);
      }
    }
    f.line(join({r.reference, iso(r.start_day), hm(r.start_minute), capitalised(r.code), r.subtype, r.description, lon,
                 lat, r.lsoa_code, r.ward_code}));
  }
  f.close();
}

void write_ed_csv(const std::string& path, const std::vector<Record>& rows) {
  CsvFile f(path, kEdHeader);
  for (const auto& r : rows) {
    f.line(join({r.reference, dmy(r.start_day), hm(r.start_minute), age(r.victim_age), sex_word(r.victim_sex), r.code,
                 r.lsoa_code}));
  }
  f.close();
}

void write_ambulance_csv(const std::string& path, const std::vector<Record>& rows) {
  CsvFile f(path, kAmbulanceHeader);
  for (const auto& r : rows) {
    f.line(join({r.reference, dmy(r.start_day), hm(r.start_minute), age(r.victim_age), sex_word(r.victim_sex), r.code,
                 metres(r.easting), metres(r.northing), r.lsoa_code}));
  }
  f.close();
}

void write_treatment_csv(const std::string& path, const std::vector<TreatmentRow>& rows) {
  CsvFile f(path, kTreatmentHeader);
  for (const auto& r : rows) f.line(join({r.category, std::to_string(r.ye_sep_2023), std::to_string(r.ye_sep_2024)}));
  f.close();
}

}  // namespace csa::synth
