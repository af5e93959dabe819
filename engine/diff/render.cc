#include "diff/render.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/utf8.h"

namespace notice {
namespace {

using nlohmann::json;

std::string show(const json& v);

std::string field(const json& v, const char* key) { return v.contains(key) ? show(v[key]) : ""; }
// A key of a record's item, null where the item lacks it: the shape check lets a hand-edited record
// leave keys out, and a const operator[] on a missing key is undefined.
json valueOf(const json& v, const char* key) { return v.value(key, json()); }

// A record's object values, in the order a reader names them.
std::string showObject(const json& v) {
  if (v.contains("event") && v.contains("theme")) return field(v, "event") + "：" + field(v, "theme");
  if (v.contains("event") && v.contains("start")) {
    return field(v, "event") + " " + field(v, "start") + (valueOf(v, "end") != v["start"] ? "—" + field(v, "end") : "");
  }
  if (v.contains("action") && v.contains("date")) {
    return field(v, "date") + " " + field(v, "action") + (v.value("relative", json()).is_string() ? "（" + field(v, "relative") + "）" : "");
  }
  if (v.contains("name") && v.contains("phones")) {
    std::string s = field(v, "name");
    if (valueOf(v, "org").is_string()) s += "（" + field(v, "org") + "）";
    return s + " " + field(v, "phones") + (valueOf(v, "emails").empty() ? "" : " " + field(v, "emails"));
  }
  if (v.contains("index") && v.contains("title")) return field(v, "index") + ". " + field(v, "title");
  if (v.contains("title") && v.contains("doc_number")) {
    return "《" + field(v, "title") + "》" + (v["doc_number"].is_string() ? "（" + field(v, "doc_number") + "）" : "");
  }
  if (v.contains("text") && v.contains("serial")) return field(v, "text");
  if (v.contains("org") && v.contains("date")) return field(v, "org") + " " + field(v, "date");
  return "";
}

std::string show(const json& v) {
  if (v.is_null()) return "—";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) {
    std::string known = showObject(v);
    if (!known.empty()) return known;
  }
  if (v.is_object() && v.size() <= 4) {
    std::string out;
    for (const auto& [k, x] : v.items()) {
      if (k == "text" || k == "level" || k == "children") continue;
      if (!out.empty()) out += "  ";
      out += show(x);
    }
    return out;
  }
  if (v.is_array()) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : "、") + show(x);
    return out;
  }
  return v.dump();
}

std::string escapeHtml(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// An equal run shown in full when short, else its ends around an ellipsis: `keep` characters of
// each (the text is a record's, so UTF-8, and is cut between characters).
void appendContext(std::string& out, const std::string& text, size_t keep) {
  if (utf8::codepointCount(text) <= 2 * keep + 3) {
    out += text;
    return;
  }
  size_t head = 0;
  for (size_t k = 0; k < keep; ++k) utf8::next(text, head);
  size_t tail = text.size();
  for (size_t k = 0; k < keep && tail > 0;) {
    if ((static_cast<unsigned char>(text[--tail]) & 0xC0) != 0x80) ++k;
  }
  out.append(text, 0, head).append(" … ").append(text, tail, std::string::npos);
}

struct Paint {
  bool colour;
  std::string on(const char* code, const std::string& s) const {
    return colour ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
  }
};

std::string shift(const json& e) {
  if (!e.contains("shift_days")) return "";
  int d = e["shift_days"];
  return "  (" + std::string(d >= 0 ? "+" : "") + std::to_string(d) + " days)";
}

}  // namespace

