// File names as a record or a message can hold them. A name is bytes; a record is UTF-8. Names
// from Windows zips of Chinese documents are often GBK, so a name that is not UTF-8 is read as
// GB18030 when it decodes as such, and otherwise kept with its bad bytes shown as U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace notice {

std::string displayFileName(std::string_view raw);

}  // namespace notice
