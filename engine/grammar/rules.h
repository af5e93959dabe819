// The registry: every rule the engine asks the grammar for by name, with the part of the engine
// that uses it. Grammar::load checks each one against the rule files, so a rule the code needs
// that is missing, misspelt or broken stops the load with an error naming the file (and line),
// before any notice is read; it can never turn up as a failed lookup in the middle of a batch.
//
// HOW TO ADD A RULE
//   1. Write it in grammars/: a line `name = pattern` in FILE.re2, a word list FILE.txt, or a
//      table FILE.tsv (cells separated by one TAB). A new file needs nothing else to load.
//   2. Add it below, next to the others of its file, with the engine folder that reads it:
//        pattern  {"FILE.name", "fields"}
//        list     {"FILE", "segment"}
//        table    {"FILE", "diff", "tag pattern:re2"}  — its columns, in order, separated by
//                 spaces: `:re2` marks a column of RE2 patterns (each compiled at load), a
//                 trailing `?` an optional column (it may be empty or absent; only the last
//                 columns can be optional). Every other cell must be there and not empty.
//   3. In the code, write the whole name as one string literal: g.re("FILE.name"),
//      g.list("FILE"), g.table("FILE"), TagTable(g, "FILE"). Never build a name from pieces.
// The folders in used_by matter: a command that needs some parts alone (`notice diff`: "diff")
// loads only the files holding rules registered for them (Grammar::load's only_for).
// tests/core/grammar_test.cc fails when a name in engine/ or cli/ is missing here, when a name
// in engine/diff/ or engine/archive/ is not registered for that folder (and when a name here is
// used nowhere any more); a name asked for at run time that the grammar lacks is
// logged once and never matches (an empty list or table), it does not abort.
//
// Only grammar.cc and the tests include this file, so adding a name rebuilds two files.
#pragma once

#include <string_view>

