#include "flows/global_banned_terms.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace sspr::flows {

namespace {

domain::password::BannedTermList parse_global_list() {
  std::string text;
  for (const auto& [file, content] : embedded_banned_lists()) {
    if (file == "global.txt") text.assign(content);
  }
  auto parsed = domain::password::BannedTermList::parse(text);
  if (!parsed) {
    std::fprintf(stderr, "embedded global banned password list is invalid: %s\n",
                 parsed.error().technical.c_str());
    std::abort();
  }
  return std::move(parsed).value();
}

}  // namespace

const domain::password::BannedTermList& global_banned_terms() {
  static const domain::password::BannedTermList list = parse_global_list();
  return list;
}

}  // namespace sspr::flows
