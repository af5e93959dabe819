// Runs of Han split into words as ICU's word breaker splits them for Chinese, over the same
// dictionary (ICU's cjdict) by the same least-cost rule, without ICU's CJK break engine: building
// that engine costs ICU about 8 million instructions (the Unicode property sets it compiles),
// which is most of what a `notice diff` of two records would otherwise spend.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace notice::han {

// Whether ICU's Chinese dictionary could be opened (it is part of ICU's data).
bool available();

// The words of a run of n Han characters, as the offsets of their ends (in characters, the last
// being n), written over `ends`. Every character must be Han and none a compatibility form that
// NFKC changes (hasNormalForm): ICU normalizes those first, and this does not.
void wordEnds(const char32_t* run, size_t n, std::vector<size_t>& ends);

// How many of the dictionary's first steps this thread keeps (han_words.cc: bounded, so that a
// hostile record cannot grow them without end), for tests.
size_t keptSteps();

// Whether a Han character is in its normal form, as far as ICU's dictionary breaker sees it:
// not a radical, a compatibility ideograph or a Hangzhou numeral, which NFKC maps to others.
bool hasNormalForm(char32_t c);

}  // namespace notice::han
