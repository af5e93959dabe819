#include "cli/cmd_archive_common.h"

#include <cstdio>
#include <cstdlib>


namespace notice::cli {

const char* kFilterHelp =
    "  --province P         issued in province P, as the record writes it (山西省, 全国)\n"
    "  --year N             of year N (the 发文字号's year, else the 成文日期's)\n"
    "  --issuer TEXT        one of its issuers' names contains TEXT (教育厅)\n"
    "  --doc-type T         文种 T (通知, 函, 公告, …)\n"
    "  --deadline-after D   a deadline on or after D (YYYY-MM-DD or YYYY-MM); with\n"
    "  --deadline-before D  … on or before D, one deadline within both\n"
    "  --event-after D      an event period that ends on or after D\n"
    "  --event-before D     an event period that starts on or before D\n"
    "  --all-versions       every version, not only each notice's current one (latest\n"
    "                       issue date, then latest ingested)\n";

std::string archivePath(const std::string& option) {
  if (!option.empty()) return option;
  if (const char* env = std::getenv("NOTICE_ARCHIVE"); env && *env) return env;
  return "notices.db";
}

std::unique_ptr<archive::Archive> openArchiveOrReport(const std::string& path, archive::OpenMode mode) {
  auto opened = archive::openArchive(path, mode);
  if (!opened.ok()) {
    std::fprintf(stderr, "notice: %s\n", opened.error().message.c_str());
    return nullptr;
  }
  return std::move(opened).value();
}

namespace {

bool isDate(const std::string& s) {
  auto digits = [&](size_t from, size_t n) {
    if (s.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
    }
    return true;
  };
  return (s.size() == 7 && digits(0, 4) && s[4] == '-' && digits(5, 2)) ||
         (s.size() == 10 && digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2));
}

}  // namespace

bool readFilterOption(const std::vector<std::string>& args, size_t* i, archive::Filter* f, std::string* bad) {
  const std::string& a = args[*i];
  if (a == "--all-versions") {
    f->all_versions = true;
    return true;
  }
  std::optional<std::string>* target = a == "--province"          ? &f->province
                                       : a == "--issuer"          ? &f->issuer
                                       : a == "--doc-type"        ? &f->doc_type
                                       : a == "--deadline-after"  ? &f->deadline_after
                                       : a == "--deadline-before" ? &f->deadline_before
                                       : a == "--event-after"     ? &f->event_after
                                       : a == "--event-before"    ? &f->event_before
                                                                  : nullptr;
  if (!target && a != "--year") return false;
  if (*i + 1 >= args.size()) {
    *bad = a + " needs a value";
    return true;
  }
  const std::string& v = args[++*i];
  if (a == "--year") {
    if (v.empty() || v.size() > 4 || v.find_first_not_of("0123456789") != std::string::npos) {
      *bad = "--year needs a year (2026), not '" + v + "'";
    } else {
      f->year = std::stoi(v);
    }
    return true;
  }
  if (a.find("-after") != std::string::npos || a.find("-before") != std::string::npos) {
    if (!isDate(v)) {
      *bad = a + " needs a date YYYY-MM-DD or a month YYYY-MM, not '" + v + "'";
      return true;
    }
  }
  *target = v;
  return true;
}

}  // namespace notice::cli
