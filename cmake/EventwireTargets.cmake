# Helpers that give every eventwire target the same flags, layout and test registration.

set(EVENTWIRE_ROOT "${CMAKE_CURRENT_LIST_DIR}/..")

add_library(eventwire_flags INTERFACE)
target_compile_options(eventwire_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Werror)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # g++ 12 reports -Wrestrict falsely inside libstdc++'s std::string at -O3 (GCC bug 105329).
  target_compile_options(eventwire_flags INTERFACE -Wno-restrict)
endif()
target_compile_definitions(eventwire_flags INTERFACE BOOST_ALL_NO_LIB BOOST_ASIO_NO_DEPRECATED)

if(EVENTWIRE_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    # clang-14's UBSan cannot generate code for coroutines with -fsanitize=function.
    list(APPEND _san -fno-sanitize=function)
  endif()
  add_compile_options(${_san})
  add_link_options(${_san})
endif()

if(EVENTWIRE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "EVENTWIRE_FUZZ needs clang (libFuzzer): configure with CMAKE_CXX_COMPILER=clang++-14")
  endif()
endif()

# Coverage for libFuzzer only where the fuzzers look: the codecs and the harnesses.
function(eventwire_fuzz_coverage target)
  if(EVENTWIRE_FUZZ)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()

# eventwire_codec(NAME n SOURCES ... [DEPENDS ...]): a pure codec library under codecs/<n>,
# headers in codecs/<n>/include/eventwire/<n>/. Codecs link no Asio and no sockets.
function(eventwire_codec)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;DEPENDS" ${ARGN})
  set(target eventwire_codec_${ARG_NAME})
  add_library(${target} STATIC ${ARG_SOURCES})
  add_library(eventwire::codec_${ARG_NAME} ALIAS ${target})
  target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include> $<INSTALL_INTERFACE:include>)
  set_target_properties(${target} PROPERTIES EXPORT_NAME codec_${ARG_NAME})
  target_link_libraries(${target} PUBLIC ${ARG_DEPENDS} PRIVATE eventwire_flags)
  eventwire_fuzz_coverage(${target})
endfunction()

# The test programs' own code (not the libraries they test) may be built with other optimization
# flags, e.g. -O0 in the sanitizer build: their coroutine-heavy test bodies are most of the build
# time and little of the run time.
set(EVENTWIRE_TEST_OPTIMIZATION "" CACHE STRING "Optimization flags for the test programs' own sources (empty: the build type's)")

# eventwire_test(NAME n SOURCES ... LIBS ...): a Boost.Test program registered with ctest.
function(eventwire_test)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;LIBS" ${ARGN})
  set(target test_${ARG_NAME})
  add_executable(${target} ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE eventwire_test_support ${ARG_LIBS} eventwire_flags)
  if(EVENTWIRE_TEST_OPTIMIZATION)
    separate_arguments(_opt UNIX_COMMAND "${EVENTWIRE_TEST_OPTIMIZATION}")
    target_compile_options(${target} PRIVATE ${_opt})
  endif()
  add_test(NAME ${ARG_NAME} COMMAND ${target} --log_level=warning)
  set_tests_properties(${ARG_NAME} PROPERTIES LABELS unit TIMEOUT 300)
endfunction()

# eventwire_fuzzer(NAME n SOURCE f LIBS ...): a libFuzzer harness. In a fuzz build it links
# libFuzzer; in every other build it links a replay driver, so the harness never rots. Either
# way ctest replays fuzz/corpus/<n> and fuzz/regressions/<n>.
function(eventwire_fuzzer)
  cmake_parse_arguments(ARG "" "NAME;SOURCE" "LIBS" ${ARGN})
  set(target fuzz_${ARG_NAME})
  add_executable(${target} ${ARG_SOURCE})
  target_link_libraries(${target} PRIVATE ${ARG_LIBS} eventwire_flags)
  eventwire_fuzz_coverage(${target})
  if(EVENTWIRE_FUZZ)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
    set(replay_args -runs=0)
  else()
    target_sources(${target} PRIVATE ${EVENTWIRE_ROOT}/fuzz/support/replay_main.cpp)
    set(replay_args)
  endif()
  set(corpus ${EVENTWIRE_ROOT}/fuzz/corpus/${ARG_NAME})
  set(regressions ${EVENTWIRE_ROOT}/fuzz/regressions/${ARG_NAME})
  file(MAKE_DIRECTORY ${corpus} ${regressions})
  add_test(NAME fuzz_replay_${ARG_NAME} COMMAND ${target} ${replay_args} ${corpus} ${regressions})
  set_tests_properties(fuzz_replay_${ARG_NAME} PROPERTIES LABELS fuzz TIMEOUT 300)
endfunction()

# eventwire_bench(NAME n SOURCES ... LIBS ...): a Google Benchmark program. ctest runs it once
# for a moment so that its output check (done before any timing) runs in every build.
function(eventwire_bench)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;LIBS" ${ARGN})
  set(target bench_${ARG_NAME})
  add_executable(${target} ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE ${ARG_LIBS} benchmark::benchmark eventwire_flags)
  add_test(NAME bench_smoke_${ARG_NAME} COMMAND ${target} --benchmark_min_time=0.001)
  set_tests_properties(bench_smoke_${ARG_NAME} PROPERTIES LABELS bench TIMEOUT 300)
endfunction()
