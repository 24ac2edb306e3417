// SPDX-License-Identifier: Apache-2.0
// Dataset records: the bytes are a dataset file (JSONL, a JSON array or CSV, as sniffed) loaded leniently
// and strictly. Any outcome is fine except a crash, a hang or an exception.
#include "core/dataset/loader.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::string path = [] {
        std::string name = "/tmp/wb-fuzz-dataset-XXXXXX";
        const int fd = ::mkstemp(name.data());
        if (fd < 0)
            std::abort();
        ::close(fd);
        return name;
    }();
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file)
        std::abort();
    if (size > 0)
        std::fwrite(data, 1, size, file);
    std::fclose(file);
    for (const bool strict : { false, true }) {
        wb::dataset::LoadOptions options;
        options.strict = strict;
        (void)wb::dataset::loadDataset(path, options);
    }
    return 0;
}
