#include "store/postgresql_conninfo.h"

#include <gtest/gtest.h>

namespace sspr::store {
namespace {

TEST(PostgresqlConninfo, BoundsConnectAndSendTimesWhenTheUrlDoesNot) {
  auto conninfo = postgresql_conninfo("postgresql://sspr@127.0.0.1:5432/sspr");
  ASSERT_TRUE(conninfo.ok());
  EXPECT_NE(conninfo->find("host=127.0.0.1"), std::string::npos) << *conninfo;
  EXPECT_NE(conninfo->find("connect_timeout=5"), std::string::npos) << *conninfo;
  EXPECT_NE(conninfo->find("tcp_user_timeout=30000"), std::string::npos) << *conninfo;
}

TEST(PostgresqlConninfo, KeepsTimeoutsTheUrlSets) {
  auto conninfo = postgresql_conninfo(
      "postgresql://sspr@db.example/sspr?connect_timeout=12&tcp_user_timeout=7000");
  ASSERT_TRUE(conninfo.ok());
  EXPECT_NE(conninfo->find("connect_timeout=12"), std::string::npos) << *conninfo;
  EXPECT_EQ(conninfo->find("connect_timeout=5"), std::string::npos) << *conninfo;
  EXPECT_EQ(conninfo->find("tcp_user_timeout=30000"), std::string::npos) << *conninfo;
}

TEST(PostgresqlConninfo, RefusesWhatLibpqCannotParseWithoutRepeatingIt) {
  auto conninfo = postgresql_conninfo("postgresql://user:s3cret@[bad");
  ASSERT_FALSE(conninfo.ok());
  EXPECT_EQ(conninfo.error().technical.find("s3cret"), std::string::npos);
}

}  // namespace
}  // namespace sspr::store
