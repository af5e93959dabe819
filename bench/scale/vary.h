// Variants of a corpus notice for the scale bench: the same kind of document with another
// province, year, 发文字号 serial, dates, contact names and phone numbers, and (sometimes) its
// middle sections in another order, so that every variant is a different notice with different
// bytes.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace notice::scale {

struct Variation {
  int year;              // the year the variant is dated (its 发文字号's year)
  int serial;            // its 发文字号 serial
  std::string province;  // another 省 for the one the template names, when it names one
};

// `text` is the template (a text export of a notice); randomness beyond `variation` (dates,
// names, phone numbers, section order) comes from `rng`.
std::string vary(const std::string& text, const Variation& variation, std::mt19937_64& rng);

// The 22 provinces (省), by which variants are spread.
const std::vector<std::string>& provinces();

}  // namespace notice::scale
