#!/usr/bin/env python3
"""Writes COUNT random lines in the Pwned Passwords SHA-1 format ("HEX40:COUNT\\r\\n") to PATH.

Random 160-bit values stand in for SHA-1 digests (they are indistinguishable for the filter).
Usage: bench/generate_pwned_text.py COUNT PATH   (100 million lines: ~4.6 GB, ~1 minute)
"""
import os
import sys

CHUNK = 1_000_000


def main() -> None:
    count, path = int(sys.argv[1]), sys.argv[2]
    with open(path, "wb", buffering=16 << 20) as out:
        written = 0
        while written < count:
            lines = min(CHUNK, count - written)
            digits = os.urandom(20 * lines).hex().upper().encode()
            out.write(b"".join(digits[i:i + 40] + b":1\r\n" for i in range(0, 40 * lines, 40)))
            written += lines


if __name__ == "__main__":
    main()
