// The archive's FTS5 tokenizer for Chinese text, "notice_bigram".
//
// SQLite's own tokenizers cannot search Chinese by word: unicode61 keeps a run of Han characters
// as one token and trigram matches three characters or more, so 教育 finds nothing. This one
// emits the tokens of bigram_tokens.h (shared with the PostgreSQL archive): it cuts a run of Han characters into overlapping pairs (教育厅 → 教育 育厅), which is how a
// two-character word becomes one token and a longer word a phrase of pairs (退役军人 → 退役 役军
// 军人, consecutive); a lone Han character between non-Han text is a token of its own. Latin
// letters and digits form words, folded by NFKC with case folding (ＰＤＦ, PDF → pdf; ２０２６ →
// 2026). Punctuation, symbols and spaces only separate: no pair spans them, so 育，厅 never
// matches 育厅. Offsets are bytes of the text given, as snippet() and highlight() need.
//
// One-character queries: in documents, each Han character of a run is also indexed by itself,
// at the position of the pair it opens (FTS5_TOKEN_COLOCATED), and the run's last character at a
// position of its own. A query tokenizes without them (pairs only; a lone character as itself),
// so 教 finds every 教 while 教育 still needs the pair. The cost is index size (see README,
// "Search"); `tokenize = 'notice_bigram singles 0'` indexes pairs only, for measuring it, and then
// a one-character query finds only lone characters.
#pragma once

#include <string>

struct sqlite3;

namespace notice {

// Registers "notice_bigram" with the FTS5 of `db` (for this connection: call it on every
// connection that reads or writes a table using it). False, with `error` set, when the library
// has no FTS5 or the registration fails.
bool registerBigramTokenizer(sqlite3* db, std::string* error);

}  // namespace notice
