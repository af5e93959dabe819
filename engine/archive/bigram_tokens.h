// The archive's word tokens for Chinese text, shared by both backends: SQLite's FTS5 tokenizer
// (bigram_tokenizer.h) and the PostgreSQL tsvector (pg_search.h) index the same tokens, so that a
// query finds the same notices on both.
//
// A run of Han characters is cut into overlapping pairs (教育厅 → 教育 育厅); a lone Han character
// is a token of its own. Latin letters and digits form words, folded by NFKC with case folding
// (ＰＤＦ → pdf). Punctuation, symbols and spaces only separate: no pair spans them. In documents
// (`singles`), each Han character of a run is also a token by itself, colocated with the pair
// it opens, and the run's last character at a position of its own (one-character queries).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace notice {

struct BigramToken {
  std::string text;
  size_t begin, end;       // bytes of the text given
  bool colocated = false;  // at the same position as the token before it
};

// The tokens of `text` in order; `singles` for documents, false for queries.
std::vector<BigramToken> bigramTokens(std::string_view text, bool singles);

}  // namespace notice
