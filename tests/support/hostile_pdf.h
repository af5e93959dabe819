// Hostile PDFs made in the tests, from the audit's reproducers (../shared/reliability/repro/).
#pragma once

#include <string>
#include <vector>

namespace notice::testing {

// A PDF whose objects are `bodies` (object i + 1 is bodies[i]; 1 is the catalog), with its xref.
inline std::string pdfOf(const std::vector<std::string>& bodies) {
  std::string out = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < bodies.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + bodies[i] + "\nendobj\n";
  }
  size_t xref = out.size();
  out += "xref\n0 " + std::to_string(bodies.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    std::string n = std::to_string(o);
    out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  out += "trailer\n<< /Size " + std::to_string(bodies.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

inline std::string streamObject(const std::string& data) {
  return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

// F09: one A4 page with `runs` short Helvetica text runs. poppler's TextPage::coalesce (inside
// poppler::page::text_list) is super-linear in them: 200,000 kept it busy past 120 s.
inline std::string manyRunsPdf(int runs) {
  std::string ops;
  for (int i = 0; i < runs; ++i) {
    ops += "BT /F1 12 Tf " + std::to_string(i % 500) + " " + std::to_string(700 - (i / 500) % 700) + " Td (x" +
           std::to_string(i) + ") Tj ET\n";
  }
  return pdfOf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                streamObject(ops), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"});
}

}  // namespace notice::testing
