#include "domain/onprem/writeback_errors.h"

namespace sspr::domain::onprem {

namespace {

Error make(ErrorKind kind, const std::string& code, const std::string& name,
           const std::string& technical) {
  const std::string prefix = code == name ? name : code + ": " + name;
  return Error{kind, code, name, "error." + name, prefix + ": " + technical};
}

}  // namespace

Error admin_action_required(const std::string& technical) {
  return make(ErrorKind::kUnavailable, "SSPR_0029", "OnPremisesAdminActionRequired", technical);
}

Error connectivity_error(const std::string& technical) {
  return make(ErrorKind::kUnavailable, "SSPR_0030", "OnPremisesConnectivityError", technical);
}

Error policy_violation(const std::string& technical) {
  return make(ErrorKind::kRejected, "OnPremisesPolicyViolation", "OnPremisesPolicyViolation",
              technical);
}

Error success_cloud_failure(const std::string& technical) {
  return make(ErrorKind::kInternal, "OnPremisesSuccessCloudFailure",
              "OnPremisesSuccessCloudFailure", technical);
}

}  // namespace sspr::domain::onprem
