#include "isolate/isolated_parser.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>


#include "extract/pdf_source.h"
#include "isolate/fd_io.h"

namespace notice::isolate {
namespace {

using nlohmann::json;

std::string cbor(const json& value) {
  auto bytes = json::to_cbor(value);
  return std::string(bytes.begin(), bytes.end());
}

json errorReply(const Error& e) { return {{"ok", false}, {"code", static_cast<int>(e.code)}, {"message", e.message}}; }

// A request on its socket: two lengths, the options as CBOR, then the input's bytes.
struct Request {
  std::string name;
  ParseOptions options;
  std::string bytes;
};

bool readRequest(int fd, Request* r) {
  std::uint64_t sizes[2];
  if (!readExactly(fd, reinterpret_cast<char*>(sizes), sizeof sizes)) return false;
  std::string meta(sizes[0], '\0');
  r->bytes.resize(sizes[1]);
  if (!readExactly(fd, meta.data(), meta.size()) || !readExactly(fd, r->bytes.data(), r->bytes.size())) return false;
  json m = json::from_cbor(meta, true, false);
  if (m.is_discarded()) return false;
  r->name = m.value("name", "");
  r->options.password = m.value("password", "");
  r->options.ocr = static_cast<OcrMode>(m.value("ocr", 0));
  r->options.ocr_jobs = m.value("ocr_jobs", 0);
  return true;
}

// A PDF's deadline grows with its pages, which only poppler can count (object streams hide the
// page dictionaries from a byte search); loading the document is quick, reading its pages is not.
void allowTimeForPages(const Request& r, const Limits& limits) {
  if (!looksLikePdf(r.bytes)) return;
  const int pages = pdfPageCount(r.bytes, r.options.password);
  if (pages > 1) allowMoreTime(limits.seconds_per_page * (pages - 1));
}

// One request, in a process of its own forked by the server: the worker parses under the limits,
// this process waits for it and answers on the request's socket.
[[noreturn]] void serveOne(int fd, const Engine& engine, const Limits& limits) {
  Request request;
  if (!readRequest(fd, &request)) ::_exit(1);
  auto reply = runInChild(
      [&] {
        allowTimeForPages(request, limits);
        StageTimings t;
        auto record = engine.parseBytes(request.bytes, request.name, request.options, &t);
        if (!record.ok()) return cbor(errorReply(record.error()));
        return cbor({{"ok", true},
                     {"record", std::move(record).value()},
                     {"timings", {t.extract_ms, t.normalize_ms, t.segment_ms, t.fields_ms}}});
      },
      limits);
  const std::string& answer = reply.ok() ? reply.value() : cbor(errorReply(reply.error()));
  ::_exit(sendAll(fd, answer.data(), answer.size()) ? 0 : 1);
}

// Parsed once by the server before it serves: what every parse sets up lazily on first use (ICU's
// data, the rules' compiled automata, poppler's globals, fontconfig) is then set up once and
// shared with each child, instead of redone in each (about 40 ms a file, measured with
// bench/isolate_bench). A short notice as text, and a one-page PDF with one line in a base font.
void warmUp(const Engine& engine) {
  static const char* const kText =
      "某省教育厅关于举办2026年职业教育活动周的通知\n某教职成函〔2026〕1号\n各市教育局：\n"
      "　　现将有关事项通知如下。\n一、时间\n　　2026年5月10日至16日。\n二、要求\n"
      "　　请于5月20日前报送工作总结。\n　　联系人：张三，电话：0351-1234567，邮箱：a@example.cn\n"
      "附件：活动安排表\n某省教育厅\n2026年5月9日\n";
  engine.parseBytes(kText, "warm-up.txt", {});
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length 44 >>\nstream\nBT /F1 16 Tf 72 720 Td (Notice 2026) Tj ET\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string pdf = "%PDF-1.4\n", xref;
  for (size_t i = 0; i < objects.size(); ++i) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", pdf.size());
    xref += entry;
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::string start = std::to_string(pdf.size());
  pdf += "xref\n0 6\n0000000000 65535 f \n" + xref + "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + start + "\n%%EOF\n";
  engine.parseBytes(pdf, "warm-up.pdf", {});
}

[[noreturn]] void serverMain(int control, const Engine& engine, const Limits& limits) {
  // The server ends when the control socket does: when the IsolatedParser is destroyed, or its
  // process dies and the kernel closes the socket. (Not PR_SET_PDEATHSIG: that fires when the
  // *thread* that forked the server ends, and a batch's caller may be any thread.)
  // Ctrl-C reaches the whole process group: the caller decides whether the batch stops (and the
  // server goes with it), a file being parsed must not fail for it.
  ::signal(SIGINT, SIG_IGN);
  ::signal(SIGCHLD, SIG_IGN);  // request processes are reaped by the kernel
  int null = ::open("/dev/null", O_RDWR);
  if (null >= 0) {
    ::dup2(null, STDIN_FILENO);
    ::dup2(null, STDOUT_FILENO);
    ::close(null);
  }
  warmUp(engine);
  for (;;) {
    char byte;
    iovec iov{&byte, 1};
    alignas(cmsghdr) char space[CMSG_SPACE(sizeof(int))];
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = space;
    msg.msg_controllen = sizeof space;
    ssize_t n = ::recvmsg(control, &msg, MSG_CMSG_CLOEXEC);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the caller closed its end: no more requests
    cmsghdr* c = CMSG_FIRSTHDR(&msg);
    if (!c || c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    int fd;
    std::memcpy(&fd, CMSG_DATA(c), sizeof fd);
    const pid_t server = ::getpid();
    pid_t pid = ::fork();
    if (pid == 0) {
      ::close(control);
      ::signal(SIGCHLD, SIG_DFL);  // runInChild waits for its worker
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != server) ::_exit(1);
      serveOne(fd, engine, limits);
    }
    ::close(fd);  // a failed fork closes the request: the caller gets no answer and says so
  }
  ::_exit(0);
}

}  // namespace

Result<std::unique_ptr<IsolatedParser>> IsolatedParser::start(const Engine& engine, const Limits& limits) {
  auto server = forkConnected(SOCK_SEQPACKET, "the parse server", [&](int fd) { serverMain(fd, engine, limits); });
  if (!server.ok()) return server.error();
  return std::unique_ptr<IsolatedParser>(new IsolatedParser(server.value().fd, server.value().pid, limits));
}

IsolatedParser::~IsolatedParser() {
  ::close(control_);
  int status;
  while (::waitpid(server_, &status, 0) < 0 && errno == EINTR) {}
}

Result<json> IsolatedParser::parseBytes(std::string_view bytes, const std::string& display_name,
                                        const ParseOptions& options, StageTimings* timings) const {
  int sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
    return Error{ErrorCode::kIoError, std::string("cannot make a socket to the parse server: ") + std::strerror(errno)};
  }
  bool sent;
  {
    char byte = 'r';
    iovec iov{&byte, 1};
    alignas(cmsghdr) char space[CMSG_SPACE(sizeof(int))] = {};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = space;
    msg.msg_controllen = sizeof space;
    cmsghdr* c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(c), &sv[1], sizeof(int));
    std::lock_guard lock(send_);
    sent = ::sendmsg(control_, &msg, MSG_NOSIGNAL) == 1;
  }
  ::close(sv[1]);
  if (!sent) {
    ::close(sv[0]);
    return Error{ErrorCode::kCrashed, "the parse server has stopped"};
  }
  const std::string meta = cbor({{"name", display_name},
                                 {"password", options.password},
                                 {"ocr", static_cast<int>(options.ocr)},
                                 {"ocr_jobs", options.ocr_jobs}});
  const std::uint64_t sizes[2] = {meta.size(), bytes.size()};
  // A request not taken whole (the server gone) still ends in reading what came back: nothing.
  sendAll(sv[0], reinterpret_cast<const char*>(sizes), sizeof sizes) && sendAll(sv[0], meta.data(), meta.size()) &&
      sendAll(sv[0], bytes.data(), bytes.size());
  std::string answer = readToEnd(sv[0]);
  ::close(sv[0]);
  json reply = json::from_cbor(answer, true, false);
  if (reply.is_discarded() || !reply.is_object() || !reply.contains("ok")) {
    return Error{ErrorCode::kCrashed, "the child process reading this file ended without an answer"};
  }
  if (!reply["ok"].get<bool>()) {
    return Error{static_cast<ErrorCode>(reply.value("code", static_cast<int>(ErrorCode::kCrashed))), reply.value("message", "")};
  }
  if (timings && reply.contains("timings") && reply["timings"].size() == 4) {
    const json& t = reply["timings"];
    *timings = StageTimings{t[0].get<double>(), t[1].get<double>(), t[2].get<double>(), t[3].get<double>()};
  }
  return std::move(reply["record"]);
}

}  // namespace notice::isolate
