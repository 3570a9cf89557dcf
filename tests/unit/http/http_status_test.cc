#include "http/http_status.h"

#include <gtest/gtest.h>

namespace sspr::http {
namespace {

using domain::ErrorKind;

TEST(StatusForErrorKind, FollowsTheCatalogue) {
  EXPECT_EQ(status_for(ErrorKind::kBadInput), 400);
  EXPECT_EQ(status_for(ErrorKind::kUnauthenticated), 401);
  EXPECT_EQ(status_for(ErrorKind::kForbidden), 403);
  EXPECT_EQ(status_for(ErrorKind::kNotFound), 404);
  EXPECT_EQ(status_for(ErrorKind::kConflict), 409);
  EXPECT_EQ(status_for(ErrorKind::kTooLarge), 413);
  EXPECT_EQ(status_for(ErrorKind::kRejected), 422);
  EXPECT_EQ(status_for(ErrorKind::kThrottled), 429);
  EXPECT_EQ(status_for(ErrorKind::kInternal), 500);
  EXPECT_EQ(status_for(ErrorKind::kUnavailable), 503);
}

TEST(StatusForErrorKind, CatalogueErrorsMapToTheirStatus) {
  EXPECT_EQ(status_for(domain::errors::body_too_large(10).kind), 413);
  EXPECT_EQ(status_for(domain::errors::malformed_json("x").kind), 400);
  EXPECT_EQ(status_for(domain::errors::unauthenticated("x").kind), 401);
  EXPECT_EQ(status_for(domain::errors::forbidden("x").kind), 403);
  EXPECT_EQ(status_for(domain::errors::store_unavailable("x").kind), 503);
}

TEST(ReasonPhrase, NamesTheStatusesWeSend) {
  EXPECT_EQ(reason_phrase(200), "OK");
  EXPECT_EQ(reason_phrase(201), "Created");
  EXPECT_EQ(reason_phrase(204), "No Content");
  EXPECT_EQ(reason_phrase(405), "Method Not Allowed");
  EXPECT_EQ(reason_phrase(413), "Payload Too Large");
  EXPECT_EQ(reason_phrase(599), "Unknown");
}

}  // namespace
}  // namespace sspr::http
