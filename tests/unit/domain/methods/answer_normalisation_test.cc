#include "domain/methods/answer_normalisation.h"

#include <gtest/gtest.h>

namespace sspr::domain::methods {
namespace {

std::string norm(std::string_view text) { return normalise_answer(text).value_or("<invalid>"); }

TEST(AnswerNormalisation, TrimsCollapsesAndFoldsCase) {
  EXPECT_EQ(norm("  Copenhagen "), "copenhagen");
  EXPECT_EQ(norm("New   York\tCity"), "new york city");
  EXPECT_EQ(norm("  Copenhagen "), norm("copenhagen"));
}

TEST(AnswerNormalisation, FullCaseFoldingMakesSharpSEqualToDoubleS) {
  EXPECT_EQ(norm("STRASSE"), "strasse");
  EXPECT_EQ(norm("straße"), "strasse");
  EXPECT_EQ(norm("ΣΊΣΥΦΟΣ"), norm("σίσυφος"));
}

TEST(AnswerNormalisation, CompatibilityFormsAndUnicodeSpacesAreUnified) {
  EXPECT_EQ(norm("ＣＯＰＥＮＨＡＧＥＮ"), "copenhagen");  // full-width letters
  EXPECT_EQ(norm("New\u00a0York"), "new york");           // no-break space
  EXPECT_EQ(norm("\u3000Tokyo\u2003 Japan\u3000"), "tokyo japan");
  EXPECT_EQ(norm("ﬁsh"), "fish");  // ligature
}

TEST(AnswerNormalisation, AccentsAreKeptAndComposed) {
  EXPECT_NE(norm("Malmö"), norm("Malmo"));
  EXPECT_EQ(norm("Malmo\u0308"), norm("Malm\u00f6"));  // decomposed equals precomposed
}

TEST(AnswerNormalisation, InvalidUtf8IsRefused) {
  EXPECT_FALSE(normalise_answer("abc\xff"));
  EXPECT_EQ(norm("   "), "");
}

TEST(AnswerNormalisation, CountsCodePoints) {
  EXPECT_EQ(code_point_count("øæå"), 3u);
  EXPECT_EQ(code_point_count("東京"), 2u);
  EXPECT_EQ(code_point_count(""), 0u);
}

}  // namespace
}  // namespace sspr::domain::methods
