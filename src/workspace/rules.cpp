#include "workspace/rules.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <vector>

#include "core/error.hpp"
#include "core/thousands.hpp"
#include "period/month.hpp"
#include "period/period_spec.hpp"

namespace csa::workspace {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

Rag parse_rag(std::string_view text) {
  auto t = lower(trim(text));
  if (t == "red" || t == "r") return Rag::red;
  if (t == "amber" || t == "a") return Rag::amber;
  if (t == "green" || t == "g") return Rag::green;
  if (t == "complete" || t == "completed" || t == "c") return Rag::complete;
  if (t == "none" || t.empty()) return Rag::none;
  throw InputError(fmt::format("RAG status '{}' is not known; use red, amber, green or complete", text));
}

std::string_view rag_name(Rag r) {
  switch (r) {
    case Rag::red: return "red";
    case Rag::amber: return "amber";
    case Rag::green: return "green";
    case Rag::complete: return "complete";
    case Rag::none: break;
  }
  return "none";
}

std::string_view rag_title(Rag r) {
  switch (r) {
    case Rag::red: return "RED";
    case Rag::amber: return "AMBER";
    case Rag::green: return "GREEN";
    case Rag::complete: return "COMPLETE";
    case Rag::none: break;
  }
  return "Not assessed";
}

std::string_view rag_meaning(Rag r) {
  switch (r) {
    case Rag::red: return "Off target, action required";
    case Rag::amber: return "Off target within reason, monitor";
    case Rag::green: return "On target";
    case Rag::complete: return "On target (= complete)";
    case Rag::none: break;
  }
  return "Not yet assessed";
}

std::string_view rag_colour(Rag r) {
  switch (r) {
    case Rag::red: return "#f4c7c3";
    case Rag::amber: return "#ffe8a3";
    case Rag::green: return "#cce2d8";
    case Rag::complete: return "#a7d3b5";
    case Rag::none: break;
  }
  return "";
}

ActionCode parse_action_code(std::string_view text) {
  std::string t = trim(text);
  auto bad = [&](std::string_view why) {
    return InputError(fmt::format("action id '{}' {}; write numbers with dots and an optional letter, e.g. 1.1 a", text,
                                  why));
  };
  if (!t.empty() && t.back() == ')') t.pop_back();
  std::vector<int> numbers;
  std::size_t i = 0;
  while (true) {
    std::size_t start = i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    if (i == start) throw bad(numbers.empty() ? "does not start with a number" : "has an empty part after a dot");
    if (i - start > 4) throw bad("has a number above 9999");
    numbers.push_back(std::stoi(t.substr(start, i - start)));
    if (i < t.size() && t[i] == '.') {
      ++i;
      continue;
    }
    break;
  }
  while (i < t.size() && t[i] == ' ') ++i;
  std::string letter;
  if (i < t.size()) {
    if (i + 1 != t.size() || !std::isalpha(static_cast<unsigned char>(t[i]))) throw bad("has text after the numbers");
    letter = std::string(1, static_cast<char>(std::tolower(static_cast<unsigned char>(t[i]))));
  }
  ActionCode c;
  for (std::size_t k = 0; k < numbers.size(); ++k) {
    c.code += (k ? "." : "") + std::to_string(numbers[k]);
    c.sort_key += fmt::format("{}{:04}", k ? "." : "", numbers[k]);
  }
  if (!letter.empty()) {
    c.code += " " + letter;
    c.sort_key += " " + letter;
  }
  return c;
}

std::string parse_point_code(std::string_view text) {
  std::string t = trim(text);
  int mm = 0, nn = 0;
  auto slash = t.find('/');
  auto num = [](std::string_view s, int& out) {
    auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
  };
  if (slash == std::string::npos || !num(std::string_view(t).substr(0, slash), mm) ||
      !num(std::string_view(t).substr(slash + 1), nn) || mm < 1 || mm > 12 || nn < 1 || nn > 99) {
    throw InputError(fmt::format("action point id '{}' is not MM/NN (month of the meeting / number 1-99), e.g. 10/03",
                                 text));
  }
  return fmt::format("{:02}/{:02}", mm, nn);
}

std::string parse_quarter(std::string_view text) {
  std::string t = lower(trim(text));
  // "2024/25 q3" -> "fy2024/25q3"
  if (t.size() == 10 && t[4] == '/' && t[7] == ' ' && t[8] == 'q') t = "fy" + t.substr(0, 7) + t.substr(8);
  std::optional<period::Window> w;
  try {
    w = period::parse_window_spec(t, "quarter");
  } catch (const InputError&) {
  }
  if (!w || w->kind() != period::WindowKind::financial_quarter) {
    throw InputError(fmt::format("quarter '{}' is not a financial quarter; write fy2024/25q3 or 2024/25 Q3", text));
  }
  int m = w->first().month();
  int start = m >= 4 ? w->first().year() : w->first().year() - 1;
  int q = ((m - 4 + 12) % 12) / 3 + 1;
  return fmt::format("{}/{:02} Q{}", start, (start + 1) % 100, q);
}

std::string parse_date(std::string_view text, std::string_view field) {
  std::string t = trim(text);
  auto bad = [&] {
    return InputError(fmt::format("{} '{}' is not a date; write YYYY-MM-DD, e.g. 2025-02-25", field, text));
  };
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') throw bad();
  auto m = period::Month::try_parse(std::string_view(t).substr(0, 7));
  int d = 0;
  auto r = std::from_chars(t.data() + 8, t.data() + 10, d);
  if (!m || r.ec != std::errc() || d < 1) throw bad();
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y = m->year();
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m->month() - 1] + (m->month() == 2 && leap ? 1 : 0);
  if (d > max) throw bad();
  return t;
}