std::string renderDiffText(const json& diff, bool colour) {
  Paint p{colour};
  std::string out;
  out += p.on("1", "notice diff") + "  " + show(diff["old"]["doc_number"]) + " → " + show(diff["new"]["doc_number"]) + "\n";
  out += "  old: " + show(diff["old"]["title"]) + "\n  new: " + show(diff["new"]["title"]) + "\n\n";
  out += p.on("1", "Fields") + "\n";
  if (diff["fields"].empty()) out += "  (no differences)\n";
  // A key that holds one value reads on one line; a list's items go under its name, one a line.
  auto item = [&](const json& e) {
    std::string op = e["op"];
    if (op == "added") return p.on("32", "+ " + show(e["new"]));
    if (op == "removed") return p.on("31", "- " + show(e["old"]));
    return "~ " + p.on("31", show(e["old"])) + " → " + p.on("32", show(e["new"])) + shift(e);
  };
  const json& fields = diff["fields"];
  for (size_t i = 0; i < fields.size();) {
    std::string path = fields[i]["path"];
    std::string key = path.substr(0, path.find('/', 1));
    if (path == key) {
      out += "  " + key.substr(1) + ": " + item(fields[i]) + "\n";
      ++i;
      continue;
    }
    out += "  " + key.substr(1) + ":\n";
    for (; i < fields.size(); ++i) {
      std::string p2 = fields[i]["path"];
      if (p2.substr(0, p2.find('/', 1)) != key) break;
      out += "    " + item(fields[i]) + "\n";
    }
  }
  for (const auto& [key, heading] : {std::pair<const char*, const char*>{"issuers_by_role", "Issuing bodies by role"},
                                     {"recipients_by_role", "Recipients (主送) by role"}}) {
    if (!diff.contains(key)) continue;
    out += "\n" + p.on("1", heading) + "\n";
    for (const auto& r : diff[key]) {
      std::string op = r["op"];
      std::string mark = op == "added" ? p.on("32", "+") : op == "removed" ? p.on("31", "-") : op == "renamed" ? "~" : "=";
      std::string bodies = op == "added" ? show(r["new"]) : op == "renamed" ? show(r["old"]) + " → " + show(r["new"]) : show(r["old"]);
      std::string role = r["role"];
      if (role.rfind("其他：", 0) == 0) role = "(no known role)";  // the body's own name follows
      out += "  " + mark + " " + role + ": " + bodies + "\n";
    }
  }
  out += "\n" + p.on("1", "Sections") + "\n";
  for (const auto& s : diff["sections"]) {
    std::string op = s["op"];
    std::string left = s["old"].is_null() ? "" : s["old"]["number"].get<std::string>() + "、" + s["old"]["title"].get<std::string>();
    std::string right = s["new"].is_null() ? "" : s["new"]["number"].get<std::string>() + "、" + s["new"]["title"].get<std::string>();
    char sim[16];
    std::snprintf(sim, sizeof sim, "%.2f", s["similarity"].get<double>());
    if (op == "added") out += "  " + p.on("32", "+ " + right) + "\n";
    else if (op == "removed") out += "  " + p.on("31", "- " + left) + "\n";
    else out += "  " + op + " " + left + " ↔ " + right + " (" + sim + ")\n";
  }
  out += "\n" + p.on("1", "Text") + "\n";
  // Read in place: a section's edits are most of the output, and copying each (or comparing its
  // op with a JSON string made for the purpose) was most of the rendering.
  auto textOf = [](const json& e, const char* key) -> const std::string& { return e[key].get_ref<const std::string&>(); };
  for (const auto& t : diff["text"]) {
    const json& edits = t["edits"];
    if (std::all_of(edits.begin(), edits.end(), [&](const json& e) { return textOf(e, "op") == "equal"; })) continue;
    out += "  " + p.on("1", textOf(t, "new_number") + "、" + textOf(t, "title")) + "\n    ";
    for (const auto& e : edits) {
      const std::string& op = textOf(e, "op");
      const std::string& text = textOf(e, "text");
      const bool moved = e.value("moved", false);
      if (op == "equal") {
        appendContext(out, text, 12);
      } else if (colour) {
        out += p.on(moved ? "35" : op == "delete" ? "31" : "32", text);
      } else {
        out.append(op == "delete" ? (moved ? "[moved-" : "[-") : (moved ? "{moved+" : "{+")).append(text);
        out += op == "delete" ? "-]" : "+}";
      }
    }
    out += "\n";
  }
  return out;
}

