#include "diff/diff.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/calendar.h"
#include "core/utf8.h"
#include "diff/duties.h"
#include "diff/record_shape.h"
#include "diff/roles.h"
#include "diff/words.h"

namespace notice {
namespace {

using nlohmann::json;

// Days from `a` to `b`, when both are dates as the record writes them (a month alone counts
// from its first day); a hand-edited "2021-2000000000-01" has none, and no arithmetic overflows on it.
std::optional<int> shiftDays(const json& a, const json& b) {
  if (!a.is_string() || !b.is_string()) return std::nullopt;
  auto x = dateFromIso(a.get_ref<const std::string&>()), y = dateFromIso(b.get_ref<const std::string&>());
  if (!x || !y) return std::nullopt;
  return y->daysSinceEpoch() - x->daysSinceEpoch();
}

// The list at `key` of a record (a reference into it, not a copy), or an empty one.
const json& listAt(const json& r, const char* key) {
  static const json empty = json::array();
  auto it = r.find(key);
  return it != r.end() && it->is_array() ? *it : empty;
}

// An object of the keys and values given in turn (objectOf("op", op, "text", text)), built key by
// key: from an initializer list, nlohmann makes each pair an array of two first and the object
// from those, which cost a comparison of lists more than the comparing.
void put(json&) {}
template <typename Value, typename... Rest>
void put(json& object, const char* key, Value&& value, Rest&&... rest) {
  object[key] = std::forward<Value>(value);
  put(object, std::forward<Rest>(rest)...);
}
template <typename... Members>
json objectOf(Members&&... members) {
  json object(json::value_t::object);
  put(object, std::forward<Members>(members)...);
  return object;
}

json entry(const std::string& path, const char* op, json oldValue, json newValue) {
  return objectOf("path", path, "op", op, "old", std::move(oldValue), "new", std::move(newValue));
}

void scalarFields(const json& a, const json& b, json& out) {
  for (const char* key : {"doc_number", "title", "doc_type", "province", "year", "issuer_count", "issue_date",
                          "printed", "publicity"}) {
    json va = a.value(key, json()), vb = b.value(key, json());
    if (va == vb) continue;
    const char* op = va.is_null() ? "added" : vb.is_null() ? "removed" : "changed";
    std::optional<int> shift;
    if (std::string(key) == "issue_date") shift = shiftDays(va, vb);
    if (std::string(key) == "printed" && va.is_object() && vb.is_object()) {
      shift = shiftDays(va.value("date", json()), vb.value("date", json()));
    }
    json e = entry(std::string("/") + key, op, std::move(va), std::move(vb));
    if (shift) e["shift_days"] = *shift;
    out.push_back(std::move(e));
  }
}

// Equal items of two lists paired in order, in linear time: each old item takes the first unused
// new item with the same key. Per old item its new one, per new item its old one; -1 for none.
struct Pairing {
  std::vector<int> of_old, of_new;
};

Pairing pairEqual(const std::vector<std::string>& x, const std::vector<std::string>& y) {
  Pairing p{std::vector<int>(x.size(), -1), std::vector<int>(y.size(), -1)};
  std::unordered_map<std::string_view, std::deque<size_t>> unusedNew;
  for (size_t j = 0; j < y.size(); ++j) unusedNew[y[j]].push_back(j);
  for (size_t i = 0; i < x.size(); ++i) {
    auto it = unusedNew.find(x[i]);
    if (it == unusedNew.end() || it->second.empty()) continue;
    p.of_old[i] = static_cast<int>(it->second.front());
    p.of_new[it->second.front()] = static_cast<int>(i);
    it->second.pop_front();
  }
  return p;
}

// Lists of strings: an item added or removed is one entry (multiset difference, in order).
void stringLists(const json& a, const json& b, json& out) {
  for (const char* key : {"issuer_mark", "recipients", "issuers", "cc"}) {
    std::vector<std::string> x, y;
    for (const auto& v : listAt(a, key)) if (v.is_string()) x.push_back(v);
    for (const auto& v : listAt(b, key)) if (v.is_string()) y.push_back(v);
    const Pairing p = pairEqual(x, y);
    for (size_t i = 0; i < x.size(); ++i) {
      if (p.of_old[i] < 0) out.push_back(entry("/" + std::string(key) + "/" + std::to_string(i), "removed", x[i], nullptr));
    }
    for (size_t j = 0; j < y.size(); ++j) {
      if (p.of_new[j] < 0) out.push_back(entry("/" + std::string(key) + "/" + std::to_string(j), "added", nullptr, y[j]));
    }
  }
}

// The most pairs of list items or sections scored for similarity in one comparison: a notice
// has tens of each, so 40,000 (200 by 200) is never reached by one; hostile records fall back to
// exact matching.
constexpr size_t kMaxScoredPairs = 40000;

// Items matched by a key or by similarity of a text, then compared whole.
template <typename Score>
void matchedList(const std::string& key, const json& a, const json& b, Score score, double threshold, json& out,
                 const char* dateField = nullptr) {
  const json empty = json::array();
  const json& x = a.contains(key) && a[key].is_array() ? a[key] : empty;
  const json& y = b.contains(key) && b[key].is_array() ? b[key] : empty;
  // Identical items pair up first, by their text, in linear time.
  std::vector<std::string> oldTexts, newTexts;
  for (const auto& v : x) oldTexts.push_back(v.dump());
  for (const auto& v : y) newTexts.push_back(v.dump());
  Pairing paired = pairEqual(oldTexts, newTexts);
  std::vector<int>& matchOfOld = paired.of_old;
  std::vector<int>& matchOfNew = paired.of_new;
  std::vector<size_t> restOld, restNew;
  for (size_t i = 0; i < x.size(); ++i) if (matchOfOld[i] < 0) restOld.push_back(i);
  for (size_t j = 0; j < y.size(); ++j) if (matchOfNew[j] < 0) restNew.push_back(j);
  // The rest by similarity, best pairs first; beyond kMaxScoredPairs (far more items than a
  // notice has) the rest stay removed and added rather than costing n·m time and memory.
  std::vector<std::tuple<double, size_t, size_t>> pairs;
  if (restOld.size() * restNew.size() <= kMaxScoredPairs) {
    for (size_t i : restOld) {
      for (size_t j : restNew) {
        double s = score(x[i], y[j]);
        if (s >= threshold) pairs.emplace_back(s, i, j);
      }
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const auto& l, const auto& r) { return std::get<0>(l) > std::get<0>(r); });
  for (const auto& [s, i, j] : pairs) {
    if (matchOfOld[i] >= 0 || matchOfNew[j] >= 0) continue;
    matchOfOld[i] = static_cast<int>(j);
    matchOfNew[j] = static_cast<int>(i);
  }
  for (size_t i = 0; i < x.size(); ++i) {
    std::string path = "/" + key + "/" + std::to_string(i);
    if (matchOfOld[i] < 0) {
      out.push_back(entry(path, "removed", x[i], nullptr));
      continue;
    }
    const json& other = y[static_cast<size_t>(matchOfOld[i])];
    if (x[i] == other) continue;
    json e = entry("/" + key + "/" + std::to_string(matchOfOld[i]), "changed", x[i], other);
    if (dateField) {
      if (auto s = shiftDays(x[i].value(dateField, json()), other.value(dateField, json()))) e["shift_days"] = *s;
    }
    out.push_back(std::move(e));
  }
  for (size_t j = 0; j < y.size(); ++j) {
    if (matchOfNew[j] < 0) out.push_back(entry("/" + key + "/" + std::to_string(j), "added", nullptr, y[j]));
  }
}

std::string str(const json& v, const char* key) {
  return v.is_object() && v.contains(key) && v[key].is_string() ? v[key].get<std::string>() : "";
}

// The activities a record is about (职业教育活动周, 全民终身学习活动周), from its periods and themes.
std::vector<std::string> eventNames(const json& r) {
  std::vector<std::string> out;
  for (const char* key : {"event_periods", "themes"}) {
    for (const auto& v : listAt(r, key)) {
      std::string e = str(v, "event");
      if (!e.empty() && std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
  }
  return out;
}

// The activity a deadline belongs to: the first of `events` its action, its relative phrase or
// its sentence names (in that order), matched without the closing 周 so that
// "全民终身学习活动开展情况汇总表" counts; empty when none is named.
std::string deadlineEvent(const json& deadline, const std::vector<std::string>& events) {
  for (const char* key : {"action", "relative", "text"}) {
    std::string where = str(deadline, key);
    for (const auto& e : events) {
      std::string stem = utf8::endsWith(e, "周") ? e.substr(0, e.size() - std::string("周").size()) : e;
      if (!stem.empty() && where.find(stem) != std::string::npos) return e;
    }
  }
  return "";
}

// The bodies of a list (issuers, recipients) lined up by role, in order of first appearance.
json byRoleOf(const char* key, const json& a, const json& b, const RoleRegistry& roles) {
  std::vector<std::string> order;
  std::map<std::string, std::pair<json, json>> byRole;
  auto collect = [&](const json& record, bool isNew) {
    for (const auto& v : listAt(record, key)) {
      if (!v.is_string()) continue;
      std::string role = roles.roleOf(v).value_or("其他：" + v.get<std::string>());
      if (!byRole.count(role)) order.push_back(role);
      auto& [o, n] = byRole[role];
      (isNew ? n : o).push_back(v);
    }
  };
  collect(a, false);
  collect(b, true);
  json out = json::array();
  for (const auto& role : order) {
    auto& [o, n] = byRole[role];
    if (o.is_null()) o = json::array();
    if (n.is_null()) n = json::array();
    // Names that differ only in the width of their brackets are the same name.
    auto folded = [](const json& names) {
      std::vector<std::string> out;
      for (const auto& v : names) {
        std::string s = v.get<std::string>();
        for (auto [wide, narrow] : {std::pair<const char*, const char*>{"（", "("}, {"）", ")"}}) {
          for (size_t at; (at = s.find(wide)) != std::string::npos;) s.replace(at, std::string(wide).size(), narrow);
        }
        out.push_back(s);
      }
      return out;
    };
    const char* op = o.empty() ? "added" : n.empty() ? "removed" : folded(o) == folded(n) ? "same" : "renamed";
    out.push_back(objectOf("role", role, "op", op, "old", std::move(o), "new", std::move(n)));
  }
  return out;
}

// The body of each top-level section: its stretch of the record's text, up to the next
// section or the first element after the 正文 (signature, date, attachments).
std::vector<std::string> sectionBodies(const json& r) {
  const json& sections = listAt(r, "sections");
  std::vector<std::string> out(sections.size());
  if (!r.contains("text") || !r["text"].is_string() || !r.contains("provenance")) return out;
  const std::string& text = r["text"].get_ref<const std::string&>();
  // Provenance counts characters (a character begins at a byte that is not a continuation byte:
  // JSON text is valid UTF-8).
  const size_t length = utf8::codepointCount(text);
  const json& prov = r["provenance"];
  auto startOf = [&](const std::string& pointer) -> std::optional<size_t> {
    if (!prov.contains(pointer)) return std::nullopt;
    return prov[pointer]["chars"][0].get<size_t>();
  };
  std::vector<size_t> starts;
  for (size_t i = 0; i < sections.size(); ++i) starts.push_back(startOf("/sections/" + std::to_string(i)).value_or(length));
  size_t end = length;
  for (const char* after : {"/attachments/0", "/issuers/0", "/issue_date", "/publicity"}) {
    if (auto p = startOf(after); p && !starts.empty() && *p > starts.back()) end = std::min(end, *p);
  }
  // The bytes where the characters the bodies begin and end at begin, found in one walk over the
  // text (a table of every character's byte was a page fault per 512 characters).
  std::vector<size_t> marks{std::min(end, length)};
  for (size_t start : starts) marks.push_back(std::min(start, length));
  std::sort(marks.begin(), marks.end());
  marks.erase(std::unique(marks.begin(), marks.end()), marks.end());
  std::vector<size_t> byteOfMark(marks.size());
  for (size_t i = 0, chars = 0, k = 0; k < marks.size(); ++i) {
    if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    for (; k < marks.size() && marks[k] == chars; ++k) byteOfMark[k] = i;
    ++chars;
  }
  auto byteAt = [&](size_t chars) { return byteOfMark[static_cast<size_t>(std::lower_bound(marks.begin(), marks.end(), chars) - marks.begin())]; };
  for (size_t i = 0; i < sections.size(); ++i) {
    size_t from = starts[i], to = std::min(i + 1 < starts.size() ? starts[i + 1] : end, length);
    if (from >= to) continue;
    const size_t first = byteAt(from);
    out[i] = text.substr(first, byteAt(to) - first);
  }
  return out;
}

// The matched sections that keep their relative order: the longest increasing run of `seq` (new
// positions, in old order), ties going to the run that keeps more sections at their old number
// (`samePlace`), so that of two swapped sections the one that left its place is the one moved.
// Quadratic, but a notice has tens of sections at most; beyond kMaxQuadraticRun sections (a
// hostile record) the longest run is found in O(n log n) without the tie rule.
constexpr size_t kMaxQuadraticRun = 2000;

std::set<size_t> longestIncreasingRun(const std::vector<int>& seq) {
  std::vector<size_t> tails;                 // tails[l]: index ending the best run of length l+1
  std::vector<size_t> prev(seq.size(), SIZE_MAX);
  for (size_t i = 0; i < seq.size(); ++i) {
    auto at = std::lower_bound(tails.begin(), tails.end(), seq[i], [&](size_t t, int v) { return seq[t] < v; });
    if (at != tails.begin()) prev[i] = *(at - 1);
    if (at == tails.end()) tails.push_back(i);
    else *at = i;
  }
  std::set<size_t> keep;
  for (size_t k = tails.empty() ? SIZE_MAX : tails.back(); k != SIZE_MAX; k = prev[k]) keep.insert(k);
  return keep;
}

std::set<size_t> inOrder(const std::vector<int>& seq, const std::vector<bool>& samePlace) {
  const size_t n = seq.size();
  if (n > kMaxQuadraticRun) return longestIncreasingRun(seq);
  std::vector<long> best(n);
  std::vector<size_t> prev(n, SIZE_MAX);
  for (size_t i = 0; i < n; ++i) {
    const long own = 1000 + (samePlace[i] ? 1 : 0);
    best[i] = own;
    for (size_t k = 0; k < i; ++k) {
      if (seq[k] < seq[i] && best[k] + own > best[i]) {
        best[i] = best[k] + own;
        prev[i] = k;
      }
    }
  }
  std::set<size_t> keep;
  if (n == 0) return keep;
  size_t last = static_cast<size_t>(std::max_element(best.begin(), best.end()) - best.begin());
  for (size_t k = last; k != SIZE_MAX; k = prev[k]) keep.insert(k);
  return keep;
}

void alignSections(const json& a, const json& b, json& sectionsOut, json& textOut) {
  const json& x = listAt(a, "sections");
  const json& y = listAt(b, "sections");
  auto bodiesA = sectionBodies(a), bodiesB = sectionBodies(b);
  std::vector<std::tuple<double, size_t, size_t>> pairs;
  std::set<std::pair<size_t, size_t>> closePairs;  // strong enough to call a split or a merge
  // Each text's bigrams once, not once per pair.
  auto profiles = [](const json& sections, const std::vector<std::string>& bodies) {
    std::vector<std::pair<Bigrams, Bigrams>> out;
    for (size_t i = 0; i < sections.size(); ++i) out.emplace_back(bigrams(str(sections[i], "title")), bigrams(bodies[i]));
    return out;
  };
  // Past kMaxScoredPairs, only sections identical in heading and body are paired.
  const bool scored = x.size() * y.size() <= kMaxScoredPairs;
  std::unordered_map<std::string, std::deque<size_t>> newByText;
  if (!scored) {
    for (size_t j = 0; j < y.size(); ++j) newByText[str(y[j], "title") + '\n' + bodiesB[j]].push_back(j);
    for (size_t i = 0; i < x.size(); ++i) {
      auto it = newByText.find(str(x[i], "title") + '\n' + bodiesA[i]);
      if (it == newByText.end() || it->second.empty()) continue;
      pairs.emplace_back(1.0, i, it->second.front());
      it->second.pop_front();
    }
  }
  auto profilesA = scored ? profiles(x, bodiesA) : decltype(profiles(x, bodiesA)){};
  auto profilesB = scored ? profiles(y, bodiesB) : decltype(profiles(y, bodiesB)){};
  auto titlesOf = [](const json& sections) {
    std::vector<std::string> out;
    for (const auto& s : sections) out.push_back(str(s, "title"));
    return out;
  };
  const std::vector<std::string> titlesA = titlesOf(x), titlesB = titlesOf(y);
  for (size_t i = 0; scored && i < x.size(); ++i) {
    for (size_t j = 0; j < y.size(); ++j) {
      const std::string &ti = titlesA[i], &tj = titlesB[j];
      double titles = ti == tj ? 1.0 : similarity(profilesA[i].first, profilesB[j].first);
      // One heading inside the other ("时间" in "时间和主题", "主题" in "活动主题") is a close match.
      if (!ti.empty() && !tj.empty() && (ti.find(tj) != std::string::npos || tj.find(ti) != std::string::npos)) {
        titles = std::max(titles, 0.8);
      }
      const Bigrams &gramsA = profilesA[i].second, &gramsB = profilesB[j].second;
      // A pair is kept (or called a split or a merge) only with headings alike or bodies that
      // share a fifth of their bigrams (below). Two bodies share the shorter one's at most, so
      // with headings unalike and one body under a ninth of the other, they are not compared.
      auto mostShared = [&] {
        const double na = static_cast<double>(gramsA.grams.size()), nb = static_cast<double>(gramsB.grams.size());
        return na + nb == 0 ? 0.0 : 2.0 * std::min(na, nb) / (na + nb);
      };
      const bool emptyBody = bodiesA[i].empty() || bodiesB[j].empty();
      if (!emptyBody && titles < 0.5 && mostShared() < 0.2 && bodiesA[i] != bodiesB[j]) continue;
      double bodies = emptyBody ? titles : bodiesA[i] == bodiesB[j] ? 1.0 : similarity(gramsA, gramsB);
      // Headings are short, so their bigrams say little alone: the body's words weigh as much,
      // and a body that shares much of its wording is the same section under a new heading.
      double s = 0.5 * titles + 0.5 * bodies;
      if ((s >= 0.2 && (titles >= 0.5 || bodies >= 0.2)) || bodies >= 0.28) pairs.emplace_back(s, i, j);
      if (titles >= 0.8 || bodies >= 0.4) closePairs.insert({i, j});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const auto& l, const auto& r) { return std::get<0>(l) > std::get<0>(r); });
  std::vector<int> oldToNew(x.size(), -1), newToOld(y.size(), -1);
  std::map<std::pair<size_t, size_t>, double> score;
  for (const auto& [s, i, j] : pairs) {
    if (oldToNew[i] >= 0 || newToOld[j] >= 0) continue;
    oldToNew[i] = static_cast<int>(j);
    newToOld[j] = static_cast<int>(i);
    score[{i, j}] = s;
  }
  std::vector<size_t> matchedOld;
  std::vector<int> newOrder;
  std::vector<bool> samePlace;
  for (size_t i = 0; i < x.size(); ++i) {
    if (oldToNew[i] >= 0) {
      matchedOld.push_back(i);
      newOrder.push_back(oldToNew[i]);
      samePlace.push_back(str(x[i], "number") == str(y[static_cast<size_t>(oldToNew[i])], "number"));
    }
  }
  auto kept = inOrder(newOrder, samePlace);
  std::set<size_t> moved;
  for (size_t k = 0; k < matchedOld.size(); ++k) if (!kept.count(k)) moved.insert(matchedOld[k]);
  // A section left over on one side that closely matches a section already paired on the other is
  // a part of it: one old section split into several new ones, or several old ones merged.
  std::map<size_t, size_t> splitFrom, mergedInto;  // new → old, old → new
  for (const auto& [s, i, j] : pairs) {
    if (!closePairs.count({i, j})) continue;
    if (newToOld[j] < 0 && oldToNew[i] >= 0 && !splitFrom.count(j)) splitFrom[j] = i;
    if (oldToNew[i] < 0 && newToOld[j] >= 0 && !mergedInto.count(i)) mergedInto[i] = j;
    if (!score.count({i, j})) score[{i, j}] = s;
  }
  auto brief = [](const json& s) { return objectOf("number", s.value("number", ""), "title", s.value("title", "")); };
  auto rounded = [](double s) { return std::round(s * 100) / 100; };
  for (size_t j = 0; j < y.size(); ++j) {
    if (newToOld[j] < 0) {
      if (auto it = splitFrom.find(j); it != splitFrom.end()) {
        sectionsOut.push_back(objectOf("op", "split", "old", brief(x[it->second]), "new", brief(y[j]), "similarity",
                                       rounded(score[{it->second, j}])));
      } else {
        sectionsOut.push_back(objectOf("op", "added", "old", nullptr, "new", brief(y[j]), "similarity", 0));
      }
      continue;
    }
    size_t i = static_cast<size_t>(newToOld[j]);
    const char* op = moved.count(i) ? "moved" : str(x[i], "number") != str(y[j], "number") ? "renumbered" : "matched";
    double s = score[{i, j}];
    sectionsOut.push_back(objectOf("op", op, "old", brief(x[i]), "new", brief(y[j]), "similarity", rounded(s)));
    const std::string& oldText = bodiesA[i].empty() ? str(x[i], "title") : bodiesA[i];
    const std::string& newText = bodiesB[j].empty() ? str(y[j], "title") : bodiesB[j];
    json edits = json::array();
    for (const auto& e : diffWords(oldText, newText)) {
      const char* name = e.op == WordEdit::Op::kEqual ? "equal" : e.op == WordEdit::Op::kDelete ? "delete" : "insert";
      if (!e.text.empty()) edits.push_back(objectOf("op", name, "text", e.text));
    }
    textOut.push_back(objectOf("old_number", str(x[i], "number"), "new_number", str(y[j], "number"), "title",
                               str(y[j], "title"), "edits", std::move(edits)));
  }
  for (size_t i = 0; i < x.size(); ++i) {
    if (oldToNew[i] >= 0) continue;
    if (auto it = mergedInto.find(i); it != mergedInto.end()) {
      sectionsOut.push_back(objectOf("op", "merged", "old", brief(x[i]), "new", brief(y[it->second]), "similarity",
                                     rounded(score[{i, it->second}])));
    } else {
      sectionsOut.push_back(objectOf("op", "removed", "old", brief(x[i]), "new", nullptr, "similarity", 0));
    }
  }
  // A sentence of six characters or more deleted in one place and inserted in another was moved.
  // (Read in place, as views: the edits' strings stay where they are while "moved" is added.)
  constexpr size_t kMovedBytes = 18;
  auto textOf = [](const json& e, const char* key) -> const std::string& { return e[key].get_ref<const std::string&>(); };
  std::set<std::string_view> deleted, inserted;
  for (const auto& t : textOut) {
    for (const auto& e : t["edits"]) {
      const std::string& text = textOf(e, "text");
      if (text.size() < kMovedBytes) continue;
      if (textOf(e, "op") == "delete") deleted.insert(text);
      if (textOf(e, "op") == "insert") inserted.insert(text);
    }
  }
  for (auto& t : textOut) {
    for (auto& e : t["edits"]) {
      const std::string& text = textOf(e, "text");
      if (text.size() < kMovedBytes) continue;
      const std::string& op = textOf(e, "op");
      if ((op == "delete" && inserted.count(text)) || (op == "insert" && deleted.count(text))) e["moved"] = true;
    }
  }
}

json summaryOf(const json& r) {
  return {{"file", r.contains("source") ? r["source"].value("file", "") : ""},
          {"doc_number", r.value("doc_number", json()).is_object() ? r["doc_number"].value("text", json()) : json()},
          {"title", r.value("title", json())}};
}

// The records' shape is checked first, so that the comparison reads only what it expects.
std::optional<Error> outOfShape(const std::vector<const json*>& records) {
  for (size_t i = 0; i < records.size(); ++i) {
    if (auto wrong = recordShapeError(*records[i])) {
      std::string which = records.size() == 2 ? (i == 0 ? "the old record" : "the new record") : "record " + std::to_string(i + 1);
      return Error{ErrorCode::kBadRecord, which + " is out of shape at " + *wrong};
    }
  }
  return std::nullopt;
}

// A shape the check let through that a reader below still trips on is reported, not thrown.
Error unexpected(const std::exception& e) {
  return Error{ErrorCode::kBadRecord, std::string("a record holds a value the comparison cannot read (") + e.what() + ")"};
}

json diffChecked(const json& a, const json& b, const Grammar& grammar) {
  RoleRegistry roles(grammar);
  json fields = json::array();
  scalarFields(a, b, fields);
  stringLists(a, b, fields);
  matchedList("themes", a, b, [](const json& x, const json& y) { return str(x, "event") == str(y, "event") ? 1.0 : 0.0; },
              0.5, fields);
  matchedList("event_periods", a, b,
              [](const json& x, const json& y) { return str(x, "event") == str(y, "event") ? 1.0 : similarity(str(x, "event"), str(y, "event")); },
              0.5, fields, "start");
  DutyKinds duties(grammar);
  auto eventsA = eventNames(a), eventsB = eventNames(b);
  matchedList("deadlines", a, b,
              [&](const json& x, const json& y) {
                double s = duties.likeness(str(x, "action"), str(y, "action"));
                // A duty for the same activity week is the counterpart; one for another week is not.
                auto ex = deadlineEvent(x, eventsA), ey = deadlineEvent(y, eventsB);
                if (!ex.empty() && !ey.empty()) s = ex == ey ? std::min(1.0, s + 0.15) : s * 0.5;
                return s;
              },
              0.3, fields, "date");
  matchedList("contacts", a, b, [](const json& x, const json& y) { return str(x, "name") == str(y, "name") ? 1.0 : 0.0; },
              0.5, fields);
  matchedList("attachments", a, b, [](const json& x, const json& y) { return similarity(str(x, "title"), str(y, "title")); },
              0.5, fields);
  matchedList("references", a, b, [](const json& x, const json& y) { return str(x, "title") == str(y, "title") ? 1.0 : 0.0; },
              0.5, fields);
  json sections = json::array(), text = json::array();
  alignSections(a, b, sections, text);
  return json{{"schema", "notice-diff/1"}, {"old", summaryOf(a)}, {"new", summaryOf(b)}, {"fields", std::move(fields)},
              {"issuers_by_role", byRoleOf("issuers", a, b, roles)},
              {"recipients_by_role", byRoleOf("recipients", a, b, roles)}, {"sections", std::move(sections)}, {"text", std::move(text)}};
}

json seriesChecked(const std::vector<const json*>& records, const Grammar& grammar) {
  RoleRegistry roles(grammar);
  json columns = {"file", "year", "province", "doc_number", "themes", "event_periods", "issuers", "roles", "deadlines",
                  "attachments"};
  json rows = json::array();
  json previous;
  for (const json* record : records) {
    const json& r = *record;
    json row;
    row["file"] = r.contains("source") ? r["source"].value("file", "") : "";
    row["year"] = r.value("year", json());
    row["province"] = r.value("province", json());
    row["doc_number"] = r.value("doc_number", json()).is_object() ? r["doc_number"].value("text", json()) : json();
    json themes = json::array(), periods = json::array(), rolesOf = json::array(), deadlines = json::array(),
         attachments = json::array();
    for (const auto& t : listAt(r, "themes")) themes.push_back(str(t, "event") + "：" + str(t, "theme"));
    for (const auto& p : listAt(r, "event_periods")) {
      periods.push_back(str(p, "event") + " " + str(p, "start") + (str(p, "end") != str(p, "start") ? "—" + str(p, "end") : ""));
    }
    std::set<std::string> seen;
    for (const auto& i : listAt(r, "issuers")) {
      std::string role = roles.roleOf(i.get<std::string>()).value_or(i.get<std::string>());
      if (seen.insert(role).second) rolesOf.push_back(role);
    }
    for (const auto& d : listAt(r, "deadlines")) {
      const bool dated = d.is_object() && d.contains("date") && d["date"].is_string();  // a partial record may lack it
      deadlines.push_back((dated ? d["date"].get<std::string>() : std::string("?")) + " " + str(d, "action"));
    }
    for (const auto& a : listAt(r, "attachments")) attachments.push_back(str(a, "title"));
    row["themes"] = themes;
    row["event_periods"] = periods;
    row["issuers"] = listAt(r, "issuers").size();
    row["roles"] = rolesOf;
    row["deadlines"] = deadlines;
    row["attachments"] = attachments;
    json changed = json::array(), gained = json::object(), lost = json::object();
    if (!previous.is_null()) {
      for (const auto& c : columns) {
        std::string key = c;
        if (key == "file" || key == "doc_number" || key == "year") continue;
        if (row[key] == previous[key]) continue;
        changed.push_back(key);
        // For lists that kept some items, which came and went against the notice before (a list
        // whose every item changed, as dated items do from year to year, is just "changed").
        if (!row[key].is_array()) continue;
        auto missingFrom = [](const json& from, const json& other) {
          json out = json::array();
          for (const auto& v : from) if (std::find(other.begin(), other.end(), v) == other.end()) out.push_back(v);
          return out;
        };
        json g = missingFrom(row[key], previous[key]), l = missingFrom(previous[key], row[key]);
        if (g.size() == row[key].size() && l.size() == previous[key].size()) continue;
        if (!g.empty()) gained[key] = g;
        if (!l.empty()) lost[key] = l;
      }
    }
    previous = row;
    row["changed"] = changed;
    row["gained"] = gained;
    row["lost"] = lost;
    rows.push_back(row);
  }
  return json{{"schema", "notice-series/1"}, {"columns", columns}, {"rows", rows}};
}

// A comparison of records in shape: a shape the check let through that a reader still trips on
// is an error, not a throw.
template <typename Compare>
Result<json> guarded(Compare compare) {
  try {
    return compare();
  } catch (const json::exception& e) {
    return unexpected(e);
  }
}

}  // namespace

Result<json> diffRecords(const json& a, const json& b, const Grammar& grammar) {
  if (auto e = outOfShape({&a, &b})) return *e;
  return guarded([&] { return diffChecked(a, b, grammar); });
}

Result<json> diffRecords(const ShapedRecord& a, const ShapedRecord& b, const Grammar& grammar) {
  return guarded([&] { return diffChecked(a.record(), b.record(), grammar); });
}

Result<json> compareSeries(const std::vector<json>& records, const Grammar& grammar) {
  std::vector<const json*> all;
  for (const auto& r : records) all.push_back(&r);
  if (auto e = outOfShape(all)) return *e;
  return guarded([&] { return seriesChecked(all, grammar); });
}

Result<json> compareSeries(const std::vector<ShapedRecord>& records, const Grammar& grammar) {
  std::vector<const json*> all;
  for (const auto& r : records) all.push_back(&r.record());
  return guarded([&] { return seriesChecked(all, grammar); });
}

}  // namespace notice
