"""`sspr breached import | status`: the breached-password filter built from generated Pwned
Passwords text, in both input forms, with progress on stderr and errors naming file:line."""

import hashlib
import json
import subprocess

import sspr_harness as h


def sha1_hex(text):
    return hashlib.sha1(text.encode()).hexdigest().upper()


def run(binary, *args):
    completed = subprocess.run([str(binary), *map(str, args)], capture_output=True, text=True,
                               timeout=h.CLI_TIMEOUT_SECONDS)
    return completed.returncode, completed.stdout, completed.stderr


def test_import_file_then_status(binary, tmp_path):
    lines = [f"{sha1_hex(f'generated-{i}')}:{i + 1}" for i in range(5000)]
    lines.append(f"{sha1_hex('password')}:3861493")
    (tmp_path / "pwned.txt").write_text("\r\n".join(lines) + "\r\n")
    data = tmp_path / "data"
    code, out, err = run(binary, "--data", data, "--json", "breached", "import",
                         tmp_path / "pwned.txt")
    assert code == 0, err
    imported = json.loads(out)
    assert imported["entries"] == 5001
    assert imported["file"] == str(data / "breached.filter")
    assert imported["bytes_per_entry"] < 1.5  # 1.13 for large lists; small ones need slack
    assert "reading" in err

    code, out, err = run(binary, "--data", data, "--json", "breached", "status")
    assert code == 0, err
    status = json.loads(out)
    assert status["entries"] == 5001
    assert status["checksum"] == "ok"
    assert status["bytes"] == (data / "breached.filter").stat().st_size


def test_import_folder_of_range_files_to_explicit_output(binary, tmp_path):
    folder = tmp_path / "ranges"
    folder.mkdir()
    digests = sorted(sha1_hex(f"pw{i}") for i in range(300))
    for digest in digests:
        with open(folder / f"{digest[:5]}.txt", "a") as out:
            out.write(f"{digest[5:]}:2\r\n")
    output = tmp_path / "custom.filter"
    code, out, err = run(binary, "--json", "breached", "import", folder, "--output", output)
    assert code == 0, err
    assert json.loads(out)["entries"] == 300
    code, out, err = run(binary, "--json", "breached", "status", "--file", output)
    assert code == 0, err


def test_malformed_line_and_corrupt_filter_are_refused(binary, tmp_path):
    (tmp_path / "bad.txt").write_text(f"{sha1_hex('a')}:1\nnot a hash\n")
    code, out, err = run(binary, "breached", "import", tmp_path / "bad.txt", "--output",
                         tmp_path / "x.filter")
    assert code == 2
    assert f"{tmp_path / 'bad.txt'}:2: malformed line" in err
    assert not (tmp_path / "x.filter").exists()

    (tmp_path / "x.filter").write_bytes(b"SSPRBF8\n" + b"\0" * 100)
    code, out, err = run(binary, "breached", "status", "--file", tmp_path / "x.filter")
    assert code == 2
    assert "breached filter" in err

    code, out, err = run(binary, "--data", tmp_path / "empty", "breached", "status")
    assert code == 2
    assert "does not exist" in err
