// What a field reader gives back: a value for the record and where in the text it was read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "grammar/grammar.h"
#include "normalize/normalizer.h"
#include "segment/segmenter.h"

namespace notice {

// A byte range [begin, end) on one CleanDoc line.
struct Span {
  size_t line;
  size_t begin, end;
};

struct Found {
  nlohmann::json value;
  std::vector<Span> spans;  // where the value was read; several when it was assembled
};

// Everything a field reader may look at for one notice.
struct NoticeView {
  const CleanDoc& doc;
  const NoticeParts& parts;
  const Grammar& grammar;
  const std::string& line(size_t i) const { return doc.lines[i].text; }
  Span whole(size_t i) const { return Span{i, 0, doc.lines[i].text.size()}; }
};

// A warning for the record: code and a message a reader can act on.
struct Warning {
  std::string code;
  std::string message;
};

}  // namespace notice
