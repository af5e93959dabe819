#include "fields/events.h"

#include "core/utf8.h"

namespace notice {
namespace {


std::string stripQualifiers(std::string name, const Grammar& g) {
  std::string before;
  while (before != name) {
    before = name;
    RE2::Replace(&name, g.re("genre_activity.leading_verb"), "");
    RE2::Replace(&name, g.re("genre_activity.leading_qualifier"), "");
  }
  return name;
}

// A theme as written, without the quotes around it or a closing 。.
std::string cleanTheme(std::string t) {
  t = utf8::trim(t);
  for (const char* stop : {"。", "."}) {
    if (utf8::endsWith(t, stop)) t.resize(t.size() - std::string(stop).size());
  }
  std::u32string u = utf8::decode(t);
  if (u.size() >= 2 && (u.front() == U'“' || u.front() == '"') && (u.back() == U'”' || u.back() == '"')) {
    u = u.substr(1, u.size() - 2);
  }
  return utf8::trim(utf8::encode(u));
}

// The event a heading stands for, if its title names one of the notice's activities.
std::string eventNamedIn(const std::string& text, const std::vector<std::string>& events) {
  std::string best;
  for (const auto& e : events) {
    if (text.find(e) != std::string::npos && e.size() > best.size()) best = e;
  }
  return best;
}

// The events a statement under heading `h` applies to: an enclosing heading naming one of the
// activities, else every activity of the notice.
std::vector<std::string> contextEvents(const NoticeView& v, size_t headingIndex, const std::vector<std::string>& events) {
  const auto& hs = v.parts.headings;
  int level = hs[headingIndex].level;
  for (size_t k = headingIndex; k-- > 0;) {
    if (hs[k].level >= level) continue;
    level = hs[k].level;
    std::string e = eventNamedIn(hs[k].title, events);
    if (!e.empty()) return {e};
  }
  return events;
}

// Lines under heading `h` up to the next heading of the same or a higher level.
std::vector<size_t> linesUnder(const NoticeView& v, size_t headingIndex) {
  const auto& hs = v.parts.headings;
  const auto& body = v.parts.body;
  size_t from = std::find(body.begin(), body.end(), hs[headingIndex].line) - body.begin() + 1;
  size_t stopLine = SIZE_MAX;
  for (size_t k = headingIndex + 1; k < hs.size(); ++k) {
    if (hs[k].level <= hs[headingIndex].level) { stopLine = hs[k].line; break; }
  }
  std::vector<size_t> out;
  for (size_t i = from; i < body.size() && body[i] != stopLine; ++i) out.push_back(body[i]);
  return out;
}

// The text of a line without its heading marker.
std::string withoutMarker(const NoticeView& v, size_t line, size_t* offset) {
  for (const auto& h : v.parts.headings) {
    if (h.line == line) {
      *offset = h.title_begin;
      return v.line(line).substr(h.title_begin);
    }
  }
  *offset = 0;
  return v.line(line);
}

}  // namespace

std::vector<std::string> eventsOfTitle(const std::string& title, const Grammar& g) {
  std::string object;
  if (RE2::PartialMatch(title, g.re("structure.issued_document"), &object)) {
    RE2::Replace(&object, g.re("events.document_kind"), "");
  } else if (!RE2::PartialMatch(title, g.re("events.title_object"), &object)) {
    return {};
  }
  std::vector<std::string> parts;
  std::string rest = object;
  re2::StringPiece input(rest), sep;
  size_t start = 0;
  while (true) {
    re2::StringPiece in(rest.data() + start, rest.size() - start), m;
    if (!g.re("events.connector").Match(in, 0, in.size(), RE2::UNANCHORED, &m, 1)) break;
    size_t at = static_cast<size_t>(m.data() - rest.data());
    parts.push_back(rest.substr(start, at - start));
    start = at + m.size();
  }
  parts.push_back(rest.substr(start));
  std::vector<std::string> events;
  for (auto& p : parts) {
    std::string name = stripQualifiers(utf8::trim(p), g);
    if (RE2::FullMatch(name, g.re("genre_activity.event_name"))) {
      events.push_back(name);
    } else if (std::string start; RE2::PartialMatch(name, g.re("genre_activity.event_name_start"), &start)) {
      events.push_back(stripQualifiers(start, g));  // "职业教育活动周宣传": the activity is the week
    }
  }
  return events;
}

std::vector<Found> readThemes(const NoticeView& v, const std::vector<std::string>& events) {
  std::vector<Found> out;
  const auto& g = v.grammar;
  const auto& hs = v.parts.headings;
  auto add = [&](const std::string& event, const std::string& theme, Span span) {
    std::string t = cleanTheme(theme);
    if (t.empty()) return;
    out.push_back(Found{{{"event", event.empty() ? nlohmann::json(nullptr) : nlohmann::json(event)}, {"theme", t}}, {span}});
  };
  for (size_t k = 0; k < hs.size(); ++k) {
    re2::StringPiece inline_;
    if (!RE2::FullMatch(hs[k].title, g.re("events.theme_label"), &inline_)) continue;
    auto context = contextEvents(v, k, events);
    std::string fallback = context.empty() ? "" : context.front();
    const std::string& line = v.line(hs[k].line);
    if (!inline_.empty()) {
      // "（二）主题：技能：让生活更美好。" — everything after the label is the theme.
      size_t b = line.find(inline_.as_string(), hs[k].title_begin);
      std::string theme = line.substr(b);
      add(fallback, theme, Span{hs[k].line, b, line.size()});
      continue;
    }
    for (size_t i : linesUnder(v, k)) {
      size_t lineOffset = 0;
      std::string line = withoutMarker(v, i, &lineOffset);
      // One statement per sentence: "职业教育活动周：技能点亮未来。全民终身学习活动周：让学习成为习惯。"
      // holds two. "职业教育活动周：一技在手，一生无忧" names its activity; a bare one takes the context's.
      for (size_t from = 0; from < line.size();) {
        size_t stop = line.find("。", from);
        size_t to = stop == std::string::npos ? line.size() : stop;
        std::string text = line.substr(from, to - from);
        size_t offset = lineOffset + from;
        // A colon as written, full-width or ASCII ("职业教育活动周:…").
        size_t colon = text.find("："), colonSize = 3;
        if (size_t ascii = text.find(':'); ascii < colon) colon = ascii, colonSize = 1;
        std::string event = fallback, theme = text;
        if (colon != std::string::npos) {
          std::string named = eventNamedIn(text.substr(0, colon), events);
          if (!named.empty()) {
            event = named;
            theme = text.substr(colon + colonSize);
            offset += colon + colonSize;
          }
        }
        // A sentence that names another activity than the first's is a statement of its own; a
        // slogan of two sentences under one activity stays whole.
        if (from > 0 && (colon == std::string::npos || eventNamedIn(text.substr(0, colon), events).empty())) {
          if (!out.empty()) {
            std::string joined = out.back().value["theme"].get<std::string>() + "。" + cleanTheme(text);
            out.back().value["theme"] = cleanTheme(joined);
            out.back().spans.back().end = lineOffset + to;
          }
        } else {
          add(event, theme, Span{i, offset, lineOffset + to});
        }
        from = stop == std::string::npos ? line.size() : stop + std::string("。").size();
      }
    }
  }
  if (!out.empty()) return out;
  // Running text: 围绕“庆建党百年华诞，谱终身学习新篇”主题开展活动.
  for (size_t i : v.parts.body) {
    re2::StringPiece theme;
    if (RE2::PartialMatch(v.line(i), g.re("events.quoted_theme"), &theme)) {
      size_t b = static_cast<size_t>(theme.data() - v.line(i).data());
      add(events.empty() ? "" : events.front(), theme.as_string(), Span{i, b, b + theme.size()});
      break;
    }
  }
  return out;
}

// The event of a notice whose title names no activity (a meeting, a training, a holiday): the
// object of the title (关于召开X的通知 → X).
std::vector<std::string> eventsOfOtherGenres(const NoticeView& v) {
  std::string title, object;
  for (size_t i : v.parts.title) title += v.line(i);
  if (!RE2::PartialMatch(title, v.grammar.re("events.title_object"), &object)) return {};
  object = utf8::trim(object);
  RE2::Replace(&object, v.grammar.re("genre_activity.leading_verb"), "");
  return object.empty() ? std::vector<std::string>{} : std::vector<std::string>{object};
}

std::vector<Found> readEventPeriods(const NoticeView& v, const std::vector<std::string>& titleEvents, int year,
                                    std::vector<Period>* periods) {
  std::vector<Found> out;
  const auto& g = v.grammar;
  const auto& hs = v.parts.headings;
  const std::vector<std::string> events = titleEvents.empty() ? eventsOfOtherGenres(v) : titleEvents;
  auto emit = [&](const std::string& event, const DateMention& d, Span span) {
    Date end = d.finish.value_or(d.start);
    if (!d.start.valid() || !end.valid()) return;
    out.push_back(Found{{{"event", event.empty() ? nlohmann::json(nullptr) : nlohmann::json(event)},
                         {"start", d.start.iso()}, {"end", end.iso()}},
                        {span}});
    periods->push_back(Period{event, d.start, end});
  };
  // A statement of time: the events it applies to, or a ceremony it dates instead.
  auto statement = [&](const std::string& text, size_t line, size_t offset, const std::vector<std::string>& applies) {
    auto dates = findDates(text, year, g);
    if (dates.empty()) return false;
    const DateMention& d = dates.front();
    Span span{line, offset + d.begin, offset + d.end};
    std::string subject;
    std::string head = text.substr(0, d.begin);
    if (RE2::PartialMatch(head, g.re("events.open_start"))) return false;  // 即日起至…: a limit
    // A single day followed by 起 starts a state (自12月1日起调整: a date of effect), and one
    // followed by 前 closes a window (11月22日前: a due date): neither is the time of an event.
    if (!d.finish) {
      re2::StringPiece tail(text.data() + d.end, text.size() - d.end);
      if (RE2::PartialMatch(tail, g.re("events.not_a_time_after"))) return false;
    }
    if (RE2::PartialMatch(head, g.re("genre_activity.scheduled"), &subject)) {
      subject = stripQualifiers(subject, g);
      if (RE2::PartialMatch(subject, g.re("genre_activity.ceremony"))) {
        DateMention day = d;
        day.finish.reset();
        emit(subject, day, span);
        return true;
      }
    }
    for (const auto& e : applies.empty() ? std::vector<std::string>{""} : applies) emit(e, d, span);
    return true;
  };
  auto isTimeLabel = [&](const std::string& title, re2::StringPiece* inline_) {
    return RE2::FullMatch(title, g.re("events.time_label"), inline_) && !RE2::PartialMatch(title, g.re("events.time_label_not"));
  };
  for (size_t k = 0; k < hs.size(); ++k) {
    re2::StringPiece inline_;
    if (!isTimeLabel(hs[k].title, &inline_)) continue;
    auto applies = contextEvents(v, k, events);
    const std::string& line = v.line(hs[k].line);
    if (!inline_.empty()) {
      size_t b = line.find(inline_.as_string(), hs[k].title_begin);
      if (statement(line.substr(b), hs[k].line, b, applies)) continue;
    }
    for (size_t i : linesUnder(v, k)) {
      if (statement(v.line(i), i, 0, applies)) break;
    }
  }
  if (!out.empty()) return out;
  // Running text: "会议时间：…", "放假时间为…", "现予公示，时间为…".
  for (size_t i : v.parts.body) {
    const std::string& line = v.line(i);
    re2::StringPiece in(line), m[2];
    if (!g.re("events.time_phrase").Match(in, 0, in.size(), RE2::UNANCHORED, m, 2)) continue;
    if (RE2::PartialMatch(m[1], g.re("events.time_label_not"))) continue;
    size_t after = static_cast<size_t>(m[0].data() - line.data()) + m[0].size();
    std::vector<std::string> applies = events;
    if (applies.empty() && !m[1].empty()) applies = {m[1].as_string()};
    if (statement(line.substr(after), i, after, applies)) return out;
  }
  // A 公示 or 征求意见 window by its dates: "名单自7月13日至20日在市政府门户网站公示".
  for (size_t i : v.parts.body) {
    const std::string& line = v.line(i);
    for (const auto& d : findDates(line, year, g)) {
      std::string window;
      re2::StringPiece afterDate(line.data() + d.end, line.size() - d.end);
      if (!d.finish || !RE2::PartialMatch(afterDate, g.re("events.window_after_dates"), &window)) continue;
      emit(window, d, Span{i, d.begin, d.end});
      return out;
    }
  }
  // A holiday by its dates: "4月4日至6日放假调休".
  for (size_t i : v.parts.body) {
    const std::string& line = v.line(i);
    for (const auto& d : findDates(line, year, g)) {
      std::string holiday;
      re2::StringPiece afterDate(line.data() + d.end, line.size() - d.end);
      if (!RE2::PartialMatch(afterDate, g.re("genre_holiday.holiday_after_date"), &holiday)) continue;
      emit(events.empty() ? holiday : events.front(), d, Span{i, d.begin, d.end});
      return out;
    }
  }
  // Running text: "活动周拟定于11月举办".
  for (size_t i : v.parts.body) {
    const std::string& line = v.line(i);
    re2::StringPiece subject;
    re2::StringPiece in(line), m[2];
    if (!g.re("genre_activity.scheduled").Match(in, 0, in.size(), RE2::UNANCHORED, m, 2)) continue;
    std::string s = stripQualifiers(m[1].as_string(), g);
    std::string named = eventNamedIn(s, events);
    bool generic = named.empty() && RE2::PartialMatch(s, g.re("genre_activity.generic_event"));
    if (named.empty() && !generic) continue;
    size_t after = static_cast<size_t>(m[0].data() - line.data()) + m[0].size();
    auto dates = findDates(line.substr(after), year, g);
    if (dates.empty() || dates.front().begin > 6) continue;
    DateMention d = dates.front();
    d.begin += after;
    d.end += after;
    std::vector<std::string> applies = named.empty() ? events : std::vector<std::string>{named};
    for (const auto& e : applies) emit(e, d, Span{i, d.begin, d.end});
    break;
  }
  if (!out.empty()) return out;
  // Running text, a scheduled date and the event held then: "定于3月31日…举办双月通报系统操作培训班".
  // Not in a notice on named activities, where such a sentence dates a ceremony in passing.
  for (size_t i : titleEvents.empty() ? v.parts.body : std::vector<size_t>{}) {
    const std::string& line = v.line(i);
    re2::StringPiece in(line), m;
    if (!g.re("genre_meeting.scheduled_verb").Match(in, 0, in.size(), RE2::UNANCHORED, &m, 1)) continue;
    size_t after = static_cast<size_t>(m.data() - line.data()) + m.size();
    auto dates = findDates(line.substr(after), year, g);
    if (dates.empty() || dates.front().begin > 6) continue;
    std::string clause = line.substr(after + dates.front().end);
    clause = clause.substr(0, std::min(clause.find("。"), clause.find("；")));
    std::string held;
    if (!RE2::PartialMatch(clause, g.re("genre_meeting.held_event"), &held) || !RE2::PartialMatch(held, g.re("genre_meeting.event_noun"))) {
      continue;
    }
    DateMention d = dates.front();
    d.begin += after;
    d.end += after;
    emit(utf8::trim(held), d, Span{i, d.begin, d.end});
    return out;
  }
  // Running text, the date before the verb: "决定于2024年5月12日—18日举办2024年广东省职业教育活动周".
  for (size_t i : v.parts.body) {
    const std::string& line = v.line(i);
    for (const auto& d : findDates(line, year, g)) {
      // Views, not copies: a long line has many dates.
      std::string_view after = std::string_view(line).substr(d.end);
      re2::StringPiece rest(after.data(), after.size()), verb;
      if (!g.re("deadlines.event_verb").Match(rest, 0, rest.size(), RE2::ANCHOR_START, &verb, 1)) continue;
      std::string_view clause = after.substr(verb.size());
      size_t stop = std::string_view::npos;
      for (const char* mark : {"，", "。", "；"}) stop = std::min(stop, clause.find(mark));
      std::string object(clause.substr(0, stop));
      std::string named = eventNamedIn(object, events);
      if (named.empty()) continue;
      // "于5月12日举办…活动周启动仪式" dates a ceremony mentioned in passing, not the week.
      if (RE2::PartialMatch(object, g.re("genre_activity.ceremony_in_object"))) continue;
      emit(named, d, Span{i, d.begin, d.end});
      return out;
    }
  }
  return out;
}

}  // namespace notice