namespace notice::rules {

struct Pattern {
  std::string_view name;     // "file.name"
  std::string_view used_by;  // the engine folders that ask for it
};

struct List {
  std::string_view name;  // the file without .txt
  std::string_view used_by;
};

struct Table {
  std::string_view name;  // the file without .tsv
  std::string_view used_by;
  std::string_view columns;  // e.g. "role pattern:re2", "name short bare?"
};

inline constexpr Pattern kPatterns[] = {
    {"central_bodies.name", "fields"},

    {"chrome.line", "layout"},
    {"chrome.rule", "layout"},
    {"chrome.furniture_start", "layout, extract"},
    {"chrome.footer", "layout"},
    {"chrome.headline_separator", "layout"},
    {"chrome.headline_site", "layout"},
    {"chrome.headline_quoted", "layout"},
    {"chrome.headline_tag", "layout"},

    {"html.meta_title", "extract"},
    {"html.meta_publish_date", "extract"},
    {"html.meta_publisher", "extract"},
    {"html.label_index_number", "extract"},
    {"html.label_doc_number", "extract"},
    {"html.label_issue_date", "extract"},
    {"html.label_publish_date", "extract"},
    {"html.label_publisher", "extract"},
    {"html.label_title", "extract"},
    {"html.label_open", "extract"},
    {"html.label_close", "extract"},
    {"html.attachment_file", "extract"},
    {"html.attachment_label", "extract"},
    {"html.own_copy_link", "extract"},

    {"contacts.phone", "fields"},
    {"contacts.phone_in_brackets", "fields"},
    {"contacts.not_phone_label", "fields"},
    {"contacts.email", "fields"},
    {"contacts.unit_token", "fields"},
    {"contacts.person", "fields"},
    {"contacts.unit_then_name", "fields"},
    {"contacts.person_with_unit", "fields"},
    {"contacts.section_title", "fields"},
    {"contacts.label", "fields"},
    {"contacts.unit_line", "fields"},
    {"contacts.heading_marker", "fields"},
    {"contacts.detail_label", "fields"},

    {"dates.ymd", "fields"},
    {"dates.ymd_numeric", "fields"},
    {"dates.cn_ymd", "fields"},
    {"dates.range_end", "fields"},
    {"dates.ym", "fields"},
    {"dates.month_range_end", "fields"},
    {"dates.day_after", "fields"},
    {"dates.date_line", "fields, segment"},
    {"dates.title_year", "model"},

    {"deadlines.action_lead", "fields"},
    {"deadlines.action_attachment_ref", "fields"},
    {"deadlines.action_destination", "fields"},
    {"genre_activity.relative", "fields"},
    {"genre_activity.relative_lead", "fields"},
    {"deadlines.due_after", "fields"},
    {"deadlines.event_verb", "fields"},
    {"deadlines.limit_before", "fields"},
    {"deadlines.as_of_after", "fields"},
    {"genre_meeting.arrival", "fields"},
    {"deadlines.window_close", "fields"},
    {"deadlines.condition_lead", "fields"},
    {"deadlines.condition_after", "fields"},
    {"deadlines.perfective_topic", "fields"},
    {"deadlines.age_after", "fields"},
    {"deadlines.effective_after", "fields"},
    {"deadlines.effective_verb", "fields"},
    {"deadlines.before_effect", "fields"},

    {"doc_number.any", "fields, segment"},
    {"doc_number.line", "layout, segment"},
    {"genre_announcement.announcement", "fields"},
    {"ocr.rule_line", "extract"},

    {"parties.title_issuer_end", "fields, segment"},
    {"parties.issuer_count", "fields"},
    {"parties.party_prefix", "fields"},
    {"genre_announcement.announcement_line", "segment"},
    {"doc_number.masthead_lead", "layout"},
    {"doc_number.in_brackets", "fields"},

    {"genre_activity.leading_verb", "fields"},
    {"genre_activity.leading_qualifier", "fields"},
    {"events.document_kind", "fields"},
    {"events.title_object", "fields"},
    {"events.connector", "fields"},
    {"genre_activity.event_name", "fields, archive"},
    {"genre_activity.event_name_start", "fields"},
    {"events.theme_label", "fields"},
    {"events.quoted_theme", "fields"},
    {"genre_activity.scheduled", "fields"},
    {"genre_activity.ceremony", "fields"},
    {"genre_activity.ceremony_in_object", "fields"},
    {"events.time_label", "fields"},
    {"events.time_label_not", "fields"},
    {"events.time_phrase", "fields"},
    {"events.open_start", "fields"},
    {"events.not_a_time_after", "fields"},
    {"events.window_after_dates", "fields"},
    {"genre_holiday.holiday_after_date", "fields"},
    {"genre_activity.generic_event", "fields"},
    {"genre_meeting.scheduled_verb", "fields"},
    {"genre_meeting.held_event", "fields"},
    {"genre_meeting.event_noun", "fields"},

    {"series.title_variable", "archive"},

    {"structure.h1", "segment"},
    {"structure.h2", "segment"},
    {"structure.h3", "segment"},
    {"structure.h4", "segment"},
    {"structure.new_element", "normalize"},
    {"structure.line_start", "normalize"},
    {"structure.publicity", "fields, segment"},
    {"structure.no_body", "segment"},
    {"structure.title_note", "grammar (for extract, model)"},
    {"structure.attachment_header", "extract, fields, model, segment"},
    {"structure.attachment_note", "extract, fields, model, segment"},
    {"structure.attachment_item", "fields"},
    {"structure.attachment_title_label", "fields"},
    {"structure.metadata_label", "segment"},
    {"structure.table_caption", "extract, fields"},
    {"structure.cc", "fields, segment"},
    {"structure.list_goes_on", "segment"},
    {"structure.internal_distribution", "segment"},
    {"structure.printed", "fields, normalize, segment"},
    {"structure.issued_document", "fields, segment"},
    {"structure.masthead_word", "segment"},
    {"structure.masthead_suffix", "segment"},
    {"structure.title_line", "segment"},
    {"structure.seal_remark", "segment"},
    {"genre_announcement.unaddressed_title", "segment"},
    {"genre_announcement.addressed_line", "segment"},
    {"structure.not_recipients", "segment"},
    {"structure.trailing_doc_number", "fields, segment"},
    {"structure.page_number", "extract"},
    {"structure.page_number_line", "extract"},
};

inline constexpr List kLists[] = {
    {"document_kinds", "layout normalize segment fields"},
    {"doc_types", "grammar (for fields, layout, normalize, segment)"},
    {"html_blocks", "extract"},
    {"html_skipped", "extract"},
    {"org_continuations", "fields, segment"},
    {"org_suffixes", "segment"},
    {"watermarks", "normalize"},
};

inline constexpr Table kTables[] = {
    {"agencies", "diff", "role pattern:re2"},
    {"duties", "diff", "kind pattern:re2"},
    {"ocr_repairs", "extract", "name pattern:re2 rewrite"},
    {"provinces", "fields", "name short bare?"},
    {"month_parts", "fields", "part day"},
    {"durations", "fields", "unit kind"},
};

}  // namespace notice::rules
