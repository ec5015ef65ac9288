// csa workspace: the partnership workspace from the command line (docs/WORKSPACE.md), scriptable:
// every command prints the record it wrote (--format json for machines).
//
// How the CLI authenticates: it trusts the operating system. Whoever can write the SQLite file, or
// connect to the PostgreSQL database with their own credentials (in the URI or ~/.pgpass), is a
// local operator; --as names the workspace user they act as, whose role is checked and under whose
// name every change is audited. Passwords matter to the web pages (users.hpp), which anyone on the
// network may reach; the first user of a workspace must be an admin.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "workspace/board_pack.hpp"
#include "workspace/live_indicator.hpp"
#include "workspace/recommendations_import.hpp"
#include "workspace/workspace.hpp"

namespace csa::cli {
namespace {

namespace ws = csa::workspace;

struct Common {
  std::string workspace;
  std::string as;
  std::string format = "text";
};

std::string location(const Common& c) {
  if (!c.workspace.empty()) return c.workspace;
  const char* env = std::getenv("CSA_WORKSPACE");
  return env && *env ? env : "workspace.db";
}

ws::Actor actor(ws::Workspace& w, const Common& c) {
  if (c.as.empty()) throw InputError("say who is acting with --as USER (changes are audited under that name)");
  auto a = ws::find_user(w.db(), c.as);
  if (!a) {
    throw InputError(fmt::format("{} has no user '{}'; add one with `csa workspace user add`", w.db().describe(), c.as));
  }
  return *a;
}

void print_record(const Common& c, const ws::Json& j, const std::string& what) {
  if (c.format == "json") {
    fmt::print("{}\n", j.dump(2));
  } else {
    fmt::print("{} (id {}, version {})\n", what, j.value("id", std::int64_t{0}), j.value("version", std::int64_t{0}));
  }
}

void add_common(CLI::App* s, const std::shared_ptr<Common>& c, bool acting = true) {
  s->add_option("--workspace", c->workspace,
                "The workspace: a SQLite file (default workspace.db, or $CSA_WORKSPACE) or postgresql://user@host/db");
  if (acting) s->add_option("--as", c->as, "The workspace user acting (audited)");
  s->add_option("--format", c->format, "text or json")->check(CLI::IsMember({"text", "json"}));
}

std::optional<double> opt_number(const std::string& s, std::string_view what) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || *end != '\0') {
    throw InputError(fmt::format("{} '{}' is not a number; write e.g. 167 or 12.5", what, s));
  }
  return v;
}

}  // namespace

