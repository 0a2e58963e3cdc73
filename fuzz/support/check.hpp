#pragma once

// A fuzz harness's assertion: prints what failed and aborts, in every build mode.

#include <cstdio>
#include <cstdlib>

#define EVENTWIRE_FUZZ_CHECK(cond)                                                       \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (false)
