#include "extract/pdf_tables.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <re2/re2.h>

#include "core/utf8.h"

namespace notice {
namespace {

// The size most characters before the attachments are set in: the body text. (Counting the
// attachments too would let a long form outvote the body.)
double bodySize(const PageText& doc, int firstAttachmentPage) {
  std::map<double, size_t> votes;
  for (const auto& page : doc.pages) {
    if (page.number >= firstAttachmentPage) break;
    for (const auto& line : page.lines) {
      size_t n = 0;
      for (const auto& p : line.pieces) n += utf8::codepointCount(p.text);
      if (line.font_size > 0) votes[std::round(line.font_size * 2) / 2] += n;
    }
  }
  if (votes.empty()) return 0;
  return std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

bool isAttachmentHead(const Line& line, const Grammar& g) {
  std::string text;
  for (const auto& p : line.pieces) text += p.text;
  return RE2::FullMatch(utf8::trim(text), g.re("structure.attachment_header"));
}

bool overlapsX(const Box& a, const Box& b) { return a.x0 < b.x1 && b.x0 < a.x1; }

struct Cell {
  std::vector<const LinePiece*> parts;  // top to bottom
  Box box;
  double centre() const { return (box.x0 + box.x1) / 2; }
};

struct Row {
  double y0, y1;
  std::vector<Cell> cells;  // left to right
};

// A line's pieces were cut at gaps wider than an em of its size; in a form, narrow columns sit
// closer than that, so pieces are cut again wherever their characters stand apart by more than
// half an em.
std::vector<LinePiece> cellPieces(const std::vector<Line>& lines) {
  std::vector<LinePiece> out;
  for (const auto& l : lines) {
    double em = l.font_size > 0 ? l.font_size : 10.5;
    for (const auto& p : l.pieces) {
      if (!p.bbox || utf8::trim(p.text).empty()) continue;
      std::u32string text = utf8::decode(p.text);
      if (p.char_boxes.size() != text.size()) {
        out.push_back(p);
        continue;
      }
      size_t from = 0;
      auto emit = [&](size_t to) {
        LinePiece piece{utf8::encode(text.substr(from, to - from)), std::nullopt, {}};
        for (size_t i = from; i < to; ++i) {
          piece.char_boxes.push_back(p.char_boxes[i]);
          piece.bbox = piece.bbox ? unite(*piece.bbox, p.char_boxes[i]) : p.char_boxes[i];
        }
        if (!utf8::trim(piece.text).empty()) out.push_back(std::move(piece));
        from = to;
      };
      for (size_t i = 1; i < text.size(); ++i) {
        const Box& b = p.char_boxes[i];
        if (text[i] == U' ' && b.x1 - b.x0 > 0.5 * em) {  // a wide gap the line kept as a space
          emit(i);
          from = i + 1;
        } else if (b.x0 - p.char_boxes[i - 1].x1 > 0.5 * em) {
          emit(i);
        }
      }
      emit(text.size());
    }
  }
  return out;
}

// Cells, then rows. A piece right under another that it overlaps horizontally (touching it:
// single spacing) is that cell's next line. Cells whose vertical extents overlap by half the
// cell's height or more share a row; a label centred across rows lands in one of them, and the
// first-column rule in rebuild() moves it to the first.
std::vector<Row> rowsOf(const std::vector<LinePiece>& parts) {
  std::vector<const LinePiece*> pieces;
  for (const auto& p : parts) pieces.push_back(&p);
  std::sort(pieces.begin(), pieces.end(), [](const LinePiece* a, const LinePiece* b) {
    return a->bbox->y0 < b->bbox->y0 || (a->bbox->y0 == b->bbox->y0 && a->bbox->x0 < b->bbox->x0);
  });
  std::vector<Cell> cells;
  for (const LinePiece* p : pieces) {
    double slack = 0.25 * (p->bbox->y1 - p->bbox->y0);
    auto home = std::find_if(cells.rbegin(), cells.rend(), [&](const Cell& c) {
      const Box& last = *c.parts.back()->bbox;
      return overlapsX(last, *p->bbox) && p->bbox->y0 > last.y0 && p->bbox->y0 < last.y1 + slack;
    });
    if (home == cells.rend()) {
      cells.push_back(Cell{{p}, *p->bbox});
    } else {
      home->parts.push_back(p);
      home->box = unite(home->box, *p->bbox);
    }
  }
  std::sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.box.y0 < b.box.y0; });
  std::vector<Row> rows;
  for (auto& cell : cells) {
    double height = cell.box.y1 - cell.box.y0;
    if (!rows.empty() && std::min(rows.back().y1, cell.box.y1) - cell.box.y0 >= 0.5 * height - 0.05) {
      rows.back().y1 = std::max(rows.back().y1, cell.box.y1);
      rows.back().cells.push_back(std::move(cell));
    } else {
      rows.push_back(Row{cell.box.y0, cell.box.y1, {std::move(cell)}});
    }
  }
  for (auto& row : rows) {
    std::sort(row.cells.begin(), row.cells.end(), [](const Cell& a, const Cell& b) { return a.box.x0 < b.box.x0; });
  }
  return rows;
}

// Columns: cells whose centres agree (within `tolerance`). Each column lists (row, cell) pairs.
using Column = std::vector<std::pair<size_t, size_t>>;

std::vector<Column> columnsOf(const std::vector<Row>& rows, double tolerance) {
  std::vector<std::tuple<double, size_t, size_t>> centres;
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].cells.size(); ++c) centres.emplace_back(rows[r].cells[c].centre(), r, c);
  }
  std::sort(centres.begin(), centres.end());
  std::vector<Column> columns;
  double last = -1e9;
  for (const auto& [x, r, c] : centres) {
    if (columns.empty() || x - last > tolerance) columns.emplace_back();
    columns.back().emplace_back(r, c);
    last = x;
  }
  // A cell spanning columns sits between them as a column of its own: fold such a column into
  // its left neighbour when the two never share a row and their cells overlap.
  auto shareARow = [](const Column& a, const Column& b) {
    for (const auto& [ra, ca] : a) {
      for (const auto& [rb, cb] : b) if (ra == rb) return true;
    }
    return false;
  };
  auto overlap = [&](const Column& a, const Column& b) {
    for (const auto& [ra, ca] : a) {
      for (const auto& [rb, cb] : b) if (overlapsX(rows[ra].cells[ca].box, rows[rb].cells[cb].box)) return true;
    }
    return false;
  };
  for (size_t i = 1; i < columns.size();) {
    if (!shareARow(columns[i - 1], columns[i]) && overlap(columns[i - 1], columns[i])) {
      columns[i - 1].insert(columns[i - 1].end(), columns[i].begin(), columns[i].end());
      columns.erase(columns.begin() + static_cast<long>(i));
    } else {
      ++i;
    }
  }
  return columns;
}

