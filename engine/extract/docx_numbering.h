// Automatic list numbers of a .docx (word/numbering.xml): the "一、", "（一）", "1." that Word
// draws before a numbered paragraph and that the document's text does not hold. Headings of a
// notice numbered this way would otherwise lose their numbers.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <pugixml.hpp>

namespace notice {

class ListNumbers {
 public:
  ListNumbers() = default;
  // From numbering.xml's root (<w:numbering>); an empty node gives no numbers.
  explicit ListNumbers(pugi::xml_node numbering);

  // The label of the next paragraph of list `numId` at level `level` ("一、"), counting it;
  // "" for numId 0, an unknown list, a bullet or a level with no number.
  std::string next(const std::string& numId, int level);

 private:
  struct Level {
    int start = 1;
    std::string format = "decimal";  // w:numFmt
    std::string text;                // w:lvlText: "%1、", "（%2）"
  };
  struct Num {
    std::string abstract;
    std::map<int, int> start_overrides;
    bool started = false;
  };
  std::map<std::string, std::vector<Level>> abstracts_;  // abstractNumId → its levels (0–8)
  std::map<std::string, Num> nums_;
  std::map<std::string, std::vector<int>> counters_;     // per abstract list: the last number given
};

// A number in one of Word's formats: 3 → "三" (chineseCounting), "丙" (ideographTraditional),
// "③" (decimalEnclosedCircle), "c", "iii", "3".
std::string formatListNumber(int n, const std::string& format);

}  // namespace notice
