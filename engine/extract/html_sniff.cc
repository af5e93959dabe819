// looksLikeHtml (extract/html_source.h): a sniff of the first bytes, which every input goes
// through, so it is linked into the program and does not load the HTML module.
#include <cctype>

#include "extract/html_source.h"

namespace notice {
namespace {

// How far the sniff looks past comments and white space for the page's first tag.
constexpr size_t kSniffWindow = 4096;

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

bool looksLikeHtml(std::string_view bytes) {
  std::string_view s = bytes.substr(0, kSniffWindow);
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (true) {
    size_t b = s.find_first_not_of(" \t\r\n\f");
    if (b == std::string_view::npos) return false;
    s.remove_prefix(b);
    if (s.substr(0, 4) == "<!--") {
      size_t end = s.find("-->");
      if (end == std::string_view::npos) return false;
      s.remove_prefix(end + 3);
    } else if (s.substr(0, 5) == "<?xml") {
      size_t end = s.find("?>");
      if (end == std::string_view::npos) return false;
      s.remove_prefix(end + 2);
    } else {
      break;
    }
  }
  if (startsWithNoCase(s, "<!doctype html")) return true;
  for (std::string_view tag : {"<html", "<head", "<meta", "<body", "<div", "<p", "<title", "<table", "<link"}) {
    if (startsWithNoCase(s, tag) && s.size() > tag.size()) {
      char next = s[tag.size()];
      if (next == '>' || next == '/' || std::isspace(static_cast<unsigned char>(next))) return true;
    }
  }
  return false;
}

}  // namespace notice
