#include "fields/dates.h"

#include "fields/numerals.h"

namespace notice {

namespace {

// A part of the month (grammars/month_parts.tsv) and the day it stands for, if any; a part
// that names no day (月初, 11月份) leaves the date a month.
void applyMonthPart(const std::string& part, const Grammar& g, DateMention* d) {
  if (part.empty()) return;
  for (const auto& row : g.table("month_parts")) {
    if (row[0] != part) continue;
    if (row[1] == "month") return;
    d->part = part;
    if (row[1] == "-") return;
    d->start.day = row[1] == "last" ? daysInMonth(d->start.year, d->start.month) : std::stoi(row[1]);
    d->month_only = false;
    return;
  }
  d->part = part;
}

int toInt(const std::string& s) { return s.empty() ? 0 : std::stoi(s); }

// The first match of one pattern at or after a position, remembered between calls.
struct NextMatch {
  NextMatch(const RE2& re, int n) : re(re), n(n) {}
  bool from(const std::string& text, size_t pos) {
    if (searched && (!found || static_cast<size_t>(groups[0].data() - text.data()) >= pos)) return found;
    re2::StringPiece whole(text);
    found = re.Match(whole, pos, whole.size(), RE2::UNANCHORED, groups, n);
    searched = true;
    return found;
  }
  const RE2& re;
  int n;
  bool searched = false, found = false;
  re2::StringPiece groups[5];
};

}  // namespace

std::vector<DateMention> findDates(const std::string& text, int year, const Grammar& g) {
  std::vector<DateMention> out;
  re2::StringPiece input(text);
  const RE2& ymd = g.re("dates.ymd");
  const RE2& cn = g.re("dates.cn_ymd");
  const RE2& ym = g.re("dates.ym");
  const RE2& rangeEnd = g.re("dates.range_end");
  const RE2& numeric = g.re("dates.ymd_numeric");
  // Each form's next match is searched for again only once the scan has passed its start: a
  // match found from an earlier position is still the first one from here (the forms look at no
  // text before their start), so a long line is scanned once per form, not once per date.
  size_t pos = 0;
  NextMatch ymdNext(ymd, 4), cnNext(cn, 4), ymNext(ym, 4), numNext(numeric, 5);
  while (pos < text.size()) {
    bool hasYmd = ymdNext.from(text, pos), hasCn = cnNext.from(text, pos), hasYm = ymNext.from(text, pos),
         hasNum = numNext.from(text, pos);
    re2::StringPiece* m = ymdNext.groups;
    re2::StringPiece* c = cnNext.groups;
    re2::StringPiece* mo = ymNext.groups;
    re2::StringPiece* nu = numNext.groups;
    if (!hasYmd && !hasCn && !hasYm && !hasNum) break;
    auto startOf = [&](re2::StringPiece* g0, bool has) {
      return has ? static_cast<size_t>(g0[0].data() - text.data()) : text.size();
    };
    size_t sYmd = startOf(m, hasYmd), sCn = startOf(c, hasCn), sYm = startOf(mo, hasYm), sNum = startOf(nu, hasNum);
    DateMention d;
    if (hasNum && sNum < sYmd && sNum < sCn && sNum < sYm) {
      // 2026.6.12: the match may have taken the character after the day, which is not the date's.
      d.begin = sNum;
      d.end = static_cast<size_t>(nu[4].data() - text.data()) + nu[4].size();
      d.year_written = true;
      d.start = Date{toInt(nu[1].as_string()), toInt(nu[3].as_string()), toInt(nu[4].as_string())};
      if (!d.start.valid()) {  // 2026.13.45 is some other number
        pos = d.end;
        continue;
      }
    } else if (hasCn && sCn <= sYmd && sCn <= sYm) {
      auto y = chineseDigits(c[1].as_string());
      auto mon = chineseNumber(c[2].as_string());
      auto day = chineseNumber(c[3].as_string());
      d.begin = sCn;
      d.end = sCn + c[0].size();
      d.start = Date{y.value_or(0), mon.value_or(0), day.value_or(0)};
      d.year_written = true;
    } else if (hasYmd && sYmd <= sYm) {
      d.begin = sYmd;
      d.end = sYmd + m[0].size();
      d.year_written = !m[1].empty();
      d.start = Date{d.year_written ? toInt(m[1].as_string()) : year, toInt(m[2].as_string()), toInt(m[3].as_string())};
      // A range: 至18日, —6月6日.
      re2::StringPiece after(text.data() + d.end, text.size() - d.end), e[4];
      if (rangeEnd.Match(after, 0, after.size(), RE2::ANCHOR_START, e, 4)) {
        Date fin{e[1].empty() ? d.start.year : toInt(e[1].as_string()),
                 e[2].empty() ? d.start.month : toInt(e[2].as_string()), toInt(e[3].as_string())};
        d.finish = fin;
        d.end += e[0].size();
      }
    } else {
      d.begin = sYm;
      d.end = sYm + mo[0].size();
      d.year_written = !mo[1].empty();
      d.start = Date{d.year_written ? toInt(mo[1].as_string()) : year, toInt(mo[2].as_string()), 0};
      std::string part = mo[3].as_string();
      d.month_only = true;
      applyMonthPart(part, g, &d);
      // A range of months: 10月至11月.
      re2::StringPiece after(text.data() + d.end, text.size() - d.end), e[3];
      if (d.month_only && g.re("dates.month_range_end").Match(after, 0, after.size(), RE2::ANCHOR_START, e, 3)) {
        re2::StringPiece beyond(e[0].data() + e[0].size(), after.size() - e[0].size());
        if (!RE2::PartialMatch(beyond, g.re("dates.day_after"))) {
          d.finish = Date{e[1].empty() ? d.start.year : toInt(e[1].as_string()), toInt(e[2].as_string()), 0};
          d.end += e[0].size();
        }
      }
    }
    if (d.end <= d.begin) { pos = d.begin + 1; continue; }
    out.push_back(d);
    pos = d.end;
  }
  return out;
}

std::optional<Date> parseDateLine(const std::string& text, const Grammar& g) {
  if (!RE2::FullMatch(text, g.re("dates.date_line"))) return std::nullopt;
  auto dates = findDates(text, 0, g);
  if (dates.size() != 1 || !dates[0].start.valid()) return std::nullopt;
  return dates[0].start;
}

}  // namespace notice
