// Runs of Han split into words as ICU's word breaker splits them for Chinese, over the same
// dictionary (ICU's cjdict) by the same least-cost rule, without ICU's CJK break engine: building
// that engine costs ICU about 8 million instructions (the Unicode property sets it compiles),
// which is most of what a `notice diff` of two records would otherwise spend.
#pragma once

#include <cstdint>
#include <vector>

namespace notice::han {

// Whether ICU's Chinese dictionary could be opened (it is part of ICU's data).
bool available();

// The words of a run of Han characters (UTF-16), as the UTF-16 offsets of their ends, the last
// being n. Every character must be Han and none a compatibility form that NFKC changes
// (hasNormalForm): ICU normalizes those first, and this does not.
std::vector<int32_t> wordEnds(const char16_t* run, int32_t n);

// Whether a Han character is in its normal form, as far as ICU's dictionary breaker sees it:
// not a radical, a compatibility ideograph or a Hangzhou numeral, which NFKC maps to others.
bool hasNormalForm(char32_t c);

}  // namespace notice::han
