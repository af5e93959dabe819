// Contacts (联系人): one entry per person, with every phone and e-mail address of the block the
// person is named in; org from "X联系人" or from brackets after the name.
#pragma once

#include <vector>

#include "fields/found.h"

namespace notice {

std::vector<Found> readContacts(const NoticeView& v);

// A phone number as written, with the separator normalised: "0351—3806842" → "0351-3806842",
// "（0551）62831846" → "(0551)62831846" (an area code in brackets stays so, as the spec keeps
// strings as written).
std::string normalizePhone(const std::string& raw);

}  // namespace notice