LinePiece joinCell(const Cell& cell) {
  LinePiece out{"", cell.box, {}};
  for (const LinePiece* p : cell.parts) {
    // Wrapped lines of a cell join with no space, unless a Latin word or number was broken.
    if (!out.text.empty() && utf8::isAsciiAlnum(utf8::last(out.text)) && utf8::isAsciiAlnum(utf8::first(p->text))) {
      out.text += ' ';
      out.char_boxes.push_back(*p->bbox);
    }
    out.text += p->text;
    out.char_boxes.insert(out.char_boxes.end(), p->char_boxes.begin(), p->char_boxes.end());
  }
  if (out.char_boxes.size() != utf8::codepointCount(out.text)) out.char_boxes.clear();
  return out;
}

// Rebuilds one run of form lines as table rows.
std::vector<Line> rebuild(const std::vector<Line>& lines) {
  std::vector<LinePiece> parts = cellPieces(lines);
  std::vector<Row> rows = rowsOf(parts);
  double size = lines.front().font_size > 0 ? lines.front().font_size : 10.5;
  std::vector<Column> columns = columnsOf(rows, 1.0 * size);
  std::vector<std::vector<std::optional<LinePiece>>> grid(rows.size(), std::vector<std::optional<LinePiece>>(columns.size()));
  for (size_t k = 0; k < columns.size(); ++k) {
    for (const auto& [r, c] : columns[k]) {
      LinePiece cell = joinCell(rows[r].cells[c]);
      if (grid[r][k]) grid[r][k]->text += cell.text;  // two cells in one column of a row: keep both
      else grid[r][k] = std::move(cell);
    }
  }
  // A first-column label centred across rows with as many empty rows above as below it.
  for (size_t r = 1; r + 1 < rows.size(); ++r) {
    if (!grid[r][0] || columns.size() < 2) continue;
    size_t k = 0;
    while (r > k && r + k + 1 < rows.size() && !grid[r - k - 1][0] && !grid[r + k + 1][0]) ++k;
    if (k > 0) std::swap(grid[r - k][0], grid[r][0]);
  }
  std::vector<Line> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    Line line;
    line.table_row = true;
    line.font_size = size;
    line.align = Align::kUnknown;
    for (auto& cell : grid[r]) {
      if (cell) {
        line.bbox = line.bbox ? unite(*line.bbox, *cell->bbox) : *cell->bbox;
        line.pieces.push_back(std::move(*cell));
      } else {
        line.pieces.push_back(LinePiece{});
      }
    }
    if (!line.bbox) continue;
    out.push_back(std::move(line));
  }
  return out;
}

