// SPDX-License-Identifier: Apache-2.0
// SHA-256 facade throughput against two baselines measured in the same run:
//  - bulk: 256 MiB hashed by wb::Sha256 vs. coreutils' sha256sum reading the same bytes from a file;
//  - short texts: 58,052 problem-sized texts (~300 bytes, as when a GSM-IC file is stored) hashed one by one vs.
//    the same bytes hashed as one buffer, which shows the per-hash overhead of the facade.
//
//   bench_sha256 [MiB]
#include "core/common/sha256.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double secondsOf(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string pseudoRandomBytes(std::size_t size)
{
    std::string data(size, '\0');
    std::uint64_t x = 0x9E3779B97F4A7C15ull;
    for (char& c : data) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        c = char(x & 0xFF);
    }
    return data;
}

/// Best of three wall times of `sha256sum FILE`; negative when sha256sum is not available.
double sha256sumSeconds(const std::string& path)
{
    double best = -1;
    const std::string command = "sha256sum '" + path + "' > /dev/null";
    for (int i = 0; i < 3; ++i) {
        const auto start = Clock::now();
        if (std::system(command.c_str()) != 0)
            return -1;
        const double s = secondsOf(start);
        best = best < 0 ? s : std::min(best, s);
    }
    return best;
}

template <typename F> double bestOfThree(F&& f)
{
    double best = 1e300;
    for (int i = 0; i < 3; ++i) {
        const auto start = Clock::now();
        f();
        best = std::min(best, secondsOf(start));
    }
    return best;
}

} // namespace

int main(int argc, char** argv)
{
    const std::size_t mib = argc > 1 ? std::size_t(std::strtoul(argv[1], nullptr, 10)) : 256;
    const std::string data = pseudoRandomBytes(mib << 20);
    const std::string path = "/tmp/wb-bench-sha256.bin";
    std::ofstream(path, std::ios::binary).write(data.data(), std::streamsize(data.size()));

    std::string digest;
    const double ours = bestOfThree([&] { digest = wb::Sha256::hex(data); });
    const double coreutils = sha256sumSeconds(path);
    std::remove(path.c_str());
    std::printf("bulk %zu MiB: wb::Sha256 %.3f s (%.0f MiB/s)", mib, ours, double(mib) / ours);
    if (coreutils > 0)
        std::printf(", sha256sum %.3f s (%.0f MiB/s, includes reading the file), ratio ours/sha256sum %.2f\n",
            coreutils, double(mib) / coreutils, ours / coreutils);
    else
        std::printf(", sha256sum not available\n");

    std::vector<std::string> texts;
    std::string joined;
    for (std::size_t i = 0; i < 58052; ++i) {
        texts.push_back(data.substr((i * 7919) % (data.size() - 400), 250 + i % 100));
        joined += texts.back();
    }
    std::size_t sink = 0;
    const double each = bestOfThree([&] {
        for (const std::string& text : texts)
            sink += std::size_t(wb::Sha256::hex(text)[0]);
    });
    const double whole = bestOfThree([&] { sink += std::size_t(wb::Sha256::hex(joined)[0]); });
    std::printf("%zu short texts (%zu bytes): one by one %.4f s (%.0f hashes/s), as one buffer %.4f s, "
                "ratio %.2f (%.2f us overhead per hash)\n",
        texts.size(), joined.size(), each, double(texts.size()) / each, whole, each / whole,
        (each - whole) / double(texts.size()) * 1e6);
    return sink == 0 ? 1 : 0;
}
