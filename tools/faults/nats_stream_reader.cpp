#include "nats_stream_reader.hpp"

#include <nats/nats.h>

namespace eventwire::faults {

nats_stream_reader::~nats_stream_reader() { disconnect(); }

bool nats_stream_reader::connect() {
  if (js_) return true;
  natsOptions* options = nullptr;
  if (natsOptions_Create(&options) != NATS_OK) return false;
  natsOptions_SetURL(options, url_.c_str());
  natsOptions_SetTimeout(options, 500);
  natsOptions_SetAllowReconnect(options, false);
  const bool ok = natsConnection_Connect(&connection_, options) == NATS_OK &&
                  natsConnection_JetStream(&js_, connection_, nullptr) == NATS_OK;
  natsOptions_Destroy(options);
  if (!ok) disconnect();
  return ok;
}

void nats_stream_reader::disconnect() {
  if (js_) jsCtx_Destroy(js_);
  if (connection_) natsConnection_Destroy(connection_);
  js_ = nullptr;
  connection_ = nullptr;
}

std::size_t nats_stream_reader::poll(delivery_log& log) {
  if (!connect()) return 0;
  jsStreamInfo* info = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  if (js_GetStreamInfo(&info, js_, stream_.c_str(), nullptr, &code) != NATS_OK) {
    if (code == 0) disconnect();  // not "no such stream": the server is away
    return 0;
  }
  const std::uint64_t last = info->State.LastSeq;
  jsStreamInfo_Destroy(info);
  std::size_t taken = 0;
  const auto now = delivery_log::clock::now();
  while (next_sequence_ <= last) {
    natsMsg* message = nullptr;
    if (js_GetMsg(&message, js_, stream_.c_str(), next_sequence_, nullptr, &code) != NATS_OK) {
      if (code == 0) disconnect();
      break;  // a gap (a deleted message) or the server gone: try again next time
    }
    log.take(std::string_view(natsMsg_GetData(message), static_cast<std::size_t>(natsMsg_GetDataLength(message))), now);
    natsMsg_Destroy(message);
    ++next_sequence_;
    ++taken;
  }
  return taken;
}

}  // namespace eventwire::faults
