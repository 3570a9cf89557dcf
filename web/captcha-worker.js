// Solves one proof-of-work CAPTCHA challenge (CONTRACT.md) off the page's main thread: finds
// the integer n in 0..maxnumber with SHA-256(salt + n) == challenge, posting progress now and
// then. Message in: the challenge object of GET /api/v1/captcha. Messages out:
//   {type: "progress", tried, maxnumber}   about every 1000 numbers
//   {type: "solved", number}               the answer
//   {type: "failed", reason}               no answer up to maxnumber, or no Web Crypto
"use strict";

const encoder = new TextEncoder();

function toHex(buffer) {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function solve(challenge) {
  if (!self.crypto || !self.crypto.subtle) throw new Error("Web Crypto is not available");
  const target = String(challenge.challenge).toLowerCase();
  const salt = String(challenge.salt);
  const maxnumber = Number(challenge.maxnumber);
  for (let number = 0; number <= maxnumber; number += 1) {
    const digest = await self.crypto.subtle.digest("SHA-256", encoder.encode(salt + number));
    if (toHex(digest) === target) return number;
    if (number % 1000 === 0) self.postMessage({ type: "progress", tried: number, maxnumber });
  }
  return null;
}

self.onmessage = (event) => {
  solve(event.data)
    .then((number) =>
      self.postMessage(
        number === null
          ? { type: "failed", reason: "no solution up to maxnumber" }
          : { type: "solved", number },
      ),
    )
    .catch((error) => self.postMessage({ type: "failed", reason: String(error) }));
};
