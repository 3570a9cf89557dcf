#include "notify/mime_message.h"

#include <gtest/gtest.h>

#include "notify/test_doubles.h"

namespace sspr::notify {
namespace {

MimeFields fields(std::string subject, std::string body) {
  return {{"OpenSSPR", "noreply@contoso.example"},
          "alice@contoso.example",
          std::move(subject),
          std::move(body),
          testing::fixed_time(),
          "<0011@contoso.example>"};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find("\r\n", start);
    out.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return out;
}

// RFC 2045 decoding, to check what a mail client would read.
std::string decode_quoted_printable(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '=') {
      out += text[i];
    } else if (text.compare(i + 1, 2, "\r\n") == 0) {
      i += 2;  // soft break
    } else {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    }
  }
  return out;
}

TEST(MimeMessage, HeadersOfAPlainTextUtf8Email) {
  const auto text = build_mime_message(fields("Your code", "Hello"));
  EXPECT_EQ(text,
            "Date: Mon, 23 Nov 2026 14:05:09 +0000\r\n"
            "From: \"OpenSSPR\" <noreply@contoso.example>\r\n"
            "To: alice@contoso.example\r\n"
            "Subject: Your code\r\n"
            "Message-ID: <0011@contoso.example>\r\n"
            "Auto-Submitted: auto-generated\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            "\r\n"
            "Hello\r\n");
}

TEST(MimeMessage, EveryLineEndsWithCrlf) {
  const auto text = build_mime_message(fields("s", "one\ntwo\r\nthree\n"));
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ASSERT_GT(i, 0u);
      EXPECT_EQ(text[i - 1], '\r') << "bare LF at " << i;
    }
  }
  EXPECT_NE(text.find("\r\n\r\none\r\ntwo\r\nthree\r\n"), std::string::npos);
}

TEST(MimeMessage, NonAsciiSubjectBecomesEncodedWords) {
  EXPECT_EQ(encode_header_text("Dit kodeord"), "Dit kodeord");
  // "Å" is C3 85: base64 of "Åbn" (C3 85 62 6E) is "w4Vibg==".
  EXPECT_EQ(encode_header_text("Åbn"), "=?UTF-8?B?w4Vibg==?=");
}

TEST(MimeMessage, LongNonAsciiSubjectIsSplitBetweenCharacters) {
  std::string subject;
  for (int i = 0; i < 40; ++i) subject += "ø";  // 80 bytes of two-byte characters
  const auto encoded = encode_header_text(subject);
  const auto words = lines_of(encoded);
  ASSERT_EQ(words.size(), 2u);
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string word = words[i];
    if (i > 0) {
      ASSERT_EQ(word.front(), ' ');  // folding whitespace
      word.erase(0, 1);
    }
    EXPECT_LE(word.size(), 75u);
    EXPECT_TRUE(word.starts_with("=?UTF-8?B?") && word.ends_with("?="));
  }
  // 45 bytes would split an "ø"; the first word carries 44 bytes (22 characters).
  EXPECT_EQ(words[0], "=?UTF-8?B?w7jDuMO4w7jDuMO4w7jDuMO4w7jDuMO4w7jDuMO4w7jDuMO4w7jDuMO4w7g=?=");
}

TEST(MimeMessage, HeaderValuesCannotAddHeaders) {
  auto f = fields("Hi\r\nBcc: eve@evil.example", "x");
  f.to = "alice@contoso.example\r\nBcc: eve@evil.example";
  const auto text = build_mime_message(f);
  for (const auto& line : lines_of(text)) EXPECT_FALSE(line.starts_with("Bcc:")) << line;
}

TEST(MimeMessage, NonAsciiSenderNameIsEncoded) {
  auto f = fields("s", "x");
  f.from = parse_mailbox("Kontoret på Nørrebro <it@contoso.example>");
  EXPECT_EQ(f.from.display_name, "Kontoret på Nørrebro");
  EXPECT_EQ(f.from.address, "it@contoso.example");
  const auto text = build_mime_message(f);
  EXPECT_NE(text.find("From: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(text.find("?= <it@contoso.example>\r\n"), std::string::npos);
}

TEST(MimeMessage, ParsesConfiguredMailboxes) {
  EXPECT_EQ(parse_mailbox("noreply@x.example").address, "noreply@x.example");
  EXPECT_EQ(parse_mailbox("noreply@x.example").display_name, "");
  const auto quoted = parse_mailbox("\"IT, Contoso\" <it@x.example>");
  EXPECT_EQ(quoted.display_name, "IT, Contoso");
  EXPECT_EQ(quoted.address, "it@x.example");
}

TEST(QuotedPrintable, EncodesNonAsciiEqualsAndTrailingBlanks) {
  EXPECT_EQ(quoted_printable("Grüße = 1 "), "Gr=C3=BC=C3=9Fe =3D 1=20");
  EXPECT_EQ(quoted_printable("a\t\nb"), "a=09\r\nb");
  EXPECT_EQ(quoted_printable(".\n.x"), "=2E\r\n=2Ex");
}

TEST(QuotedPrintable, LongLinesGetSoftBreaksOfAtMost76Characters) {
  const std::string line = std::string(200, 'a') + "é" + std::string(200, 'b');
  const auto encoded = quoted_printable(line);
  const auto lines = lines_of(encoded);
  ASSERT_GT(lines.size(), 5u);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_LE(lines[i].size(), 76u) << lines[i];
    if (i + 1 < lines.size()) {
      EXPECT_TRUE(lines[i].ends_with("=")) << lines[i];
    }
  }
  EXPECT_EQ(decode_quoted_printable(encoded), line);
}

TEST(QuotedPrintable, RoundTripsText) {
  const std::string text = "Hej Åse,\n\nKoden er 12345678.\n. \nfin = slut\t\n";
  std::string expected;  // the same text with CRLF line ends
  for (char c : text) expected += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(decode_quoted_printable(quoted_printable(text)), expected);
}

TEST(QuotedPrintable, SoftBreaksNeverSplitAnEscape) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "æ";
  for (const auto& line : lines_of(quoted_printable(text))) {
    EXPECT_LE(line.size(), 76u);
    const auto body = line.ends_with("=") ? line.substr(0, line.size() - 1) : line;
    EXPECT_EQ(body.size() % 3, 0u) << line;  // whole "=XX" escapes only
  }
}

TEST(Rfc5322Date, IsEnglishAndUtc) {
  EXPECT_EQ(rfc5322_date(testing::fixed_time()), "Mon, 23 Nov 2026 14:05:09 +0000");
  EXPECT_EQ(rfc5322_date(std::chrono::system_clock::time_point(std::chrono::seconds(0))),
            "Thu, 01 Jan 1970 00:00:00 +0000");
}

}  // namespace
}  // namespace sspr::notify
