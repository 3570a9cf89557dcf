"""The server process of a test directory (slapd_server.py, samba_ad.py): started in the
foreground with its output in a log file, waited for until it answers, stopped with SIGTERM
(SIGKILL after a grace period)."""

import signal
import subprocess
import time


class DirectoryProcess:
    def __init__(self, name, args, log_path):
        self.name = name
        self.log_path = log_path
        self._log = open(log_path, "w")
        self.process = subprocess.Popen(args, stdout=self._log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)

    def output(self):
        return self.log_path.read_text(errors="replace")

    def wait_until(self, ready, seconds, what):
        """Polls `ready()` until it is true; fails with the log when the process exits first or
        `seconds` pass."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"{self.name} exited:\n{self.output()}")
            if ready():
                return
            time.sleep(0.1)
        raise AssertionError(f"{self.name} did not {what} within {seconds} s:\n{self.output()}")

    def stop(self, grace_seconds=10):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=grace_seconds)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
