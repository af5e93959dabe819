// What the archive's queries print: listings as a table, JSON or CSV; search hits; series.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "archive/series.h"

namespace notice::archive {

// {id, notice_id, doc_number, title, doc_type, province, year, issue_date, issuers, file,
//  versions, current}
nlohmann::json summaryJson(const Summary& s);

// One line per notice, columns aligned for CJK text; a notice with several versions marked.
std::string renderTable(const std::vector<Summary>& rows);

// CSV (RFC 4180, a header row): id, doc_number, title, doc_type, province, year, issue_date,
// issuers (joined by 、), versions, file.
std::string renderCsv(const std::vector<Summary>& rows);

// The key fields of full records as CSV, for export: the columns of renderCsv plus recipients,
// deadlines (date action; …) and event periods (event start–end; …).
std::string renderRecordsCsv(const std::vector<StoredVersion>& versions);

std::string renderHits(const std::vector<SearchHit>& hits);
nlohmann::json hitsJson(const std::vector<SearchHit>& hits);

std::string renderSeriesList(const std::vector<Series>& series);
nlohmann::json seriesJson(const std::vector<Series>& series);

}  // namespace notice::archive
