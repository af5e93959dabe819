#include "fields/deadlines.h"

#include <set>

#include "core/utf8.h"
#include "fields/numerals.h"

namespace notice {
namespace {

struct Range { size_t begin, end; };

// Splits at the given marks (kept with the piece before), outside brackets.
std::vector<Range> splitAt(const std::string& text, size_t from, size_t to, std::u32string marks) {
  std::vector<Range> out;
  int depth = 0;
  size_t start = from, i = from;
  while (i < to) {
    char32_t c = utf8::next(text, i);
    if (c == U'（' || c == '(' || c == U'《' || c == U'“') ++depth;
    else if (c == U'）' || c == ')' || c == U'》' || c == U'”') depth = std::max(0, depth - 1);
    else if (depth == 0 && marks.find(c) != std::u32string::npos) {
      out.push_back({start, i});
      start = i;
    }
  }
  if (start < to) out.push_back({start, to});
  return out;
}

std::string stripEdges(std::string s, const Grammar& g) {
  static const RE2 trail("[，,、；;。.\\s]+$");
  static const RE2 closingRemark("[（(][^（()）]*[）)]\\s*$");  // a closing remark in brackets
  RE2::Replace(&s, g.re("deadlines.action_lead"), "");
  RE2::GlobalReplace(&s, g.re("deadlines.action_attachment_ref"), "");
  RE2::Replace(&s, g.re("deadlines.action_destination"), "");
  RE2::Replace(&s, trail, "");
  RE2::Replace(&s, closingRemark, "");
  RE2::Replace(&s, trail, "");
  return s;
}

// The day a span of time after `from` ends: 一周 is 7 days, 五个工作日 five weekdays, 一个月 a
// calendar month.
// How a unit counts comes from grammars/durations.tsv.
Date after(const Date& from, const std::string& count, const std::string& unit, const Grammar& g) {
  int n = chineseNumber(count).value_or(0);
  std::string kind = "days";
  for (const auto& row : g.table("durations")) {
    if (row[0] == unit) kind = row[1];
  }
  if (kind == "weeks") return from.plusDays(7 * n);
  if (kind == "working_days") return from.plusWorkingDays(n);
  if (kind == "months") return from.plusMonths(n);
  return from.plusDays(n);
}

// Matches a relative phrase's event to a known period: by name, else the first whose event
// the phrase's generic last word names ("活动周": events.generic_event).
const Period* periodFor(const std::string& phrase, const std::vector<Period>& periods, const Grammar& g) {
  const Period* best = nullptr;
  for (const auto& p : periods) {
    if (!p.event.empty() && phrase.find(p.event) != std::string::npos &&
        (!best || p.event.size() > best->event.size())) {
      best = &p;
    }
  }
  if (best) return best;
  // "活动周" stands for the notice's own week when the notice has one kind of week.
  std::string generic;
  if (!RE2::PartialMatch(phrase, g.re("genre_activity.generic_event"), &generic)) return nullptr;
  for (const auto& p : periods) {
    if (!p.event.empty() && p.event.find(generic) != std::string::npos) return &p;
  }
  return nullptr;
}

// The date the notice's rules take effect: the first "DATE起" in a sentence of the body that
// puts something into force. None when the notice states none.
std::optional<Date> effectiveDate(const NoticeView& v, int year) {
  const auto& g = v.grammar;
  for (size_t li : v.parts.body) {
    const std::string& line = v.line(li);
    for (Range sentence : splitAt(line, 0, line.size(), U"。；;！？")) {
      std::string text = line.substr(sentence.begin, sentence.end - sentence.begin);
      if (!RE2::PartialMatch(text, g.re("deadlines.effective_verb"))) continue;
      for (const auto& date : findDates(text, year, g)) {
        if (!date.month_only && date.start.valid() && RE2::PartialMatch(text.substr(date.end), g.re("deadlines.effective_after"))) {
          return date.start;
        }
      }
    }
  }
  return std::nullopt;
}

struct Due {
  Range clause;
  size_t phraseEnd;  // where the duty's words start inside the clause
  std::optional<Date> date;
  std::string relative;
  bool limit = false;  // 不迟于/最晚…: bounds another duty of the sentence
  Span span;
};

}  // namespace

std::vector<Found> readDeadlines(const NoticeView& v, int year, const std::vector<Period>& periods,
                                 std::vector<Warning>* warnings) {
  std::vector<Found> out;
  const auto& g = v.grammar;
  const std::optional<Date> effective = effectiveDate(v, year);
  for (size_t li : v.parts.body) {
    const std::string& line = v.line(li);
    for (Range sentence : splitAt(line, 0, line.size(), U"。；;！？")) {
      std::vector<Due> dues;
      for (Range clause : splitAt(line, sentence.begin, sentence.end, U"，,")) {
        std::string text = line.substr(clause.begin, clause.end - clause.begin);
        // Relative: "活动周结束后一周内".
        re2::StringPiece m[4];
        re2::StringPiece in(text);
        if (g.re("genre_activity.relative").Match(in, 0, in.size(), RE2::UNANCHORED, m, 4)) {
          Due d;
          d.clause = clause;
          size_t b = static_cast<size_t>(m[0].data() - text.data());
          d.phraseEnd = clause.begin + b + m[0].size();
          d.relative = m[0].as_string();
          RE2::Replace(&d.relative, g.re("genre_activity.relative_lead"), "");
          if (const Period* p = periodFor(m[1].as_string(), periods, g)) {
            d.date = after(p->end, m[2].as_string(), m[3].as_string(), g);
          }
          d.span = Span{li, clause.begin + b, d.phraseEnd};
          dues.push_back(d);
          continue;
        }
        // Due before the notice's rules apply: by its date of effect.
        if (effective && g.re("deadlines.before_effect").Match(in, 0, in.size(), RE2::UNANCHORED, m, 1)) {
          Due d;
          d.clause = clause;
          size_t b = static_cast<size_t>(m[0].data() - text.data());
          d.phraseEnd = clause.begin + b + m[0].size();
          d.relative = m[0].as_string();
          d.date = effective;
          d.span = Span{li, clause.begin + b, d.phraseEnd};
          dues.push_back(d);
          continue;
        }
        if (RE2::PartialMatch(text, g.re("deadlines.condition_lead"))) continue;
        for (const auto& date : findDates(text, year, g)) {
          if (date.month_only) continue;
          std::string after = text.substr(date.end), before = text.substr(0, date.begin);
          if (RE2::PartialMatch(after, g.re("deadlines.condition_after"))) continue;
          if (RE2::PartialMatch(after, g.re("deadlines.age_after"))) continue;
          // "10月底前", and also a part of a month on its own ("12月上旬提交"): due by its end.
          bool due = RE2::PartialMatch(after, g.re("deadlines.due_after")) ||
                     (!date.part.empty() && !RE2::PartialMatch(after, g.re("deadlines.event_verb")));
          bool limit = RE2::PartialMatch(before, g.re("deadlines.limit_before"));
          if (!due && !limit) continue;
          if (limit && RE2::PartialMatch(after, g.re("deadlines.as_of_after"))) continue;
          Due d;
          d.clause = clause;
          re2::StringPiece mark;
          size_t markLen = 0;
          if (due) {
            re2::StringPiece a(after), mm;
            if (g.re("deadlines.due_after").Match(a, 0, a.size(), RE2::ANCHOR_START, &mm, 1)) markLen = mm.size();
          }
          d.phraseEnd = clause.begin + date.end + markLen;
          re2::StringPiece rest(line.data() + d.phraseEnd, sentence.end - d.phraseEnd);
          if (RE2::PartialMatch(rest, g.re("deadlines.perfective_topic"))) continue;
          d.date = date.finish.value_or(date.start);
          d.limit = limit && !due;
          d.span = Span{li, clause.begin + date.begin, clause.begin + date.end};
          dues.push_back(d);
          break;
        }
      }
      // A limit bounds the other duties of its sentence; alone, it is a duty of its own.
      bool hasDuty = false;
      for (const auto& d : dues) hasDuty = hasDuty || !d.limit;
      for (auto& d : dues) {
        if (d.limit || !hasDuty) continue;
        for (const auto& l : dues) {
          if (l.limit) { d.date = l.date; d.span = l.span; }
        }
      }
      for (size_t k = 0; k < dues.size(); ++k) {
        const Due& d = dues[k];
        if (d.limit && hasDuty) continue;
        std::string action = stripEdges(line.substr(d.phraseEnd, d.clause.end - d.phraseEnd), g);
        if (action.empty()) {
          // "活动周结束后一周内，填报《…》": the duty is the next clause.
          auto clauses = splitAt(line, d.clause.end, sentence.end, U"，,");
          if (!clauses.empty()) action = stripEdges(line.substr(clauses[0].begin, clauses[0].end - clauses[0].begin), g);
        }
        if (RE2::PartialMatch(action, g.re("genre_meeting.arrival"))) continue;
        std::string sentenceText = utf8::trim(line.substr(sentence.begin, sentence.end - sentence.begin));
        // A date without a year in a notice that states none is unresolved, not year 0.
        bool yearless = d.date && !d.date->valid();
        if (yearless) {
          warnings->push_back({"unresolved_date", "\"" + sentenceText + "\" gives no year, and neither does the notice"});
        }
        nlohmann::json item{{"date", d.date && !yearless ? nlohmann::json(d.date->iso()) : nlohmann::json(nullptr)},
                            {"action", action},
                            {"text", sentenceText},
                            {"relative", d.relative.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.relative)}};
        if (!d.date) {
          warnings->push_back({"unresolved_date", "deadline \"" + d.relative +
                                                      "\" is relative to an event whose dates the notice does not give"});
        }
        out.push_back(Found{item, {d.span}});
      }
    }
  }
  // A window's close is one duty with what falls due that day.
  std::set<nlohmann::json> dutyDays;
  std::vector<bool> closes;
  for (const auto& f : out) {
    closes.push_back(RE2::FullMatch(f.value["action"].get<std::string>(), g.re("deadlines.window_close")));
    if (!closes.back()) dutyDays.insert(f.value["date"]);
  }
  std::vector<Found> kept;
  for (size_t i = 0; i < out.size(); ++i) {
    if (!closes[i] || !dutyDays.count(out[i].value["date"])) kept.push_back(std::move(out[i]));
  }
  return kept;
}

}  // namespace notice