// A form that runs on over a page break: the new page repeats the header row, and a row the
// break cut in two goes on in its first row, whose first cell (序号, a label) is then empty. That
// part is joined to the previous page's last row, cell by cell.
void joinRowSplitByPageBreak(std::vector<Line>& previousPage, std::vector<Line>& rows) {
  auto textOf = [](const Line& l) {
    std::vector<std::string> cells;
    for (const auto& p : l.pieces) cells.push_back(p.text);
    return cells;
  };
  size_t headerAt = previousPage.size();
  while (headerAt > 0 && previousPage[headerAt - 1].table_row) --headerAt;
  if (headerAt == previousPage.size() || rows.empty()) return;
  size_t first = textOf(rows.front()) == textOf(previousPage[headerAt]) ? 1 : 0;
  if (first >= rows.size()) return;
  Line& last = previousPage.back();
  Line& part = rows[first];
  if (part.pieces.size() != last.pieces.size() || part.pieces.empty() || !part.pieces.front().text.empty() ||
      last.pieces.front().text.empty()) {
    return;
  }
  for (size_t c = 0; c < part.pieces.size(); ++c) {
    LinePiece& into = last.pieces[c];
    const LinePiece& more = part.pieces[c];
    if (more.text.empty()) continue;
    if (into.text.empty()) {
      into = more;  // the cell starts on the new page; its box is there
      continue;
    }
    into.text += more.text;
    into.char_boxes.clear();  // the text now spans two pages: the cell's box on the first stands for it
  }
  rows.erase(rows.begin() + static_cast<long>(first));
}

}  // namespace

void rebuildTables(PageText& doc, const Grammar& grammar) {
  int firstAttachmentPage = 0;
  for (const auto& page : doc.pages) {
    if (!page.lines.empty() && isAttachmentHead(page.lines.front(), grammar)) {
      firstAttachmentPage = page.number;
      break;
    }
  }
  if (firstAttachmentPage == 0) return;  // forms are looked for on attachment pages only
  double body = bodySize(doc, firstAttachmentPage);
  if (body <= 0) return;
  Page* previous = nullptr;  // the last page, when it ended inside a form
  for (auto& page : doc.pages) {
    if (page.number < firstAttachmentPage) continue;
    std::vector<Line> lines;
    for (size_t i = 0; i < page.lines.size();) {
      auto small = [&](const Line& l) { return l.font_size > 0 && l.font_size < 0.85 * body; };
      if (!small(page.lines[i])) {
        lines.push_back(std::move(page.lines[i++]));
        continue;
      }
      size_t end = i;
      bool cellsApart = false;
      while (end < page.lines.size() && small(page.lines[end])) cellsApart |= page.lines[end++].pieces.size() >= 2;
      // A form whose value column is still empty has one piece a row: its caption (…推荐表) just
      // above says what it is.
      if (!cellsApart && !lines.empty()) {
        std::string above;
        for (const auto& p : lines.back().pieces) above += p.text;
        cellsApart = RE2::PartialMatch(utf8::trim(above), grammar.re("structure.table_caption"));
      }
      std::vector<Line> run(std::make_move_iterator(page.lines.begin() + static_cast<long>(i)),
                            std::make_move_iterator(page.lines.begin() + static_cast<long>(end)));
      if (cellsApart && run.size() >= 2) {
        run = rebuild(run);
        if (i == 0 && previous) joinRowSplitByPageBreak(previous->lines, run);
      }
      for (auto& l : run) lines.push_back(std::move(l));
      i = end;
    }
    page.lines = std::move(lines);
    previous = !page.lines.empty() && page.lines.back().table_row ? &page : nullptr;
  }
}

}  // namespace notice
