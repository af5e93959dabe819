#include "archive/pg_search.h"

#include <algorithm>
#include <map>

#include "archive/bigram_tokens.h"

namespace notice::archive {
namespace {

constexpr int kMaxPosition = 16383;    // PostgreSQL's limit of a tsvector position
constexpr size_t kMaxPositions = 256;  // and of positions kept per lexeme
constexpr int kDefaultNear = 10;       // NEAR(a b) as FTS5 reads it

// --- the query syntax (FTS5's) ---

struct Lexeme {
  enum Kind { kWord, kString, kOpen, kClose, kComma, kStar, kEnd } kind;
  std::string text;
};

bool isBareword(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

Result<std::vector<Lexeme>> lex(const std::string& q) {
  std::vector<Lexeme> out;
  size_t i = 0;
  while (i < q.size()) {
    unsigned char c = static_cast<unsigned char>(q[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (c == '(' || c == ')' || c == ',' || c == '*') {
      out.push_back({c == '(' ? Lexeme::kOpen : c == ')' ? Lexeme::kClose : c == ',' ? Lexeme::kComma : Lexeme::kStar, {}});
      ++i;
    } else if (c == '"') {
      std::string s;
      for (++i;; ++i) {
        if (i >= q.size()) return Error{ErrorCode::kBadArgument, "unterminated string"};
        if (q[i] == '"') {
          if (i + 1 < q.size() && q[i + 1] == '"') {
            s += '"';
            ++i;
            continue;
          }
          ++i;
          break;
        }
        s += q[i];
      }
      out.push_back({Lexeme::kString, s});
    } else if (isBareword(c)) {
      size_t from = i;
      while (i < q.size() && isBareword(static_cast<unsigned char>(q[i]))) ++i;
      out.push_back({Lexeme::kWord, q.substr(from, i - from)});
    } else {
      return Error{ErrorCode::kBadArgument, std::string("syntax error near \"") + q[i] + "\""};
    }
  }
  out.push_back({Lexeme::kEnd, {}});
  return out;
}

std::string quoted(const std::string& token) {
  std::string out = "'";
  for (char c : token) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  return out + "'";
}

std::string phraseQuery(const QueryPhrase& p) {
  std::string out;
  for (size_t i = 0; i < p.tokens.size(); ++i) {
    if (i) out += " <-> ";
    out += quoted(p.tokens[i]);
    if (p.prefix && i + 1 == p.tokens.size()) out += ":*";
  }
  return p.tokens.size() > 1 ? "(" + out + ")" : out;
}

// Recursive descent, FTS5's precedence: NOT binds tightest, then AND (or none), then OR.
class Parser {
 public:
  explicit Parser(std::vector<Lexeme> lexemes) : l_(std::move(lexemes)) {}

  Result<std::string> parse() {
    auto e = orExpr();
    if (!e.ok()) return e;
    if (peek().kind != Lexeme::kEnd) return Error{ErrorCode::kBadArgument, "syntax error near \"" + describe(peek()) + "\""};
    return e;
  }
  std::vector<QueryPhrase> hits;

 private:
  const Lexeme& peek() const { return l_[at_]; }
  bool keyword(const char* k) const { return peek().kind == Lexeme::kWord && peek().text == k; }
  static std::string describe(const Lexeme& l) {
    switch (l.kind) {
      case Lexeme::kOpen: return "(";
      case Lexeme::kClose: return ")";
      case Lexeme::kComma: return ",";
      case Lexeme::kStar: return "*";
      case Lexeme::kEnd: return "";
      default: return l.text;
    }
  }
  bool startsPrimary() const {
    const Lexeme& l = peek();
    return l.kind == Lexeme::kOpen || l.kind == Lexeme::kString ||
           (l.kind == Lexeme::kWord && l.text != "AND" && l.text != "OR" && l.text != "NOT");
  }

  Result<std::string> orExpr() {
    auto left = andExpr();
    if (!left.ok()) return left;
    std::string out = left.value();
    while (keyword("OR")) {
      ++at_;
      auto right = andExpr();
      if (!right.ok()) return right;
      out = "(" + out + " | " + right.value() + ")";
    }
    return out;
  }
  Result<std::string> andExpr() {
    auto left = notExpr();
    if (!left.ok()) return left;
    std::string out = left.value();
    while (keyword("AND") || startsPrimary()) {
      if (keyword("AND")) ++at_;
      auto right = notExpr();
      if (!right.ok()) return right;
      out = "(" + out + " & " + right.value() + ")";
    }
    return out;
  }
  Result<std::string> notExpr() {
    auto left = primary(false);
    if (!left.ok()) return left;
    std::string out = left.value();
    while (keyword("NOT")) {
      ++at_;
      auto right = primary(true);
      if (!right.ok()) return right;
      out = "(" + out + " & !" + right.value() + ")";
    }
    return out;
  }
  Result<std::string> primary(bool negated) {
    if (peek().kind == Lexeme::kOpen) {
      ++at_;
      if (negated) ++negatedDepth_;
      auto inner = orExpr();
      if (negated) --negatedDepth_;
      if (!inner.ok()) return inner;
      if (peek().kind != Lexeme::kClose) return Error{ErrorCode::kBadArgument, "a ( without its )"};
      ++at_;
      return inner;
    }
    if (keyword("NEAR") && l_[at_ + 1].kind == Lexeme::kOpen) return near(negated);
    auto p = phrase(negated);
    if (!p.ok()) return p.error();
    return phraseQuery(p.value());
  }
  Result<QueryPhrase> phrase(bool negated) {
    const Lexeme& l = peek();
    bool keyword = l.kind == Lexeme::kWord && (l.text == "AND" || l.text == "OR" || l.text == "NOT");
    if ((l.kind != Lexeme::kWord && l.kind != Lexeme::kString) || keyword) {
      return Error{ErrorCode::kBadArgument, l.kind == Lexeme::kEnd ? "the query ends too early"
                                                                   : "syntax error near \"" + describe(l) + "\""};
    }
    QueryPhrase p;
    for (auto& t : bigramTokens(l.text, false)) p.tokens.push_back(std::move(t.text));
    ++at_;
    if (peek().kind == Lexeme::kStar) {
      p.prefix = true;
      ++at_;
    }
    if (p.tokens.empty()) return Error{ErrorCode::kBadArgument, "\"" + l.text + "\" holds no word to search for"};
    if (!negated && negatedDepth_ == 0) hits.push_back(p);
    return p;
  }
  // NEAR(a b, N): the two phrases in either order with at most N tokens between them.
  Result<std::string> near(bool negated) {
    at_ += 2;
    std::vector<QueryPhrase> phrases;
    while (peek().kind == Lexeme::kWord || peek().kind == Lexeme::kString) {
      auto p = phrase(negated);
      if (!p.ok()) return p.error();
      phrases.push_back(p.value());
    }
    int distance = kDefaultNear;
    if (peek().kind == Lexeme::kComma) {
      ++at_;
      const Lexeme& n = peek();
      if (n.kind != Lexeme::kWord || n.text.empty() || n.text.size() > 4 ||
          n.text.find_first_not_of("0123456789") != std::string::npos) {
        return Error{ErrorCode::kBadArgument, "NEAR needs a distance (a number) after its comma"};
      }
      distance = std::stoi(n.text);
      ++at_;
    }
    if (peek().kind != Lexeme::kClose) return Error{ErrorCode::kBadArgument, "a NEAR( without its )"};
    ++at_;
    if (phrases.size() != 2) return Error{ErrorCode::kBadArgument, "NEAR takes two phrases on this archive"};
    std::string a = phraseQuery(phrases[0]), b = phraseQuery(phrases[1]);
    std::string out;
    for (int d = 1; d <= distance + 1; ++d) {
      std::string op = " <" + std::to_string(d) + "> ";
      out += (out.empty() ? "" : " | ") + a + op + b + " | " + b + op + a;
    }
    return "(" + out + ")";
  }

  std::vector<Lexeme> l_;
  size_t at_ = 0;
  int negatedDepth_ = 0;  // inside the parentheses of a NOT: phrases there are no hits
};

// --- marking hits ---

struct Positioned {
  std::vector<BigramToken> tokens;
  std::vector<std::vector<size_t>> at;  // position → its tokens (the first one is the one marked)
};

Positioned positioned(std::string_view text) {
  Positioned p;
  p.tokens = bigramTokens(text, true);
  for (size_t i = 0; i < p.tokens.size(); ++i) {
    if (!p.tokens[i].colocated || p.at.empty()) p.at.emplace_back();
    p.at.back().push_back(i);
  }
  return p;
}

struct Hit {
  size_t first, last;  // positions
  size_t begin, end;   // bytes
};

// Every instance of every phrase, by position; overlapping ones merged (as FTS5 marks them).
std::vector<Hit> findHits(const Positioned& doc, const std::vector<QueryPhrase>& phrases) {
  auto matches = [&](size_t position, const std::string& token, bool prefix) {
    for (size_t i : doc.at[position]) {
      const std::string& t = doc.tokens[i].text;
      if (prefix ? t.compare(0, token.size(), token) == 0 : t == token) return true;
    }
    return false;
  };
  std::vector<Hit> hits;
  for (const auto& p : phrases) {
    size_t n = p.tokens.size();
    for (size_t start = 0; start + n <= doc.at.size(); ++start) {
      bool all = true;
      for (size_t k = 0; k < n && all; ++k) all = matches(start + k, p.tokens[k], p.prefix && k + 1 == n);
      if (!all) continue;
      const auto& a = doc.tokens[doc.at[start].front()];
      const auto& b = doc.tokens[doc.at[start + n - 1].front()];
      hits.push_back({start, start + n - 1, a.begin, std::max(a.end, b.end)});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& x, const Hit& y) { return x.begin < y.begin; });
  std::vector<Hit> merged;
  for (const auto& h : hits) {
    if (!merged.empty() && h.begin < merged.back().end) {
      merged.back().end = std::max(merged.back().end, h.end);
      merged.back().last = std::max(merged.back().last, h.last);
    } else {
      merged.push_back(h);
    }
  }
  return merged;
}

std::string marked(std::string_view text, size_t from, size_t to, const std::vector<Hit>& hits, const std::string& open,
                   const std::string& close) {
  std::string out;
  size_t at = from;
  for (const auto& h : hits) {
    if (h.begin < from || h.end > to) continue;
    out.append(text.substr(at, h.begin - at)).append(open).append(text.substr(h.begin, h.end - h.begin)).append(close);
    at = h.end;
  }
  return out.append(text.substr(at, to - at));
}

}  // namespace

Result<TsQuery> toTsQuery(const std::string& query) {
  auto lexemes = lex(query);
  if (!lexemes.ok()) return lexemes.error();
  Parser parser(std::move(lexemes).value());
  auto text = parser.parse();
  if (!text.ok()) return text.error();
  return TsQuery{text.value(), parser.hits};
}

std::string tsvectorLiteral(std::string_view title, std::string_view body) {
  std::map<std::string, std::vector<std::string>> positions;  // lexeme → "12A", "40", …
  int position = 0;
  auto add = [&](std::string_view text, const char* weight) {
    for (auto& t : bigramTokens(text, true)) {
      if (!t.colocated) ++position;
      auto& list = positions[t.text];
      std::string p = std::to_string(std::min(position, kMaxPosition)) + weight;
      if (list.size() < kMaxPositions && (list.empty() || list.back() != p)) list.push_back(p);
    }
  };
  add(title, "A");
  ++position;  // a gap: no phrase runs from the title into the body
  add(body, "");
  std::string out;
  for (const auto& [lexeme, list] : positions) {
    if (!out.empty()) out += ' ';
    out += quoted(lexeme) + ':';
    for (size_t i = 0; i < list.size(); ++i) out += (i ? "," : "") + list[i];
  }
  return out;
}

std::string highlightHits(std::string_view text, const std::vector<QueryPhrase>& phrases, const std::string& open,
                          const std::string& close) {
  return marked(text, 0, text.size(), findHits(positioned(text), phrases), open, close);
}

std::string snippetOfHits(std::string_view text, const std::vector<QueryPhrase>& phrases, const std::string& open,
                          const std::string& close, const std::string& ellipsis, size_t tokens, size_t* hitCount) {
  Positioned doc = positioned(text);
  std::vector<Hit> hits = findHits(doc, phrases);
  *hitCount = 0;
  if (doc.at.empty()) return std::string(text);
  // The window that starts at a hit and holds the most hits whole; then moved back so that the
  // hits sit in its middle.
  size_t start = 0, best = 0;
  for (size_t i = 0; i < hits.size(); ++i) {
    size_t n = 0;
    for (size_t j = i; j < hits.size() && hits[j].last < hits[i].first + tokens; ++j) ++n;
    if (n > best) {
      best = n;
      start = hits[i].first;
    }
  }
  if (best > 0) {
    size_t lastHit = start;
    for (const auto& h : hits)
      if (h.first >= start && h.last < start + tokens) lastHit = std::max(lastHit, h.last);
    size_t room = tokens - std::min(tokens, lastHit - start + 1);
    start -= std::min(start, room / 2);
  }
  size_t end = std::min(doc.at.size(), start + tokens);  // positions [start, end)
  if (end - start < tokens) start = end > tokens ? end - tokens : 0;
  size_t from = start == 0 ? 0 : doc.tokens[doc.at[start].front()].begin;
  size_t to = text.size();
  if (end < doc.at.size()) {
    to = 0;
    for (size_t i : doc.at[end - 1]) to = std::max(to, doc.tokens[i].end);
  }
  *hitCount = best;
  return (from > 0 ? ellipsis : "") + marked(text, from, to, hits, open, close) + (to < text.size() ? ellipsis : "");
}

}  // namespace notice::archive
