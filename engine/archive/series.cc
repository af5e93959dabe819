#include "archive/series.h"

#include <algorithm>
#include <map>
#include <set>

namespace notice::archive {
namespace {

std::string titlePattern(const std::string& title, const Grammar& grammar) {
  std::string pattern = title;
  RE2::GlobalReplace(&pattern, grammar.re("series.title_variable"), "…");
  return pattern;
}

std::vector<Summary> ordered(std::vector<const StoredVersion*> members) {
  std::sort(members.begin(), members.end(), [](const StoredVersion* a, const StoredVersion* b) {
    auto key = [](const StoredVersion* v) {
      return std::make_tuple(v->record.year.value_or(0), v->record.issue_date.value_or(""), v->summary.id);
    };
    return key(a) < key(b);
  });
  std::vector<Summary> out;
  for (const auto* m : members) out.push_back(m->summary);
  return out;
}

std::vector<int64_t> idsOf(const Series& s) {
  std::vector<int64_t> ids;
  for (const auto& m : s.members) ids.push_back(m.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

std::vector<Series> findSeries(const std::vector<StoredVersion>& versions, const Grammar& grammar) {
  std::map<std::string, std::vector<const StoredVersion*>> byActivity;
  std::map<std::pair<std::string, std::string>, std::vector<const StoredVersion*>> byTitle;
  const RE2& activity = grammar.re("genre_activity.event_name");
  for (const auto& v : versions) {
    std::set<std::string> events;
    for (const auto& t : v.record.themes) {
      if (t.event) events.insert(*t.event);
    }
    for (const auto& p : v.record.event_periods) {
      if (p.event) events.insert(*p.event);
    }
    for (const auto& e : events) {
      if (RE2::PartialMatch(e, activity)) byActivity[e].push_back(&v);
    }
    const auto& issuers = v.record.issuers.empty() ? v.record.issuer_mark : v.record.issuers;
    if (v.record.title && !issuers.empty()) byTitle[{issuers.front(), titlePattern(*v.record.title, grammar)}].push_back(&v);
  }
  std::vector<Series> out;
  std::set<std::vector<int64_t>> taken;
  for (auto& [name, members] : byActivity) {
    if (members.size() < 2) continue;
    out.push_back({Series::Kind::kActivity, name, "", ordered(members)});
    taken.insert(idsOf(out.back()));
  }
  for (auto& [key, members] : byTitle) {
    if (members.size() < 2) continue;
    Series s{Series::Kind::kTitle, key.second, key.first, ordered(members)};
    if (!taken.count(idsOf(s))) out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const Series& a, const Series& b) {
    return a.members.size() != b.members.size() ? a.members.size() > b.members.size() : a.name < b.name;
  });
  return out;
}

Result<Series> pickSeries(const std::vector<Series>& all, const std::string& name) {
  std::vector<const Series*> containing;
  for (const auto& s : all) {
    if (s.name == name) return s;
    if (s.name.find(name) != std::string::npos) containing.push_back(&s);
  }
  if (containing.size() == 1) return *containing.front();
  std::string message = containing.empty() ? "no series is called '" + name + "'" : "several series match '" + name + "':";
  for (const auto* s : containing) message += "\n  " + s->name;
  if (containing.empty()) message += " (`notice series` lists them)";
  return Error{ErrorCode::kBadArgument, message};
}

}  // namespace notice::archive
