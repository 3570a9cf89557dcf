#include "onprem/bind_password_file.h"

#include <fstream>
#include <iterator>

#include "domain/onprem/writeback_errors.h"

namespace sspr::onprem {

domain::Result<std::string> read_bind_password(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return domain::onprem::admin_action_required(
        "cannot read the service account's password file " + path);
  }
  std::string password((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (password.ends_with('\n')) password.pop_back();
  if (password.ends_with('\r')) password.pop_back();
  if (password.empty()) {
    return domain::onprem::admin_action_required("the service account's password file " + path +
                                                 " is empty");
  }
  return password;
}

}  // namespace sspr::onprem
