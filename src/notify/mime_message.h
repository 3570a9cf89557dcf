#pragma once
// The RFC 5322 text of a plain-text email, ready for SMTP DATA (CRLF line ends):
//   Date, From, To, Subject, Message-ID, Auto-Submitted, MIME-Version, Content-Type: text/plain;
//   charset=utf-8, Content-Transfer-Encoding: quoted-printable, blank line, body.
// Non-ASCII header text (subject, sender name) becomes RFC 2047 encoded words
// (=?UTF-8?B?...?=). CR and LF inside header values are replaced by spaces, so no value can
// add a header. Pure functions: no I/O, the date and the Message-ID are inputs.

#include <chrono>
#include <string>
#include <string_view>

namespace sspr::notify {

// A mailbox as configured: "name@example.com" or "Display Name <name@example.com>".
struct Mailbox {
  std::string display_name;  // may be empty
  std::string address;       // "name@example.com"
};
Mailbox parse_mailbox(std::string_view text);

struct MimeFields {
  Mailbox from;
  std::string to;  // one address
  std::string subject;
  std::string body;  // UTF-8 text, lines separated by \n or \r\n
  std::chrono::system_clock::time_point date;
  std::string message_id;  // "<unique@domain>"
};

std::string build_mime_message(const MimeFields& fields);

// "Mon, 23 Nov 2026 17:03:21 +0000" (RFC 5322 date-time, always UTC).
std::string rfc5322_date(std::chrono::system_clock::time_point time);

// `text` as is when it is printable ASCII, else as encoded words of at most 75 characters
// each, split between UTF-8 characters and joined by folding whitespace ("\r\n ").
std::string encode_header_text(std::string_view text);

// RFC 2045 quoted-printable with CRLF line ends and lines of at most 76 characters.
std::string quoted_printable(std::string_view text);

}  // namespace sspr::notify
