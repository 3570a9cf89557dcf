#pragma once
// The shipped global list, read from the source tree (the domain never reads files itself).

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace sspr::domain::password {

inline std::string read_global_banned_list() {
  const auto path = std::filesystem::path(__FILE__).parent_path() / "../../../../data" /
                    "banned_passwords" / "global.txt";
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace sspr::domain::password
