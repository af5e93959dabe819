// Search on the PostgreSQL archive, with the tokens of the SQLite one (bigram_tokens.h).
//
// PostgreSQL's own text search cannot cut Chinese (to_tsvector keeps a run of Han characters as
// one lexeme) and Debian packages no Chinese parser for it (zhparser, pg_bigm, pgroonga are not
// there). So the program tokenizes: each version's title and text become a tsvector literal of
// the same pairs, singles and words as the FTS5 index, with their positions (title weight A),
// and a query in the FTS5 syntax the archive promises (words, "phrases", AND, OR, NOT, prefix*,
// NEAR(a b, N)) becomes a tsquery over the same tokens: a word of several tokens is a phrase
// (退役军人 → 退役 <-> 役军 <-> 军人), as FTS5 reads it. The server matches (@@ with a GIN index)
// and ranks (ts_rank); snippets and highlights are marked here, from the same tokens.
//
// Limit: PostgreSQL keeps positions up to 16383 and 256 of them per lexeme; a text longer than
// about 16,000 characters still matches every word it holds, but a phrase past that point may
// be missed (notices are far shorter).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace notice::archive {

// ts_rank's weights (D, C, B, A): a title hit weighs five body hits, as bm25(search, 5.0, 1.0)
// on SQLite.
constexpr const char* kRankWeights = "'{0.2, 0.2, 0.2, 1.0}'";

// One phrase of a query: its tokens in order, the last one a prefix when it ends with *.
struct QueryPhrase {
  std::vector<std::string> tokens;
  bool prefix = false;
};

struct TsQuery {
  std::string text;                  // tsquery input syntax, for CAST($1 AS tsquery)
  std::vector<QueryPhrase> phrases;  // what a hit is, for marking (phrases under NOT left out)
};

// The query in the archive's syntax as a tsquery; kBadArgument with what is wrong.
Result<TsQuery> toTsQuery(const std::string& query);

// The tsvector literal of a version: the title's tokens (weight A), then the body's.
std::string tsvectorLiteral(std::string_view title, std::string_view body);

// `text` with every hit of `phrases` between the markers.
std::string highlightHits(std::string_view text, const std::vector<QueryPhrase>& phrases, const std::string& open,
                          const std::string& close);
// The window of about `tokens` tokens of `text` with the most hits, marked, with … where cut;
// `hits` is set to how many hits it holds.
std::string snippetOfHits(std::string_view text, const std::vector<QueryPhrase>& phrases, const std::string& open,
                          const std::string& close, const std::string& ellipsis, size_t tokens, size_t* hits);

}  // namespace notice::archive
