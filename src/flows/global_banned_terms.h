#pragma once
// The global banned password list shipped in the binary (data/banned_passwords/global.txt,
// embedded by cmake/EmbedFiles.cmake), parsed once on first use.

#include <string_view>
#include <utility>
#include <vector>

#include "domain/password/banned_term_list.h"

namespace sspr::flows {

// (file name, content) pairs of the embedded lists, sorted by file name.
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_banned_lists();

// The parsed global list. The embedded file is checked by a unit test, so a parse failure is
// a build defect: it terminates the process with the parser's message.
const domain::password::BannedTermList& global_banned_terms();

}  // namespace sspr::flows
