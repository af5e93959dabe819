#include "archive/batch_ingest.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>

#include "core/sha256.h"

namespace notice::archive {
namespace {

namespace fs = std::filesystem;

// What a parser thread hands the writer for one file.
struct Parsed {
  std::string file;
  std::string bytes;
  std::optional<Notice> record;  // none: already stored (duplicate) or failed
  bool already_stored = false;
  std::string failure;
};

Result<std::string> readFile(const std::string& path) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return Error{ErrorCode::kIoError, "cannot read (" + ec.message() + ")"};
  if (size > kMaxInputBytes) return Error{ErrorCode::kTooLarge, "more than " + std::to_string(kMaxInputBytes >> 20) + " MiB: too large for a notice"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::kIoError, "cannot open (no permission?)"};
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<size_t>(in.gcount()) != size) return Error{ErrorCode::kIoError, "read error (the file changed while being read?)"};
  return bytes;
}

Parsed parseOne(const Engine& engine, const std::string& file, const std::unordered_set<std::string>& stored,
                const BatchOptions& options) {
  Parsed p{file, {}, std::nullopt, false, {}};
  auto bytes = readFile(file);
  if (!bytes.ok()) {
    p.failure = bytes.error().message;
    return p;
  }
  p.bytes = std::move(bytes).value();
  if (stored.count(sha256Hex(p.bytes))) {
    p.already_stored = true;
    p.bytes.clear();
    return p;
  }
  auto json = options.parser ? options.parser(p.bytes, file, options.parse) : engine.parseBytes(p.bytes, file, options.parse);
  if (!json.ok()) {
    p.failure = json.error().message;
    return p;
  }
  auto record = noticeFromJson(json.value());
  if (!record.ok()) {
    p.failure = record.error().message;
    return p;
  }
  p.record = std::move(record).value();
  return p;
}

}  // namespace

std::vector<std::string> expandPaths(const std::vector<std::string>& paths, const std::vector<std::string>& skip,
                                     std::vector<FileFailure>* failures) {
  std::vector<fs::path> skipped;
  for (const auto& s : skip) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(s, ec);
    if (!ec) skipped.push_back(canonical);
  }
  auto isSkipped = [&](const fs::path& p) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(p, ec);
    return !ec && std::find(skipped.begin(), skipped.end(), canonical) != skipped.end();
  };
  std::vector<std::string> out;
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.filename().string().rfind('.', 0) == 0) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && !isSkipped(p)) found.push_back(p.string());
      }
      if (ec) failures->push_back({path, "cannot list the folder (" + ec.message() + ")"});
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(path, ec)) {
      out.push_back(path);
    } else {
      failures->push_back({path, "no such file or folder"});
    }
  }
  return out;
}

BatchSummary ingestFiles(Archive& archive, const Engine& engine, const std::vector<std::string>& files,
                         const BatchOptions& options) {
  BatchSummary summary;
  auto start = std::chrono::steady_clock::now();
  auto stored = archive.storedHashes();
  if (!stored.ok()) {
    for (const auto& f : files) summary.failed.push_back({f, stored.error().message});
    return summary;
  }
  const std::unordered_set<std::string>& known = stored.value();

  // Parsers take files by index and queue what they parsed; the queue is bounded so that memory
  // stays flat however long the batch.
  std::atomic<size_t> next{0};
  std::mutex mutex;
  std::condition_variable ready, room;
  std::deque<Parsed> queue;
  const size_t capacity = 2 * std::max(1u, options.jobs);
  std::atomic<bool> stop{false};
  auto parser = [&] {
    while (!stop) {
      size_t i = next++;
      if (i >= files.size()) break;
      Parsed p = parseOne(engine, files[i], known, options);
      std::unique_lock lock(mutex);
      room.wait(lock, [&] { return queue.size() < capacity || stop; });
      queue.push_back(std::move(p));
      ready.notify_one();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < std::max(1u, options.jobs); ++t) threads.emplace_back(parser);

  for (size_t done = 0; done < files.size(); ++done) {
    Parsed p;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return !queue.empty(); });
      p = std::move(queue.front());
      queue.pop_front();
      room.notify_one();
    }
    if (p.already_stored) {
      ++summary.duplicates;
    } else if (!p.record) {
      summary.failed.push_back({p.file, p.failure});
    } else {
      auto result = archive.ingest(p.file, p.bytes, *p.record);
      if (!result.ok()) {
        summary.failed.push_back({p.file, result.error().message});
      } else {
        switch (result.value().outcome) {
          case Ingested::Outcome::kAdded: ++summary.ingested; break;
          case Ingested::Outcome::kNewVersion: ++summary.versions; break;
          case Ingested::Outcome::kDuplicate: ++summary.duplicates; break;
        }
      }
    }
    if (options.progress) {
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      options.progress({done + 1, files.size(), seconds, p.file});
    }
  }
  stop = true;
  room.notify_all();
  for (auto& t : threads) t.join();
  return summary;
}

}  // namespace notice::archive
