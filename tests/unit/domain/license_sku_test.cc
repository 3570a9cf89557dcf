#include "domain/license_sku.h"

#include <gtest/gtest.h>

namespace sspr::domain {
namespace {

TEST(LicenseSku, TableOfSpecSection1) {
  struct Row {
    const char* sku;
    bool cloud;
    bool synced;
  };
  for (const Row& row :
       {Row{"FREE", false, false}, Row{"O365_PAID", true, false}, Row{"BASIC", true, false},
        Row{"PREMIUM_P1", true, true}, Row{"PREMIUM_P2", true, true}, Row{"EMS", true, true},
        Row{"SPE", true, true}}) {
    EXPECT_EQ(grants_sspr({row.sku}, UserSource::kCloud), row.cloud) << row.sku;
    EXPECT_EQ(grants_sspr({row.sku}, UserSource::kSynced), row.synced) << row.sku;
  }
  EXPECT_EQ(all_license_skus().size(), 7u);
}

TEST(LicenseSku, AnyHeldSkuThatGrantsIsEnough) {
  EXPECT_TRUE(grants_sspr({"FREE", "BASIC"}, UserSource::kCloud));
  EXPECT_FALSE(grants_sspr({"FREE", "BASIC"}, UserSource::kSynced));
  EXPECT_TRUE(grants_sspr({"BASIC", "EMS"}, UserSource::kSynced));
  EXPECT_FALSE(grants_sspr({}, UserSource::kCloud));
  EXPECT_FALSE(grants_sspr({"UNKNOWN"}, UserSource::kCloud));
}

}  // namespace
}  // namespace sspr::domain
