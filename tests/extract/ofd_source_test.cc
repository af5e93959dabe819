// The OFD source on the real OFD and on the test files tests/data/ofd/make_ofd.py writes: each
// part of GB/T 33190 that places text, and each kind of bad package.
#include <cmath>

#include "extract/ofd_source.h"
#include "extract/source.h"
#include "test_support.h"

namespace notice {
namespace {

using testing::readFile;
using testing::sourcePath;

constexpr double kPt = 72.0 / 25.4;  // points per millimetre

Result<PageText> readTestOfd(const std::string& name) {
  return readOfd(readFile(sourcePath("tests/data/ofd/" + name)), {}, testing::grammar());
}

PageText ofd(const std::string& name) {
  auto r = readTestOfd(name);
  if (!r.ok()) {
    ADD_FAILURE() << name << ": " << r.error().message;
    return {};
  }
  return std::move(r).value();
}

// The line whose text (pieces joined by '|') starts with `start`.
const Line* lineStarting(const Page& page, const std::string& start) {
  for (const auto& l : page.lines) {
    std::string text;
    for (const auto& p : l.pieces) text += (text.empty() ? "" : "|") + p.text;
    if (text.rfind(start, 0) == 0) return &l;
  }
  return nullptr;
}

// The left edge of each character of a one-piece line, in mm.
std::vector<double> lefts(const Line& line) {
  std::vector<double> out;
  for (const auto& b : line.pieces.front().char_boxes) out.push_back(std::round(b.x0 / kPt * 100) / 100);
  return out;
}

bool hasNote(const PageText& doc, const std::string& code, const std::string& words) {
  for (const auto& [c, m] : doc.notes) {
    if (c == code && m.find(words) != std::string::npos) return true;
  }
  return false;
}

TEST(OfdSource, TheRealOfdReadsAsAPdfWould) {
  std::string bytes = readFile(sourcePath("corpus/real/ofd/o01_luqiao-2011-weisheng-pifu.ofd"));
  auto chosen = sourceFor(bytes);
  ASSERT_TRUE(chosen.ok());
  EXPECT_STREQ(chosen.value()->name, "ofd");
  auto doc = readOfd(bytes, {}, testing::grammar());
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  const PageText& d = doc.value();
  EXPECT_EQ(d.format, SourceFormat::kOfd);
  EXPECT_TRUE(d.has_geometry);
  ASSERT_EQ(d.pages.size(), 2u);
  EXPECT_NEAR(d.pages[0].width, 210 * kPt, 0.01);  // A4 from PhysicalBox, in points
  EXPECT_NEAR(d.pages[0].height, 297 * kPt, 0.01);
  // Page numbers "— 1 —" set apart; the 发文字号 at its Boundary (80.98 mm), in 三号 仿宋.
  EXPECT_EQ(d.pages[0].furniture, std::vector<std::string>{"—1—"});
  const Line* number = lineStarting(d.pages[0], "路卫发〔2011〕76号");
  ASSERT_NE(number, nullptr);
  EXPECT_NEAR(number->bbox->x0, 80.98 * kPt, 0.01);
  EXPECT_NEAR(number->font_size, 5.6 * kPt, 0.05);  // a line's size is kept to 0.1 pt
  EXPECT_EQ(number->font_family, "Fangsong");
  EXPECT_EQ(number->align, Align::kCentre);
  // The title: Weight 700 in 小标宋.
  const Line* title = lineStarting(d.pages[0], "关于同意张阿三同志辞职的批复");
  ASSERT_NE(title, nullptr);
  EXPECT_TRUE(title->bold);
  EXPECT_EQ(title->font_family, "Song");
  // The seal on page 2 is noted.
  EXPECT_TRUE(hasNote(d, "unverified_seal", "an electronic seal on page 2"));
}

TEST(OfdSource, AdvancesInEveryForm) {
  PageText d = ofd("deltas.ofd");
  ASSERT_EQ(d.pages.size(), 1u);
  const Page& p = d.pages[0];
  // "g 3 10": three gaps of 10 mm.
  ASSERT_NE(lineStarting(p, "甲乙丙丁"), nullptr);
  EXPECT_EQ(lefts(*lineStarting(p, "甲乙丙丁")), (std::vector<double>{20, 30, 40, 50}));
  // A plain value, a g-run, a plain value.
  ASSERT_NE(lineStarting(p, "一二三四五"), nullptr);
  EXPECT_EQ(lefts(*lineStarting(p, "一二三四五")), (std::vector<double>{20, 26, 34, 42, 49}));
  // A list shorter than the text: its last value repeats.
  ASSERT_NE(lineStarting(p, "春夏秋冬"), nullptr);
  EXPECT_EQ(lefts(*lineStarting(p, "春夏秋冬")), (std::vector<double>{20, 25, 30, 35}));
  // No list: one em (5.6 mm) each.
  ASSERT_NE(lineStarting(p, "东南西北"), nullptr);
  EXPECT_EQ(lefts(*lineStarting(p, "东南西北")), (std::vector<double>{20, 25.6, 31.2, 36.8}));
  // A repeat count far beyond the text is cut at the text's length.
  ASSERT_NE(lineStarting(p, "大数"), nullptr);
  EXPECT_EQ(lefts(*lineStarting(p, "大数")), (std::vector<double>{20, 25}));
  // A TextCode without X/Y goes on where the one before it ended.
  ASSERT_NE(lineStarting(p, "金木水火土"), nullptr);
  EXPECT_EQ(lefts(*lineStarting(p, "金木水火土")), (std::vector<double>{20, 25.6, 31.2, 36.8, 42.4}));
}

TEST(OfdSource, TheTransformMatrixIsApplied) {
  PageText d = ofd("deltas.ofd");
  const Line* scaled = lineStarting(d.pages[0], "天地");
  ASSERT_NE(scaled, nullptr);
  // CTM "2 0 0 2 10 0" in a boundary at x 20: 天 at 20 + 10, 地 5.6 × 2 further; the em doubled.
  EXPECT_EQ(lefts(*scaled), (std::vector<double>{30, 41.2}));
  EXPECT_NEAR(scaled->font_size, 11.2 * kPt, 0.05);
}

TEST(OfdSource, RotatedAndVerticalTextJoinNoLine) {
  PageText d = ofd("deltas.ofd");
  const Page& p = d.pages[0];
  for (const auto& l : p.lines) {
    for (const auto& piece : l.pieces) {
      EXPECT_EQ(piece.text.find("内部资料"), std::string::npos);
      EXPECT_EQ(piece.text.find("竖排"), std::string::npos);
    }
  }
  EXPECT_NE(std::find(p.furniture.begin(), p.furniture.end(), "内部资料"), p.furniture.end());
  EXPECT_NE(std::find(p.furniture.begin(), p.furniture.end(), "竖排文字"), p.furniture.end());
}

TEST(OfdSource, AWideGapInsideOneTextCodeSplitsPieces) {
  PageText d = ofd("deltas.ofd");
  const Line* row = lineStarting(d.pages[0], "张三|李四");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->pieces.size(), 2u);
}

TEST(OfdSource, PagesWithTheirOwnSizesAndPageNumbersApart) {
  PageText d = ofd("multipage.ofd");
  ASSERT_EQ(d.pages.size(), 3u);
  EXPECT_NEAR(d.pages[1].width, 297 * kPt, 0.01);  // the landscape page's own PhysicalBox
  EXPECT_NEAR(d.pages[1].height, 210 * kPt, 0.01);
  EXPECT_NEAR(d.pages[2].width, 210 * kPt, 0.01);  // the document's default
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(d.pages[i].furniture, std::vector<std::string>{"—" + std::to_string(i + 1) + "—"}) << "page " << i + 1;
    ASSERT_NE(lineStarting(d.pages[i], "第" + std::to_string(i + 1) + "页正文。"), nullptr) << "page " << i + 1;
  }
  const Line* title = lineStarting(d.pages[0], "关于开展测试工作的通知");
  ASSERT_NE(title, nullptr);
  EXPECT_TRUE(title->bold);
  EXPECT_NEAR(title->font_size, 7.7 * kPt, 0.05);
  EXPECT_EQ(title->font_family, "Song");
  // Through the engine: source.pages is the page count, provenance has boxes.
  auto record = testing::engine().parseFile(sourcePath("tests/data/ofd/multipage.ofd"), {});
  ASSERT_TRUE(record.ok()) << record.error().message;
  EXPECT_EQ(record.value()["source"]["format"], "ofd");
  EXPECT_EQ(record.value()["source"]["pages"], 3);
  EXPECT_EQ(record.value()["title"], "关于开展测试工作的通知");
  ASSERT_TRUE(record.value()["provenance"].contains("/title"));
  EXPECT_TRUE(record.value()["provenance"]["/title"]["bbox"].is_array());
}

