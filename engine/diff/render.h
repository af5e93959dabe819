// Renderings of a comparison for people: plain or coloured text for a terminal, one
// self-contained HTML page (no external resources; readable on a phone), CSV for a series.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace notice {

std::string renderDiffText(const nlohmann::json& diff, bool colour);
std::string renderDiffHtml(const nlohmann::json& diff);

std::string renderSeriesText(const nlohmann::json& series, bool colour);
std::string renderSeriesCsv(const nlohmann::json& series);
std::string renderSeriesHtml(const nlohmann::json& series);

}  // namespace notice
