#include "workspace/board_pack.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "core/error.hpp"
#include "document/docx_writer.hpp"
#include "document/html_writer.hpp"
#include "document/pdf_writer.hpp"
#include "table/area_tables.hpp"

namespace csa::workspace {
namespace {

using table::Align;
using table::Cell;

Cell text(const std::string& s) { return Cell{s, std::nullopt}; }
std::string str(const Json& j) { return j.is_null() ? "" : j.is_string() ? j.get<std::string>() : j.dump(); }

// A RAG cell shaded in the key's colour, bold; the word itself is the cell's text.
document::CellStyle rag_style(Rag r) { return document::CellStyle{std::string(rag_colour(r)), "", true, 0}; }

std::string number_text(double v) {
  if (v == static_cast<double>(static_cast<long long>(v))) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{:.1f}", v);
}

}  // namespace

std::vector<std::pair<std::string, LiveIndicator>> evaluate_indicators(Workspace& w, const IndicatorSource& source) {
  std::vector<std::pair<std::string, LiveIndicator>> out;
  auto binding = [](const Json& r) {
    return IndicatorBinding{str(r["indicator_theme"]), str(r["indicator_area"]), str(r["indicator_period"])};
  };
  for (const auto& p : w.priorities()) {
    if (!p["indicator_theme"].is_null()) {
      out.emplace_back(fmt::format("Priority {}", str(p["code"])), source.evaluate(binding(p)));
    }
    for (const auto& k : w.kpis(p["id"])) {
      if (!k["indicator_theme"].is_null()) {
        out.emplace_back(fmt::format("KPI {}: {}", str(k["id"]), str(k["description"])), source.evaluate(binding(k)));
      }
    }
  }
  return out;
}

document::Document board_pack(Workspace& w, const std::string& meeting, const IndicatorSource* indicators) {
  using namespace document;
  Document doc;
  doc.meta.title = "Community Safety Partnership board pack";
  doc.meta.author = "Community Safety Partnership";
  doc.meta.version = fmt::format("csa {}", CSA_VERSION);

  // Action plan tracker, and the RAG history across every quarter recorded.
  table::Table tracker;
  tracker.title = "Action plan tracker";
  tracker.columns = {{"priority", "Priority", Align::left},     {"action", "Action", Align::left},
                     {"what", "What we will do", Align::left},  {"lead", "Responsible agency / officer", Align::left},
                     {"due", "Due", Align::left},               {"rag", "RAG status", Align::left},
                     {"reason", "RAG reason", Align::left},     {"progress", "Progress to date", Align::left}};
  document::CellStyles tracker_styles, history_styles;
  std::vector<std::string> quarters;
  std::map<std::pair<std::int64_t, std::string>, std::string> rag_by_quarter;
  std::vector<std::pair<std::string, Json>> all_actions;  // priority code, action
  for (const auto& p : w.priorities()) {
    for (const auto& a : w.actions(p["id"])) {
      all_actions.emplace_back(p["code"], a);
      std::string progress;
      for (const auto& q : w.action_quarters(a["id"])) {
        if (std::find(quarters.begin(), quarters.end(), str(q["quarter"])) == quarters.end()) quarters.push_back(q["quarter"]);
        rag_by_quarter[{a["id"].get<std::int64_t>(), q["quarter"]}] = q["rag"];
        if (!str(q["progress"]).empty()) progress = fmt::format("{}: {}", str(q["quarter"]), str(q["progress"]));
      }
      if (Rag r = parse_rag(str(a["rag"])); r != Rag::none) tracker_styles[{tracker.rows.size(), 5}] = rag_style(r);
      std::string lead = str(a["lead_agency"]) + (str(a["lead_officer"]).empty() ? "" : " (" + str(a["lead_officer"]) + ")");
      tracker.rows.push_back({{text(fmt::format("{}. {}", str(p["code"]), str(p["title"]))), text(str(a["code"])),
                               text(str(a["description"])), text(lead), text(str(a["due"])),
                               text(std::string(rag_title(parse_rag(str(a["rag"]))))), text(str(a["rag_reason"])),
                               text(progress)},
                              table::RowKind::body});
    }
  }
  std::sort(quarters.begin(), quarters.end());
  tracker.notes.push_back("RAG status: as the key in {ref:rag-key}.");

  // The key, as the seeds print it under the tracker (004_… 2466-2470): each status in its colour.
  table::Table key;
  key.title = "RAG status key";
  key.columns = {{"rag", "RAG status", Align::left}, {"meaning", "Meaning", Align::left}};
  document::CellStyles key_styles;
  for (Rag r : {Rag::red, Rag::amber, Rag::green, Rag::complete}) {
    key_styles[{key.rows.size(), 0}] = rag_style(r);
    key.rows.push_back({{text(std::string(rag_title(r))), text(std::string(rag_meaning(r)))}, table::RowKind::body});
  }

  table::Table history;
  history.title = "RAG status by quarter";
  history.columns = {{"priority", "Priority", Align::left}, {"action", "Action", Align::left}};
  for (const auto& q : quarters) history.columns.push_back({q, q, Align::left});
  for (const auto& [code, a] : all_actions) {
    table::Row r;
    r.cells = {text(code), text(str(a["code"]))};
    for (const auto& q : quarters) {
      auto it = rag_by_quarter.find({a["id"].get<std::int64_t>(), q});
      const Rag rag = it == rag_by_quarter.end() ? Rag::none : parse_rag(it->second);
      if (rag != Rag::none) history_styles[{history.rows.size(), r.cells.size()}] = rag_style(rag);
      r.cells.push_back(text(it == rag_by_quarter.end() ? "" : std::string(rag_title(rag))));
    }
    history.rows.push_back(std::move(r));
  }

  table::Table kpis;
  kpis.title = "We will check that we're on track by";
  kpis.columns = {{"priority", "Priority", Align::left}, {"kpi", "Measure", Align::left},
                  {"quarter", "Latest quarter", Align::left}, {"target", "Target", Align::right},
                  {"actual", "Actual", Align::right},     {"status", "Status", Align::left}};
  for (const auto& p : w.priorities()) {
    for (const auto& k : w.kpis(p["id"])) {
      auto s = kpi_state(k, w.kpi_quarters(k["id"]));
      kpis.rows.push_back({{text(str(p["code"])), text(str(k["description"])), text(s.quarter),
                            s.target ? Cell{number_text(*s.target), *s.target} : text(""),
                            s.actual ? Cell{number_text(*s.actual), *s.actual} : text(""),
                            text(std::string(kpi_status_name(s.status)))},
                           table::RowKind::body});
    }
  }
  kpis.notes.push_back("Status: on track when the actual meets the quarter's target (or the overall target); at risk "
                       "within 10% of it; off track beyond that (docs/WORKSPACE.md).");

  doc.blocks.push_back(Heading{1, "Action plan", "action-plan"});
  doc.blocks.push_back(TableBlock{"tracker", tracker, 0, std::move(tracker_styles)});
  doc.blocks.push_back(TableBlock{"rag-history", history, 0, std::move(history_styles)});
  doc.blocks.push_back(TableBlock{"rag-key", key, 0, std::move(key_styles)});
  if (!kpis.rows.empty()) doc.blocks.push_back(TableBlock{"kpis", kpis});
  if (indicators) {
    table::Table live;
    live.title = "Indicators from the data";
    live.columns = {{"for", "For", Align::left},          {"measure", "Measure", Align::left},
                    {"area", "Area", Align::left},        {"period", "Period", Align::left},
                    {"latest", "Latest", Align::right},   {"previous", "Year before", Align::right},
                    {"change", "Change", Align::right},   {"significance", "Significance", Align::left}};
    for (const auto& [what, li] : evaluate_indicators(w, *indicators)) {
      live.rows.push_back({{text(what), text(li.theme), text(li.area), text(li.period + (li.complete ? "" : " †")),
                            text(li.latest_text), text(li.previous_text), text(li.change_text),
                            text(li.significant ? fmt::format("significant (p = {:.3f})", li.p_value)
                                                : fmt::format("not significant (p = {:.3f})", li.p_value))},
                           table::RowKind::body});
    }
    live.notes.push_back("Change against the same period a year earlier; significance by the exact test of two Poisson "
                         "counts at the 5% level (docs/METHODS.md). Counts 1-4 below district level show as <5. "
                         "† the period is not fully loaded.");
    live.notes.push_back(table::kOglAttribution);
    if (!live.rows.empty()) doc.blocks.push_back(TableBlock{"indicators", live});
  }

  auto meetings = w.meetings();
  std::optional<Json> m;
  if (!meeting.empty()) {
    m = w.meeting_by_date(meeting);
  } else if (!meetings.empty()) {
    m = meetings.back();
  }
  if (m) {
    doc.meta.subtitle = fmt::format("{}, {}", str((*m)["title"]), str((*m)["held_on"]));
    table::Table agenda;
    agenda.title = fmt::format("Agenda, {}", str((*m)["held_on"]));
    agenda.columns = {{"no", "No.", Align::left}, {"session", "Session", Align::left}, {"item", "Item", Align::left},
                      {"lead", "Lead Officer(s)", Align::left}, {"time", "Time (Mins)", Align::right}};
    auto items = w.agenda((*m)["id"]);
    // The closed session comes first, as the seeds' agendas run it before the public meeting.
    std::stable_partition(items.begin(), items.end(), [](const Json& i) { return i["session"] == "closed"; });
    for (const auto& i : items) {
      agenda.rows.push_back({{text(str(i["number"])),
                              text(i["session"] == "closed" ? "Closed session for CSP Board and Members"
                                                            : "Meeting open to the public"),
                              text(str(i["item"])), text(str(i["lead"])),
                              i["time_minutes"].is_null() ? text("")
                                                          : Cell{str(i["time_minutes"]), i["time_minutes"].get<double>()}},
                             table::RowKind::body});
    }
    table::Table points;
    points.title = "Action points";
    points.columns = {{"id", "Month / number", Align::left}, {"point", "Action point", Align::left},
                      {"owner", "Owner", Align::left},        {"action", "Action", Align::left}};
    auto add_point = [&](const Json& p) {
      std::string status = p["status"] == "closed" ? "Closed" : p["status"] == "open" ? "Open" : "Carried over";
      std::string note = str(p["note"]);
      points.rows.push_back({{text(str(p["code"])), text(str(p["description"])), text(str(p["owner"])),
                              text(note.empty() ? status : status + ": " + note)},
                             table::RowKind::body});
    };
    for (const auto& p : w.points((*m)["id"])) add_point(p);
    for (const auto& p : w.open_points_before(str((*m)["held_on"]))) {
      if (p["meeting_id"] != (*m)["id"]) add_point(p);
    }
    doc.blocks.push_back(Heading{1, "Meeting", "meeting"});
    doc.blocks.push_back(TableBlock{"agenda", agenda});
    doc.blocks.push_back(TableBlock{"action-points", points});
  }
  return doc;
}

std::vector<std::string> export_board_pack(Workspace& w, const std::string& meeting, const std::string& out_dir,
                                           const std::string& formats, const IndicatorSource* indicators) {
  namespace fs = std::filesystem;
  bool html = formats.find("html") != std::string::npos, pdf = formats.find("pdf") != std::string::npos,
       docx = formats.find("docx") != std::string::npos;
  if (!html && !pdf && !docx) throw InputError(fmt::format("--formats '{}' names none of html, pdf, docx", formats));
  auto doc = board_pack(w, meeting, indicators);
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) throw IoError(fmt::format("{}: cannot create the folder: {}", out_dir, ec.message()));
  std::vector<std::string> written;
  auto html_path = (fs::path(out_dir) / "board-pack.html").string();
  if (html || pdf) {
    std::ofstream f(html_path, std::ios::binary);
    f << document::render_html(doc);
    if (!f) throw IoError(fmt::format("{}: cannot write", html_path));
    written.push_back(html_path);
  }
  if (pdf) {
    auto p = (fs::path(out_dir) / "board-pack.pdf").string();
    document::write_pdf(html_path, p);
    written.push_back(p);
  }
  if (docx) {
    auto p = (fs::path(out_dir) / "board-pack.docx").string();
    document::write_docx(doc, p, out_dir);
    written.push_back(p);
  }
  return written;
}

}  // namespace csa::workspace
