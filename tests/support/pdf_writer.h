// A minimal PDF writer for tests: pages of text placed at given positions, in a CJK font that
// is not embedded (STSong-Light with the UniGB-UCS2-H CMap, which poppler-data maps back to
// Unicode), or, to imitate the fonts official typesetting systems embed without a Unicode
// map, in an Identity-H font whose codes are glyph numbers.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "core/utf8.h"

namespace notice::testing {

struct PdfText {
  double x, y;       // from the top-left corner, in points (as poppler reports boxes)
  double size;
  std::string text;  // UTF-8
};

struct PdfPage {
  std::vector<PdfText> items;
  double width = 595.3, height = 841.9;  // A4
  // Drawn under the text: a light grey image over the whole page, as a scanner writes a blank sheet.
  bool scanned = false;
};

inline PdfPage blankScannedPage() {
  PdfPage page;
  page.scanned = true;
  return page;
}

enum class PdfFont { kUnicodeCMap, kGlyphIdsWithoutUnicode };

inline std::string utf16Hex(const std::string& utf8Text) {
  std::string hex;
  char buf[8];
  for (char32_t c : utf8::decode(utf8Text)) {
    if (c > 0xFFFF) c = 0x3013;  // 〓 for anything outside the BMP
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c));
    hex += buf;
  }
  return hex;
}

inline std::string makePdf(const std::vector<PdfPage>& pages, PdfFont font = PdfFont::kUnicodeCMap) {
  std::vector<std::string> objects;  // object i+1
  auto add = [&](std::string body) {
    objects.push_back(std::move(body));
    return objects.size();
  };
  size_t catalog = add("");
  size_t pagesObj = add("");
  size_t descriptor = add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] "
                          "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>");
  bool unicode = font == PdfFont::kUnicodeCMap;
  size_t cidFont = add(std::string("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ") +
                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (" + (unicode ? "GB1" : "Identity") +
                       ") /Supplement 0 >> /FontDescriptor " + std::to_string(descriptor) + " 0 R /DW 1000 >>");
  size_t fontObj = add(std::string("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /") +
                       (unicode ? "UniGB-UCS2-H" : "Identity-H") + " /DescendantFonts [" +
                       std::to_string(cidFont) + " 0 R] >>");
  std::string kids;
  for (const auto& page : pages) {
    std::string content, xobjects;
    if (page.scanned) {
      size_t image = add("<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                         "/BitsPerComponent 8 /Length 64 >>\nstream\n" + std::string(64, '\xF0') + "\nendstream");
      xobjects = " /XObject << /Im1 " + std::to_string(image) + " 0 R >>";
      char cm[64];
      std::snprintf(cm, sizeof cm, "q %.1f 0 0 %.1f 0 0 cm /Im1 Do Q\n", page.width, page.height);
      content += cm;
    }
    for (const auto& item : page.items) {
      char pos[96];
      // PDF text space has its origin at the bottom left; place the baseline ~0.88 em below y.
      std::snprintf(pos, sizeof pos, "BT /F1 %.1f Tf %.2f %.2f Td ", item.size, item.x, page.height - item.y - 0.88 * item.size);
      std::string hex = unicode ? utf16Hex(item.text) : utf16Hex(item.text);
      if (!unicode) {
        // Glyph numbers: the code points shifted, as a subset font would number its glyphs.
        hex.clear();
        char buf[8];
        for (char32_t c : utf8::decode(item.text)) {
          std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>((c * 7 + 3) % 0xD000 + 0x0100));
          hex += buf;
        }
      }
      content += std::string(pos) + "<" + hex + "> Tj ET\n";
    }
    size_t stream = add("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
    char box[64];
    std::snprintf(box, sizeof box, "[0 0 %.1f %.1f]", page.width, page.height);
    size_t pageObj = add("<< /Type /Page /Parent " + std::to_string(pagesObj) + " 0 R /MediaBox " + box +
                         " /Resources << /Font << /F1 " + std::to_string(fontObj) + " 0 R >>" + xobjects + " >> /Contents " +
                         std::to_string(stream) + " 0 R >>");
    kids += std::to_string(pageObj) + " 0 R ";
  }
  objects[catalog - 1] = "<< /Type /Catalog /Pages " + std::to_string(pagesObj) + " 0 R >>";
  objects[pagesObj - 1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  char line[32];
  for (size_t off : offsets) {
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root " + std::to_string(catalog) +
         " 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// Lines laid out as GB/T 9704 sets a body: 16 pt, 28 pt apart, 2-character indent.
inline PdfPage bodyPage(const std::vector<std::string>& lines, double top = 100, double left = 79.5) {
  PdfPage page;
  double y = top;
  for (const auto& l : lines) {
    page.items.push_back({left, y, 16, l});
    y += 28;
  }
  return page;
}

}  // namespace notice::testing