TEST(OfdSource, TwoDocumentsAreReadOneAfterAnother) {
  PageText d = ofd("two-documents.ofd");
  ASSERT_EQ(d.pages.size(), 2u);
  EXPECT_EQ(d.pages[1].number, 2);
  EXPECT_NE(lineStarting(d.pages[0], "第一个文档"), nullptr);
  EXPECT_NE(lineStarting(d.pages[1], "第二个文档"), nullptr);
  EXPECT_TRUE(hasNote(d, "several_documents", "2 documents"));
  // The seal's PageRef is the second document's page ID: page 2 of the whole; the first
  // document's signature draws no seal.
  EXPECT_TRUE(hasNote(d, "unverified_seal", "an electronic seal on page 2"));
  EXPECT_TRUE(hasNote(d, "unverified_seal", "a digital signature)"));
}

TEST(OfdSource, TemplatesAreDrawnAndAnnotationsNoted) {
  PageText d = ofd("template-annotation.ofd");
  ASSERT_EQ(d.pages.size(), 1u);
  EXPECT_NE(lineStarting(d.pages[0], "测试局文件"), nullptr);
  EXPECT_NE(lineStarting(d.pages[0], "模板之下的正文。"), nullptr);
  EXPECT_TRUE(hasNote(d, "annotations_not_read", "Stamp on page 1 (已审核); Watermark on page 1 (×2)"));
}