std::string parse_month(std::string_view text, std::string_view field) {
  auto m = period::Month::try_parse(trim(text));
  if (!m || trim(text).size() != 7) {
    throw InputError(fmt::format("{} '{}' is not a month; write YYYY-MM, e.g. 2016-07", field, text));
  }
  return trim(text);
}

long long parse_pence(std::string_view text, std::string_view field) {
  std::string t;
  for (char c : trim(text)) {
    if (c != ',' && c != '\xc2' && c != '\xa3') t += c;  // drop thousands commas and the £ sign (UTF-8 C2 A3)
  }
  auto bad = [&] {
    return InputError(fmt::format("{} '{}' is not an amount of money; write pounds, e.g. 2000 or 1,250.50", field, text));
  };
  if (t.empty() || t[0] == '-') throw bad();
  auto dot = t.find('.');
  std::string pounds = t.substr(0, dot);
  std::string pence = dot == std::string::npos ? "" : t.substr(dot + 1);
  if (pence.size() > 2) throw bad();
  while (pence.size() < 2) pence += '0';
  long long p = 0, q = 0;
  auto r1 = std::from_chars(pounds.data(), pounds.data() + pounds.size(), p);
  auto r2 = std::from_chars(pence.data(), pence.data() + pence.size(), q);
  if (pounds.empty() || r1.ec != std::errc() || r1.ptr != pounds.data() + pounds.size() || r2.ec != std::errc() ||
      r2.ptr != pence.data() + pence.size() || p > 1'000'000'000'000LL) {
    throw bad();
  }
  return p * 100 + q;
}

std::string pence_text(long long pence) {
  std::string sign = pence < 0 ? "-" : "";
  long long a = pence < 0 ? -pence : pence;
  std::string pounds = csa::with_commas(static_cast<std::int64_t>(a / 100));
  if (a % 100 == 0) return fmt::format("{}£{}", sign, pounds);
  return fmt::format("{}£{}.{:02}", sign, pounds, a % 100);
}

std::int64_t parse_integer(std::string_view text, std::string_view field) {
  const std::string t = trim(text);
  std::int64_t n = 0;
  auto r = std::from_chars(t.data(), t.data() + t.size(), n);
  if (t.empty() || r.ec != std::errc() || r.ptr != t.data() + t.size()) {
    throw InputError(fmt::format("{} '{}' is not a whole number", field, text));
  }
  return n;
}

std::optional<double> parse_optional_number(std::string_view text, std::string_view field) {
  const std::string t = trim(text);
  if (t.empty()) return std::nullopt;
  double d = 0;
  auto r = std::from_chars(t.data(), t.data() + t.size(), d);
  if (r.ec != std::errc() || r.ptr != t.data() + t.size()) {
    throw InputError(fmt::format("{} '{}' is not a number; write e.g. 167 or 12.5", field, text));
  }
  return d;
}

std::string required_text(std::string_view text, std::string_view field) {
  std::string t = trim(text);
  if (t.empty()) throw InputError(fmt::format("{} is empty; give it some text", field));
  return t;
}

PointStatus parse_point_status(std::string_view text) {
  auto t = lower(trim(text));
  if (t == "open" || t == "in progress") return PointStatus::open;
  if (t == "closed") return PointStatus::closed;
  if (t == "carried_over" || t == "carried over") return PointStatus::carried_over;
  throw InputError(fmt::format("action point status '{}' is not known; use open, closed or carried_over", text));
}

std::string_view point_status_name(PointStatus s) {
  switch (s) {
    case PointStatus::closed: return "closed";
    case PointStatus::carried_over: return "carried_over";
    case PointStatus::open: break;
  }
  return "open";
}

AgendaSession parse_session(std::string_view text) {
  auto t = lower(trim(text));
  if (t == "closed") return AgendaSession::closed;
  if (t == "public" || t == "open") return AgendaSession::open_to_public;
  throw InputError(fmt::format("session '{}' is not known; use closed (board and members only) or public", text));
}

std::string_view session_name(AgendaSession s) { return s == AgendaSession::closed ? "closed" : "public"; }

}  // namespace csa::workspace
