# SSPR_SANITIZE=ON: AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer on every
# target, for `make test-sanitize` (docs/TESTING.md). Any report aborts the process
# (-fno-sanitize-recover=all), -O1 keeps the build and the test run fast enough for CI, -g1 gives
# file:line in the stack traces, and frame pointers make the unwinder's traces complete.
option(SSPR_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(SSPR_SANITIZE)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    message(FATAL_ERROR "SSPR_SANITIZE is set up for GCC (the project's compiler)")
  endif()
  set(SSPR_SANITIZE_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all
                          -fno-omit-frame-pointer)
  # After the build type's flags on the command line, so these optimisation and debug levels win.
  add_compile_options(${SSPR_SANITIZE_FLAGS} -O1 -g1)
  # The runtimes linked statically: with GCC's two shared runtimes (libasan, libubsan) UBSan
  # ignores log_path and reports only on stderr, where a test's server process may hide it.
  add_link_options(${SSPR_SANITIZE_FLAGS} -static-libasan -static-libubsan)
  # List each test binary's tests when ctest runs (under the sanitizer options and suppressions
  # that scripts/run-sanitized-tests.sh sets), not as a build step without them.
  set(CMAKE_GTEST_DISCOVER_TESTS_DISCOVERY_MODE PRE_TEST)
endif()