TEST(OfdSource, AMissingPageIsNotedAndTheOthersRead) {
  PageText d = ofd("missing-content.ofd");
  ASSERT_EQ(d.pages.size(), 2u);
  EXPECT_NE(lineStarting(d.pages[0], "仅有第一页"), nullptr);
  EXPECT_TRUE(d.pages[1].lines.empty());
  EXPECT_TRUE(hasNote(d, "missing_part", "page 2"));
  // The note reaches the record's warnings.
  auto record = testing::engine().parseFile(sourcePath("tests/data/ofd/missing-content.ofd"), {});
  ASSERT_TRUE(record.ok()) << record.error().message;
  bool warned = false;
  for (const auto& w : record.value()["warnings"]) warned = warned || w["code"] == "missing_part";
  EXPECT_TRUE(warned);
}

struct BadOfd {
  const char* file;
  ErrorCode code;
  const char* words;  // in the message
};

TEST(OfdSource, BadPackagesGiveClearErrors) {
  const BadOfd cases[] = {
      {"no-pages.ofd", ErrorCode::kCorrupt, "lists no pages"},
      {"xml-bomb.ofd", ErrorCode::kCorrupt, "<!DOCTYPE>"},
      {"zip-bomb.ofd", ErrorCode::kTooLarge, "zip bomb"},
      {"wrong-member.ofd", ErrorCode::kCorrupt, "not well-formed XML"},
      {"scanned.ofd", ErrorCode::kNoTextLayer, "images"},
  };
  for (const auto& c : cases) {
    auto r = readTestOfd(c.file);
    ASSERT_FALSE(r.ok()) << c.file;
    EXPECT_EQ(r.error().code, c.code) << c.file << ": " << r.error().message;
    EXPECT_NE(r.error().message.find(c.words), std::string::npos) << c.file << ": " << r.error().message;
  }
}

TEST(OfdSource, DeepNestingIsReadToALimitNotOverflowingTheStack) {
  PageText d = ofd("deep-nesting.ofd");
  ASSERT_EQ(d.pages.size(), 1u);
  EXPECT_NE(lineStarting(d.pages[0], "浅处"), nullptr);
  EXPECT_EQ(lineStarting(d.pages[0], "深处"), nullptr);  // past any real document's nesting
}

TEST(OfdSource, ATruncatedOfdIsCorruptNotAnotherFormat) {
  std::string bytes = readFile(sourcePath("corpus/real/ofd/o01_luqiao-2011-weisheng-pifu.ofd"));
  // Cut in its last bytes (the central directory lost: the local headers still name OFD.xml),
  // at half (OFD.xml, written last, lost too) and at its start.
  for (size_t keep : {bytes.size() - 30, bytes.size() / 2, size_t{100}}) {
    std::string cut = bytes.substr(0, keep);
    auto r = testing::engine().parseBytes(cut, "cut.ofd", {});
    ASSERT_FALSE(r.ok()) << keep;
    EXPECT_EQ(r.error().code, ErrorCode::kCorrupt) << keep << ": " << r.error().message;
    EXPECT_NE(r.error().message.find("damaged"), std::string::npos) << r.error().message;
  }
  auto chosen = sourceFor(bytes.substr(0, bytes.size() - 30));
  ASSERT_TRUE(chosen.ok());
  EXPECT_STREQ(chosen.value()->name, "ofd");
}

}  // namespace
}  // namespace notice