std::string renderDiffHtml(const json& diff) {
  std::string h =
      "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>notice diff</title><style>"
      "body{font-family:system-ui,'Noto Sans CJK SC','Source Han Sans SC',sans-serif;margin:1rem;line-height:1.6;color:#222}"
      "table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}td,th{border:1px solid #ccc;padding:.3rem .5rem;"
      "vertical-align:top;text-align:left}th{background:#f3f3f3}del{background:#fdd;text-decoration:line-through}"
      "ins{background:#dfd;text-decoration:none}.moved{background:#eef}.op{white-space:nowrap;font-weight:bold}"
      ".sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem;border-top:1px solid #ddd;padding:.5rem 0}"
      "@media (max-width:700px){.sides{grid-template-columns:1fr}table,tbody,tr,td{display:block}thead{display:none}"
      "tr{border:1px solid #ccc;margin-bottom:.5rem}td{border:none;padding:.15rem .5rem}td:empty{display:none}}"
      "h1{font-size:1.3rem}h2{font-size:1.1rem}"
      "</style></head><body>\n";
  h += "<h1>" + escapeHtml(show(diff["old"]["doc_number"])) + " → " + escapeHtml(show(diff["new"]["doc_number"])) + "</h1>\n";
  h += "<p>" + escapeHtml(show(diff["old"]["title"])) + "<br>→ " + escapeHtml(show(diff["new"]["title"])) + "</p>\n";
  // One row per key, so that a list's changes read at a glance ("issuers: 11 removed, 12 added"),
  // each item on its own line with its own shift.
  h += "<h2>Fields</h2>\n<table id=\"summary\"><thead><tr><th>field</th><th>change</th><th>old</th><th>new</th></tr></thead><tbody>\n";
  const json& fields = diff["fields"];
  for (size_t i = 0; i < fields.size();) {
    std::string path = fields[i]["path"];
    std::string key = path.substr(0, path.find('/', 1));
    std::map<std::string, int> counts;
    std::string was, now;
    size_t j = i;
    int pairs = 0;
    for (; j < fields.size(); ++j) {
      std::string p = fields[j]["path"];
      if (p.substr(0, p.find('/', 1)) != key) break;
      const json& e = fields[j];
      ++counts[e["op"].get<std::string>()];
      // In a list, the two sides of a changed item carry the same number, so that they pair up.
      std::string tag = e["op"] == "changed" && p != key ? "<sup>" + std::to_string(++pairs) + "</sup>" : "";
      // The side a value is absent from stays empty (and is hidden on a phone).
      if (!e["old"].is_null()) was += "<div>" + tag + "<del>" + escapeHtml(show(e["old"])) + "</del></div>";
      if (!e["new"].is_null()) now += "<div>" + tag + "<ins>" + escapeHtml(show(e["new"])) + "</ins>" + escapeHtml(shift(e)) + "</div>";
    }
    std::string change;
    bool single = j - i == 1 && path == key;
    for (const char* op : {"changed", "added", "removed"}) {
      if (!counts.count(op)) continue;
      if (!change.empty()) change += ", ";
      change += single ? std::string(op) : std::to_string(counts[op]) + " " + op;
    }
    h += "<tr data-path=\"" + escapeHtml(key) + "\"><td>" + escapeHtml(key.substr(1)) + "</td><td class=\"op\">" +
         escapeHtml(change) + "</td><td>" + was + "</td><td>" + now + "</td></tr>\n";
    i = j;
  }
  h += "</tbody></table>\n";
  for (const auto& [key, id, heading] : {std::tuple<const char*, const char*, const char*>{"issuers_by_role", "roles", "Issuing bodies by role"},
                                         {"recipients_by_role", "recipient-roles", "Recipients (主送) by role"}}) {
    if (!diff.contains(key)) continue;
    h += std::string("<h2>") + heading + "</h2>\n<table id=\"" + id +
         "\"><thead><tr><th>role</th><th>change</th><th>old</th><th>new</th></tr></thead><tbody>\n";
    for (const auto& r : diff[key]) {
      h += "<tr><td>" + escapeHtml(r["role"]) + "</td><td class=\"op\">" + escapeHtml(r["op"]) + "</td><td>" +
           escapeHtml(show(r["old"])) + "</td><td>" + escapeHtml(show(r["new"])) + "</td></tr>\n";
    }
    h += "</tbody></table>\n";
  }
  h += "<h2>Sections</h2>\n<table id=\"sections\"><thead><tr><th>change</th><th>old</th><th>new</th><th>similarity</th></tr></thead><tbody>\n";
  for (const auto& s : diff["sections"]) {
    auto cell = [](const json& x) { return x.is_null() ? std::string() : escapeHtml(x["number"].get<std::string>() + "、" + x["title"].get<std::string>()); };
    char sim[16];
    std::snprintf(sim, sizeof sim, "%.2f", s["similarity"].get<double>());
    h += "<tr><td class=\"op\">" + escapeHtml(s["op"]) + "</td><td>" + cell(s["old"]) + "</td><td>" + cell(s["new"]) +
         "</td><td>" + sim + "</td></tr>\n";
  }
  h += "</tbody></table>\n<h2>Text, side by side</h2>\n";
  for (const auto& t : diff["text"]) {
    std::string left, right;
    for (const auto& e : t["edits"]) {
      std::string op = e["op"], text = escapeHtml(e["text"]);
      std::string cls = e.value("moved", false) ? " class=\"moved\"" : "";
      if (op == "equal") { left += text; right += text; }
      else if (op == "delete") left += "<del" + cls + ">" + text + "</del>";
      else right += "<ins" + cls + ">" + text + "</ins>";
    }
    h += "<section><h3>" + escapeHtml(t["old_number"].get<std::string>()) + " → " + escapeHtml(t["new_number"].get<std::string>()) +
         "、" + escapeHtml(t["title"]) + "</h3><div class=\"sides\"><div>" + left + "</div><div>" + right + "</div></div></section>\n";
  }
  h += "</body></html>\n";
  return h;
}

