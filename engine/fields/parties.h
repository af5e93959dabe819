// The parties and identity of a notice: 发文字号, 标题 and 文种, 发文机关标志, 主送, 署名 and
// 成文日期, 印发, 抄送, 附注, and the province they belong to.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fields/dates.h"
#include "fields/found.h"

namespace notice {

std::optional<Found> readDocNumber(const NoticeView& v);
// {"text","prefix","year","serial"} from a string holding a 发文字号 (brackets normalised to 〔〕).
std::optional<nlohmann::json> parseDocNumber(const std::string& text, const Grammar& g);
std::optional<Found> readTitle(const NoticeView& v);
// The N of "等N部门" in a title; null when there is none.
std::optional<int> issuerCountOf(const std::string& title, const Grammar& g);
// The body named in the title before 等N部门 or 关于 (转发, 印发): never one inside a cited 《…》.
std::optional<std::string> titleIssuerOf(const std::string& title, const Grammar& g);

std::vector<Found> readIssuerMark(const NoticeView& v);
std::vector<Found> readRecipients(const NoticeView& v);
std::vector<Found> readSignature(const NoticeView& v);
std::optional<Found> readIssueDate(const NoticeView& v);
std::optional<Found> readPrinted(const NoticeView& v);
std::vector<Found> readCc(const NoticeView& v);
std::optional<Found> readPublicity(const NoticeView& v);

// 省级行政区 of a body's name ("山西省教育厅" → 山西省, "教育部办公厅" → 全国), or of a 发文字号
// prefix's 简称 ("皖教秘职成" → 安徽省).
std::optional<std::string> provinceOf(const std::string& body, const Grammar& g);
std::optional<std::string> provinceOfPrefix(const std::string& prefix, const Grammar& g);

// Splits a list written with 、，,；; at the top level (not inside brackets); pieces keep their
// text as written. Offsets are byte ranges in `text`.
std::vector<std::pair<size_t, size_t>> splitList(const std::string& text);

}  // namespace notice