void add_workspace_command(CLI::App& app) {
  auto* w = app.add_subcommand("workspace", "The partnership workspace: priorities, actions and RAG, KPIs, budgets, "
                                            "meetings, action points, audit log, board pack");
  w->require_subcommand(1);

  {  // init
    auto c = std::make_shared<Common>();
    auto* s = w->add_subcommand("init", "Create (or migrate) a workspace");
    add_common(s, c, false);
    s->callback([c] {
      ws::Workspace ws_(location(*c));
      fmt::print("workspace ready: {}\n", ws_.db().describe());
    });
  }
  {  // user add
    auto* u = w->add_subcommand("user", "Workspace users (viewer, editor, admin)");
    u->require_subcommand(1);
    auto c = std::make_shared<Common>();
    auto name = std::make_shared<std::string>();
    auto role = std::make_shared<std::string>("editor");
    auto* s = u->add_subcommand("add", "Add a user; the password is read from $CSA_WORKSPACE_PASSWORD or stdin");
    add_common(s, c);
    s->add_option("--name", *name, "User name")->required();
    s->add_option("--role", *role, "viewer, editor or admin")->capture_default_str();
    s->callback([c, name, role] {
      ws::Workspace ws_(location(*c));
      std::string password;
      if (const char* env = std::getenv("CSA_WORKSPACE_PASSWORD")) {
        password = env;
      } else {
        std::getline(std::cin, password);
      }
      std::optional<ws::Actor> by;
      if (!c->as.empty()) by = actor(ws_, *c);
      ws::add_user(ws_.db(), by, *name, ws::parse_role(*role), password);
      fmt::print("user {} added as {}\n", *name, *role);
    });
  }
  {  // priority add
    auto* p = w->add_subcommand("priority", "Priorities");
    p->require_subcommand(1);
    auto c = std::make_shared<Common>();
    auto in = std::make_shared<ws::PriorityInput>();
    auto rec = std::make_shared<std::int64_t>(0);
    auto* s = p->add_subcommand("add", "Add a priority");
    add_common(s, c);
    s->add_option("--code", in->code, "Priority number or code, e.g. 1")->required();
    s->add_option("--title", in->title, "e.g. Support vulnerable groups")->required();
    s->add_option("--from", in->period_from, "First month, YYYY-MM")->required();
    s->add_option("--to", in->period_to, "Last month, YYYY-MM")->required();
    s->add_option("--rationale", in->rationale, "Why (the assessment's finding)");
    s->add_option("--cross-cutting", in->cross_cutting, "Cross-cutting themes");
    s->add_option("--lead", in->lead, "Who leads");
    s->add_option("--recommendation", *rec, "Id of the recommendation it comes from");
    s->callback([c, in, rec] {
      ws::Workspace ws_(location(*c));
      auto a = actor(ws_, *c);
      if (*rec) in->recommendation_id = *rec;
      print_record(*c, ws_.add_priority(a, *in), "priority " + in->code);
    });
  }
  {  // action add / set-rag / progress
    auto* g = w->add_subcommand("action", "Actions of a priority");
    g->require_subcommand(1);
    {
      auto c = std::make_shared<Common>();
      auto in = std::make_shared<ws::ActionInput>();
      auto* s = g->add_subcommand("add", "Add an action");
      add_common(s, c);
      s->add_option("--priority", in->priority, "Priority code")->required();
      s->add_option("--id", in->code, "Hierarchical id, e.g. \"1.1 a\"")->required();
      s->add_option("--description", in->description, "What we will do")->required();
      s->add_option("--lead-agency", in->lead_agency, "Who will lead (agency)")->required();
      s->add_option("--lead-officer", in->lead_officer, "Lead officer");
      s->add_option("--due", in->due, "Due date YYYY-MM-DD");
      s->add_option("--links", in->linked_priorities, "Other priorities it also serves");
      s->callback([c, in] {
        ws::Workspace ws_(location(*c));
        auto a = actor(ws_, *c);
        print_record(*c, ws_.add_action(a, *in), "action " + in->code);
      });
    }
    {
      auto c = std::make_shared<Common>();
      struct Args {
        std::string priority, id, rag, reason, quarter;
        std::int64_t version = 0;
      };
      auto x = std::make_shared<Args>();
      auto* s = g->add_subcommand("set-rag", "Set an action's RAG status for a quarter (a reason is required)");
      add_common(s, c);
      s->add_option("--priority", x->priority)->required();
      s->add_option("--id", x->id)->required();
      s->add_option("--rag", x->rag, "red, amber, green or complete")->required();
      s->add_option("--reason", x->reason, "Why")->required();
      s->add_option("--quarter", x->quarter, "Financial quarter, e.g. fy2024/25q3")->required();
      s->add_option("--version", x->version, "The version you edited (refused if someone changed it since)");
      s->callback([c, x] {
        ws::Workspace ws_(location(*c));
        auto a = actor(ws_, *c);
        std::optional<std::int64_t> v;
        if (x->version > 0) v = x->version;
        print_record(*c, ws_.set_rag(a, x->priority, x->id, x->rag, x->reason, x->quarter, v), "action " + x->id);
      });
    }
    {
      auto c = std::make_shared<Common>();
      struct Args {
        std::string priority, id, quarter, text;
      };
      auto x = std::make_shared<Args>();
      auto* s = g->add_subcommand("progress", "Record an action's progress in a quarter");
      add_common(s, c);
      s->add_option("--priority", x->priority)->required();
      s->add_option("--id", x->id)->required();
      s->add_option("--quarter", x->quarter)->required();
      s->add_option("--text", x->text)->required();
      s->callback([c, x] {
        ws::Workspace ws_(location(*c));
        auto a = actor(ws_, *c);
        print_record(*c, ws_.set_progress(a, x->priority, x->id, x->quarter, x->text), "progress " + x->quarter);
      });
    }
  }
  {  // kpi add / actual / status
    auto* g = w->add_subcommand("kpi", "KPIs: targets, actuals, status");
    g->require_subcommand(1);
    {
      auto c = std::make_shared<Common>();
      auto in = std::make_shared<ws::KpiInput>();
      auto target = std::make_shared<std::string>();
      auto* s = g->add_subcommand("add", "Add a KPI to a priority or an action");
      add_common(s, c);
      s->add_option("--priority", in->priority)->required();
      s->add_option("--action", in->action, "Action id (leave out for the whole priority)");
      s->add_option("--description", in->description)->required();
      s->add_option("--direction", in->direction, "higher or lower is better")->capture_default_str();
      s->add_option("--target", *target, "Overall target");
      s->add_option("--target-by", in->target_by, "Month the overall target is due, YYYY-MM");
      s->callback([c, in, target] {
        ws::Workspace ws_(location(*c));
        auto a = actor(ws_, *c);
        in->target = opt_number(*target, "--target");
        print_record(*c, ws_.add_kpi(a, *in), "KPI");
      });
    }
    {
      auto c = std::make_shared<Common>();
      struct Args {
        std::int64_t kpi = 0;
        std::string quarter, target, actual, note;
      };
      auto x = std::make_shared<Args>();
      auto* s = g->add_subcommand("actual", "Set a quarter's target and/or actual of a KPI");
      add_common(s, c);
      s->add_option("--kpi", x->kpi, "KPI id")->required();
      s->add_option("--quarter", x->quarter)->required();
      s->add_option("--target", x->target);
      s->add_option("--actual", x->actual);
      s->add_option("--note", x->note);
      s->callback([c, x] {
        ws::Workspace ws_(location(*c));
        auto a = actor(ws_, *c);
        auto rec = ws_.set_kpi_quarter(a, x->kpi, x->quarter, opt_number(x->target, "--target"),
                                       opt_number(x->actual, "--actual"), x->note);
        auto st = ws_.kpi_state(x->kpi);
        rec["status"] = std::string(ws::kpi_status_name(st.status));
        print_record(*c, rec, fmt::format("KPI {} {}: {}", x->kpi, x->quarter, ws::kpi_status_name(st.status)));
      });
    }
  }
  {  // meeting add, agenda add
    auto c = std::make_shared<Common>();
    struct Args {
      std::string date, title, location;
    };
    auto x = std::make_shared<Args>();
    auto* g = w->add_subcommand("meeting", "Board meetings");
    g->require_subcommand(1);
    auto* s = g->add_subcommand("add", "Add a meeting");
    add_common(s, c);
    s->add_option("--date", x->date, "YYYY-MM-DD")->required();
    s->add_option("--title", x->title)->required();
    s->add_option("--location", x->location);
    s->callback([c, x] {
      ws::Workspace ws_(location(*c));
      auto a = actor(ws_, *c);
      print_record(*c, ws_.add_meeting(a, x->date, x->title, x->location), "meeting " + x->date);
    });
  }
  {
    auto c = std::make_shared<Common>();
    auto in = std::make_shared<ws::AgendaInput>();
    auto minutes = std::make_shared<std::int64_t>(-1);
    auto* g = w->add_subcommand("agenda", "Agenda items of a meeting");
    g->require_subcommand(1);
    auto* s = g->add_subcommand("add", "Add an agenda item");
    add_common(s, c);
    s->add_option("--meeting", in->meeting, "Meeting date")->required();
    s->add_option("--number", in->number)->required();
    s->add_option("--item", in->item)->required();
    s->add_option("--lead", in->lead);
    s->add_option("--time", *minutes, "Minutes allowed");
    s->add_option("--session", in->session, "closed or public")->capture_default_str();
    s->add_option("--minutes-text", in->minutes, "The minutes of the item");
    s->add_option("--decision", in->decision);
    s->callback([c, in, minutes] {
      ws::Workspace ws_(location(*c));
      auto a = actor(ws_, *c);
      if (*minutes >= 0) in->time_minutes = *minutes;
      print_record(*c, ws_.add_agenda_item(a, *in), fmt::format("agenda item {}", in->number));
    });
  }
  {  // point add / status / carry / history
    auto* g = w->add_subcommand("point", "Action points of board meetings");
    g->require_subcommand(1);
    struct Args {
      std::string meeting, id, description, owner, status, note, to;
    };
    {
      auto c = std::make_shared<Common>();
      auto x = std::make_shared<Args>();
      auto* s = g->add_subcommand("add", "Add an action point (id MM/NN, numbered for you when left out)");
      add_common(s, c);
      s->add_option("--meeting", x->meeting)->required();
      s->add_option("--id", x->id);
      s->add_option("--description", x->description)->required();
      s->add_option("--owner", x->owner)->required();
      s->callback([c, x] {
        ws::Workspace ws_(location(*c));
        auto a = actor(ws_, *c);
        auto r = ws_.add_point(a, x->meeting, x->id, x->description, x->owner);
        print_record(*c, r, "action point " + r["code"].get<std::string>());
      });
    }
    {
      auto c = std::make_shared<Common>();
      auto x = std::make_shared<Args>();
      auto* s = g->add_subcommand("status", "Set an action point open or closed, with a note");
      add_common(s, c);
      s->add_option("--meeting", x->meeting)->required();
      s->add_option("--id", x->id)->required();
      s->add_option("--status", x->status, "open or closed")->required();
      s->add_option("--note", x->note);
      s->callback([c, x] {
        ws::Workspace ws_(location(*c));
        auto a = actor(ws_, *c);
        print_record(*c, ws_.set_point_status(a, x->meeting, x->id, x->status, x->note), "action point " + x->id);
      });
    }
    {
      auto c = std::make_shared<Common>();
      auto x = std::make_shared<Args>();
      auto* s = g->add_subcommand("carry", "Carry an open action point over to a later meeting");
      add_common(s, c);
      s->add_option("--meeting", x->meeting)->required();
      s->add_option("--id", x->id)->required();
      s->add_option("--to", x->to, "Date of the later meeting")->required();
      s->add_option("--note", x->note);
      s->callback([c, x] {
        ws::Workspace ws_(location(*c));
        auto a = actor(ws_, *c);
        auto r = ws_.carry_point(a, x->meeting, x->id, x->to, x->note);
        if (c->format == "json") r["history"] = ws_.point_history(r["id"]);
        print_record(*c, r, "action point " + r["code"].get<std::string>() + " at " + x->to);
      });
    }
  }
  {  // schedule add
    auto c = std::make_shared<Common>();
    auto in = std::make_shared<ws::ScheduleInput>();
    auto* g = w->add_subcommand("schedule", "The continuous-assessment schedule");
    g->require_subcommand(1);
    auto* s = g->add_subcommand("add", "Add a document to the schedule");
    add_common(s, c);
    s->add_option("--document", in->document_no)->required();
    s->add_option("--theme", in->theme)->required();
    s->add_option("--analysis-from", in->analysis_from, "YYYY-MM")->required();
    s->add_option("--analysis-to", in->analysis_to, "YYYY-MM")->required();
    s->add_option("--presentation", in->presentation, "YYYY-MM")->required();
    s->callback([c, in] {
      ws::Workspace ws_(location(*c));
      auto a = actor(ws_, *c);
      print_record(*c, ws_.add_schedule(a, *in), fmt::format("schedule document {}", in->document_no));
    });
  }
  {  // budget add
    auto c = std::make_shared<Common>();
    auto in = std::make_shared<ws::BudgetInput>();
    auto* g = w->add_subcommand("budget", "Budget lines (pooled fund and others)");
    g->require_subcommand(1);
    auto* s = g->add_subcommand("add", "Add a budget line");
    add_common(s, c);
    s->add_option("--priority", in->priority);
    s->add_option("--action", in->action);
    s->add_option("--source", in->source, "e.g. Pooled fund")->required();
    s->add_option("--year", in->financial_year, "e.g. 2018/19")->required();
    s->add_option("--allocated", in->allocated, "Pounds, e.g. 2,000");
    s->add_option("--spent", in->spent);
    s->add_option("--carried-forward", in->carried_forward);
    s->add_option("--note", in->note);
    s->callback([c, in] {
      ws::Workspace ws_(location(*c));
      auto a = actor(ws_, *c);
      print_record(*c, ws_.add_budget_line(a, *in), "budget line");
    });
  }
  {  // audit
    auto c = std::make_shared<Common>();
    struct Args {
      std::string entity, id;
      std::int64_t limit = 100;
      bool timing = false;
    };
    auto x = std::make_shared<Args>();
    auto* s = w->add_subcommand("audit", "The audit log, newest first: who changed what, when, before and after");
    add_common(s, c, false);
    s->add_option("--entity", x->entity, "e.g. action");
    s->add_option("--id", x->id, "The record's id");
    s->add_option("--limit", x->limit)->capture_default_str();
    s->add_flag("--timing", x->timing, "Print the query time on stderr");
    s->callback([c, x] {
      ws::Workspace ws_(location(*c));
      auto t0 = std::chrono::steady_clock::now();
      auto log = ws_.audit(x->entity, x->id, x->limit);
      auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      if (x->timing) fmt::print(stderr, "query: {:.2f} ms ({} rows)\n", ms, log.size());
      if (c->format == "json") {
        fmt::print("{}\n", ws::Json(log).dump(2));
        return;
      }
      for (const auto& e : log) {
        fmt::print("{}  {:<10} {} {} {}\n", e["at"].get<std::string>(), e["actor"].get<std::string>(),
                   e["change"].get<std::string>(), e["entity"].get<std::string>(), e["entity_id"].get<std::string>());
      }
    });
  }
  {  // kpi bind / priority bind / indicators
    struct Args {
      std::int64_t kpi = 0;
      std::string priority;
      ws::IndicatorBinding b;
    };
    auto bind = [&](CLI::App* parent, bool kpi) {
      auto c = std::make_shared<Common>();
      auto x = std::make_shared<Args>();
      auto* s = parent->add_subcommand("bind", "Bind to a measure from the data: theme x area x period");
      add_common(s, c);
      if (kpi) {
        s->add_option("--kpi", x->kpi, "KPI id")->required();
      } else {
        s->add_option("--priority", x->priority, "Priority code")->required();
      }
      s->add_option("--theme", x->b.theme, "Theme or group id, e.g. violence_and_sexual_offences")->required();
      s->add_option("--area", x->b.area, "Area of any level, e.g. Market (a ward) or Cambridge")->required();
      s->add_option("--period", x->b.period, "A period spec, e.g. ye2025-12 (default: year ending the latest month)");
      s->callback([c, x, kpi] {
        ws::Workspace ws_(location(*c));
        auto a = actor(ws_, *c);
        auto r = kpi ? ws::bind_kpi_indicator(ws_, a, x->kpi, x->b) : ws::bind_priority_indicator(ws_, a, x->priority, x->b);
        print_record(*c, r, kpi ? fmt::format("KPI {} bound", x->kpi) : "priority " + x->priority + " bound");
      });
    };
    bind(w->get_subcommand("kpi"), true);
    bind(w->get_subcommand("priority"), false);
    auto c = std::make_shared<Common>();
    auto db = std::make_shared<std::string>();
    auto* s = w->add_subcommand("indicators", "The live indicators bound to priorities and KPIs, from the data store");
    add_common(s, c, false);
    s->add_option("--db", *db, "The data store")->required();
    s->callback([c, db] {
      ws::Workspace ws_(location(*c));
      ws::IndicatorSource source(*db);
      auto all = ws::evaluate_indicators(ws_, source);
      if (c->format == "json") {
        ws::Json out = ws::Json::array();
        for (const auto& [what, li] : all) {
          out.push_back({{"for", what}, {"theme", li.theme}, {"area", li.area}, {"period", li.period},
                         {"previous_period", li.previous_period}, {"latest", li.latest_text},
                         {"previous", li.previous_text}, {"change", li.change_text}, {"p_value", li.p_value},
                         {"significant", li.significant}, {"complete", li.complete}});
        }
        fmt::print("{}\n", out.dump(2));
        return;
      }
      for (const auto& [what, li] : all) fmt::print("{}: {}\n", what, li.sentence());
    });
  }
  {  // import-recommendations, list recommendations
    auto c = std::make_shared<Common>();
    auto cfg = std::make_shared<std::string>();
    auto db = std::make_shared<std::string>();
    auto* s = w->add_subcommand("import-recommendations",
                                "Import the strategic assessment's recommendations (the report's own classification)");
    add_common(s, c);
    s->add_option("--config", *cfg, "The report config (csa.toml), as for csa report")->required();
    s->add_option("--db", *db, "The data store (default: the config's database)");
    s->callback([c, cfg, db] {
      ws::Workspace ws_(location(*c));
      auto a = actor(ws_, *c);
      auto sum = ws::import_recommendations(ws_, a, *cfg, *db);
      if (c->format == "json") {
        fmt::print("{}\n", ws::Json(ws_.recommendations()).dump(2));
        return;
      }
      fmt::print("{}: {} theme recommendations, {} wards for focus\n", sum.source, sum.themes, sum.wards);
      for (const auto& r : ws_.recommendations()) {
        fmt::print("  {:>3}  {:<6} {:<32} {}\n", r["id"].get<std::int64_t>(), r["kind"].get<std::string>(),
                   r["subject"].get<std::string>(), r["category"].get<std::string>());
      }
    });
  }
  {  // list and show: what the pages read (--timing prints the query time, for bench/workspace_load.sh)
    struct Args {
      std::string what, priority, id;
      bool timing = false;
    };
    auto c = std::make_shared<Common>();
    auto x = std::make_shared<Args>();
    auto* s = w->add_subcommand("list", "List records as JSON: priorities, actions, meetings, points, schedule, budget, "
                                        "recommendations");
    add_common(s, c, false);
    s->add_option("what", x->what)->required()->check(CLI::IsMember(
        {"priorities", "actions", "meetings", "points", "schedule", "budget", "recommendations"}));
    s->add_option("--priority", x->priority, "Only this priority's actions");
    s->add_flag("--timing", x->timing, "Print the query time on stderr");
    s->callback([c, x] {
      ws::Workspace ws_(location(*c));
      auto t0 = std::chrono::steady_clock::now();
      std::vector<ws::Json> out;
      if (x->what == "priorities") out = ws_.priorities();
      if (x->what == "actions") {
        for (const auto& p : ws_.priorities()) {
          if (!x->priority.empty() && p["code"] != x->priority) continue;
          for (auto& a : ws_.actions(p["id"])) out.push_back(std::move(a));
        }
      }
      if (x->what == "meetings") out = ws_.meetings();
      if (x->what == "points") {
        for (const auto& m : ws_.meetings()) {
          for (auto& p : ws_.points(m["id"])) out.push_back(std::move(p));
        }
      }
      if (x->what == "schedule") out = ws_.schedule();
      if (x->what == "budget") out = ws_.budget_lines();
      if (x->what == "recommendations") out = ws_.recommendations();
      auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      fmt::print("{}\n", ws::Json(out).dump(c->format == "json" ? 2 : -1));
      if (x->timing) fmt::print(stderr, "query: {:.2f} ms ({} records)\n", ms, out.size());
    });
    auto c2 = std::make_shared<Common>();
    auto y = std::make_shared<Args>();
    auto* d = w->add_subcommand("show", "One action as its page shows it: the record, its quarters and its history");
    add_common(d, c2, false);
    d->add_option("--priority", y->priority)->required();
    d->add_option("--id", y->id)->required();
    d->add_flag("--timing", y->timing, "Print the query time on stderr");
    d->callback([c2, y] {
      ws::Workspace ws_(location(*c2));
      auto t0 = std::chrono::steady_clock::now();
      auto a = ws_.action_by_code(y->priority, y->id);
      ws::Json out = a;
      out["quarters"] = ws_.action_quarters(a["id"]);
      out["history"] = ws_.audit("action", std::to_string(a["id"].get<std::int64_t>()), 50);
      auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      fmt::print("{}\n", out.dump(2));
      if (y->timing) fmt::print(stderr, "query: {:.2f} ms\n", ms);
    });
  }
  {  // export-board-pack
    auto c = std::make_shared<Common>();
    struct Args {
      std::string out, meeting, formats = "html,pdf,docx", db;
    };
    auto x = std::make_shared<Args>();
    auto* s = w->add_subcommand("export-board-pack",
                                "The board pack: action plan tracker with RAG, RAG history, action points, agenda");
    add_common(s, c, false);
    s->add_option("--out", x->out, "Output folder")->required();
    s->add_option("--meeting", x->meeting, "Meeting date for the agenda and action points (default: the latest)");
    s->add_option("--formats", x->formats, "Any of html, pdf, docx")->capture_default_str();
    s->add_option("--db", x->db, "The data store, for the live indicators (leave out for none)");
    s->callback([c, x] {
      ws::Workspace ws_(location(*c));
      std::unique_ptr<ws::IndicatorSource> source;
      if (!x->db.empty()) source = std::make_unique<ws::IndicatorSource>(x->db);
      auto files = ws::export_board_pack(ws_, x->meeting, x->out, x->formats, source.get());
      for (const auto& f : files) fmt::print("{}\n", f);
    });
  }
}

}  // namespace csa::cli
