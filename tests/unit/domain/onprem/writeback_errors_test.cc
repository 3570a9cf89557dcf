#include "domain/onprem/writeback_errors.h"

#include <gtest/gtest.h>

#include "domain/locale_catalogue.h"

namespace sspr::domain::onprem {
namespace {

TEST(WritebackErrors, NumberedAsTheReferenceProductWithATextInEveryLanguage) {
  const auto admin = admin_action_required("no on-premises connection is configured");
  EXPECT_EQ(admin.code, "SSPR_0029");
  EXPECT_EQ(admin.name, "OnPremisesAdminActionRequired");
  EXPECT_EQ(admin.technical,
            "SSPR_0029: OnPremisesAdminActionRequired: no on-premises connection is configured");
  const auto unreachable = connectivity_error("timeout after 10 s");
  EXPECT_EQ(unreachable.code, "SSPR_0030");
  EXPECT_EQ(unreachable.name, "OnPremisesConnectivityError");
  EXPECT_EQ(unreachable.kind, ErrorKind::kUnavailable);
  const auto policy = policy_violation("constraint violation");
  EXPECT_EQ(policy.code, "OnPremisesPolicyViolation");
  EXPECT_EQ(policy.kind, ErrorKind::kRejected);
  EXPECT_EQ(policy.technical, "OnPremisesPolicyViolation: constraint violation");
  const auto recorded = success_cloud_failure("store unavailable");
  EXPECT_EQ(recorded.kind, ErrorKind::kInternal);
  std::vector<std::string> keys;
  for (const auto& error : {admin, unreachable, policy, recorded}) {
    EXPECT_EQ(error.message_key, "error." + error.name);
    keys.push_back(error.message_key);
  }
  EXPECT_EQ(sspr::testing::missing_locale_keys(keys), std::vector<std::string>{});
}

}  // namespace
}  // namespace sspr::domain::onprem
