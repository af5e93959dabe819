// Chinese numerals as 公文 write them: counts (十一 → 11, up to 九十九 and beyond) and years
// written digit by digit (二〇二四 → 2024).
#pragma once

#include <optional>
#include <string_view>

namespace notice {

std::optional<int> chineseNumber(std::string_view text);   // 一 … 九十九, 一百, 两; or ASCII digits
std::optional<int> chineseDigits(std::string_view text);   // 二〇二四 → 2024

}  // namespace notice
