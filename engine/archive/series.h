// Series: notices in the archive that belong together across years and provinces.
//
// Two ways of belonging together, each needing two notices or more:
//   activity  notices about the same recurring activity: an event their records name (themes,
//             event_periods) that is a named activity as grammars/genre_activity.re2 `event_name` reads
//             one (…活动周, …宣传月, …大赛, …节). The series is named by the activity:
//             职业教育活动周 gathers every province's and every year's notice on it.
//   title     notices of one issuer (the first issuer, else the masthead) whose titles are the
//             same once the parts that change from one edition to the next are set aside
//             (grammars/series.re2 `title_variable`: years, 第N届, 等N部门). Named by that title
//             with "…" for each part set aside. A title series with the same notices as an
//             activity series is left out.
// Members are ordered by year, then issue date.
#pragma once

#include <string>
#include <vector>

#include "archive/archive.h"
#include "grammar/grammar.h"

namespace notice::archive {

struct Series {
  enum class Kind { kActivity, kTitle } kind;
  std::string name;
  std::string issuer;  // the issuer a title series is of; empty for an activity
  std::vector<Summary> members;
};

// Largest first, then by name.
std::vector<Series> findSeries(const std::vector<StoredVersion>& versions, const Grammar& grammar);

// The series called `name`: the one with that exact name, else the only one whose name contains
// it; an error listing the candidates when there are several or none.
Result<Series> pickSeries(const std::vector<Series>& all, const std::string& name);

}  // namespace notice::archive