std::string renderSeriesText(const json& series, bool colour) {
  Paint p{colour};
  std::string out;
  for (const auto& row : series["rows"]) {
    out += p.on("1", show(row["doc_number"]) + "  " + show(row["year"]) + "  " + show(row["province"])) + "  " +
           show(row["file"]) + "\n";
    for (const auto& c : series["columns"]) {
      std::string key = c;
      if (key == "file" || key == "doc_number" || key == "year" || key == "province") continue;
      bool changed = std::find(row["changed"].begin(), row["changed"].end(), key) != row["changed"].end();
      std::string value = show(row[key]);
      out += "  " + std::string(changed ? "*" : " ") + " " + key + ": " + (changed ? p.on("33", value) : value) + "\n";
      if (row["gained"].contains(key)) out += "      " + p.on("32", "+ " + show(row["gained"][key])) + "\n";
      if (row["lost"].contains(key)) out += "      " + p.on("31", "- " + show(row["lost"][key])) + "\n";
    }
    out += "\n";
  }
  out += "* changed against the notice above\n";
  return out;
}

std::string renderSeriesCsv(const json& series) {
  auto quote = [](const std::string& s) {
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  std::string out;
  for (const auto& c : series["columns"]) out += quote(c) + ",";
  out += "\"changed\"\n";
  for (const auto& row : series["rows"]) {
    for (const auto& c : series["columns"]) {
      const json& v = row[c.get<std::string>()];
      std::string cell;
      if (v.is_array()) for (const auto& x : v) cell += (cell.empty() ? "" : "; ") + show(x);
      else cell = show(v);
      out += quote(cell) + ",";
    }
    std::string changed;
    for (const auto& x : row["changed"]) changed += (changed.empty() ? "" : " ") + x.get<std::string>();
    out += quote(changed) + "\n";
  }
  return out;
}

std::string renderSeriesHtml(const json& series) {
  std::string h =
      "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>notice compare</title><style>"
      "body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:1rem}table{border-collapse:collapse}"
      "td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}th{background:#f3f3f3}"
      ".changed{background:#fff3c4}.wrap{overflow-x:auto}ins{background:#d7f5d7;text-decoration:none}"
      "del{color:#a33}</style></head><body>\n<h1>notice compare</h1>\n"
      "<div class=\"wrap\"><table id=\"series\"><thead><tr>";
  for (const auto& c : series["columns"]) h += "<th>" + escapeHtml(c) + "</th>";
  h += "</tr></thead><tbody>\n";
  for (const auto& row : series["rows"]) {
    h += "<tr>";
    for (const auto& c : series["columns"]) {
      std::string key = c;
      bool changed = std::find(row["changed"].begin(), row["changed"].end(), key) != row["changed"].end();
      const json& v = row[key];
      std::string cell;
      if (v.is_array()) {
        // Items new against the row above are marked; items it had and this one lacks follow, struck.
        const json& gained = row["gained"].value(key, json::array());
        for (const auto& x : v) {
          bool isNew = std::find(gained.begin(), gained.end(), x) != gained.end();
          cell += (cell.empty() ? "" : "<br>") + (isNew ? "<ins>" + escapeHtml(show(x)) + "</ins>" : escapeHtml(show(x)));
        }
        for (const auto& x : row["lost"].value(key, json::array())) cell += (cell.empty() ? "" : "<br>") + ("<del>" + escapeHtml(show(x)) + "</del>");
      } else {
        cell = escapeHtml(show(v));
      }
      h += std::string("<td") + (changed ? " class=\"changed\"" : "") + ">" + cell + "</td>";
    }
    h += "</tr>\n";
  }
  h += "</tbody></table></div>\n<p>Highlighted: changed against the notice in the row above; <ins>new items</ins> marked, <del>items dropped</del> struck.</p></body></html>\n";
  return h;
}

}  // namespace notice
