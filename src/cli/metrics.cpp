#include "metrics.hpp"

#include <cstdio>

namespace eventwire::cli {

namespace {

// A label value with \, " and newline escaped as the format requires.
std::string label(std::string_view value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

void family(std::string& out, const char* name, const char* type, const char* help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += help;
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

void sample(std::string& out, const char* name, const std::string& labels, double value) {
  char number[64];
  std::snprintf(number, sizeof number, "%.17g", value);
  out += name;
  if (!labels.empty()) out += "{" + labels + "}";
  out += ' ';
  out += number;
  out += '\n';
}

}  // namespace

metrics::metrics(std::vector<const source::source*> sources, const sink::pipeline& pipeline)
    : sources_(std::move(sources)),
      pipeline_(pipeline),
      seen_events_(sources_.size(), 0),
      last_event_(sources_.size()),
      disconnections_(sources_) {}

void metrics::observe(std::chrono::steady_clock::time_point now) {
  disconnections_.observe(now);
  for (std::size_t i = 0; i < sources_.size(); ++i) {
    const auto events = sources_[i]->statistics().events;
    if (events != seen_events_[i]) {
      seen_events_[i] = events;
      last_event_[i] = now;
    }
  }
}

std::string metrics::render(std::chrono::steady_clock::time_point now) const {
  std::string out;
  struct counter {
    const char* name;
    const char* type;
    const char* help;
    std::uint64_t source::source_statistics::*field;
  };
  static constexpr counter per_source[] = {
      {"eventwire_source_events_total", "counter", "Normalized events published by the source.",
       &source::source_statistics::events},
      {"eventwire_source_connects_total", "counter", "Successful connects (polls for pull sources).",
       &source::source_statistics::connects},
      {"eventwire_source_reconnects_total", "counter", "Connections lost and restored.",
       &source::source_statistics::reconnects},
      {"eventwire_source_errors_total", "counter", "Failures seen by the source (each logged).",
       &source::source_statistics::errors},
  };
  for (const auto& c : per_source) {
    family(out, c.name, c.type, c.help);
    for (const auto* s : sources_)
      sample(out, c.name, "source=\"" + label(s->name()) + "\"", static_cast<double>(s->statistics().*c.field));
  }
  family(out, "eventwire_source_connected", "gauge", "1 while the source is connected.");
  for (const auto* s : sources_)
    sample(out, "eventwire_source_connected", "source=\"" + label(s->name()) + "\"", s->statistics().connected ? 1 : 0);
  family(out, "eventwire_source_disconnected_seconds_total", "counter",
         "Seconds the source spent disconnected after its first connection (the current interval included).");
  for (std::size_t i = 0; i < sources_.size(); ++i)
    sample(out, "eventwire_source_disconnected_seconds_total", "source=\"" + label(sources_[i]->name()) + "\"",
           disconnections_.total_seconds(i, now));
  family(out, "eventwire_source_last_disconnected_seconds", "gauge",
         "Length of the source's last ended disconnected interval (0 before the first).");
  for (std::size_t i = 0; i < sources_.size(); ++i)
    sample(out, "eventwire_source_last_disconnected_seconds", "source=\"" + label(sources_[i]->name()) + "\"",
           disconnections_.last_seconds(i));
  family(out, "eventwire_source_last_event_age_seconds", "gauge",
         "Seconds since the source last published an event (absent before its first).");
  for (std::size_t i = 0; i < sources_.size(); ++i) {
    if (last_event_[i] == std::chrono::steady_clock::time_point{}) continue;
    sample(out, "eventwire_source_last_event_age_seconds", "source=\"" + label(sources_[i]->name()) + "\"",
           std::chrono::duration<double>(now - last_event_[i]).count());
  }
  family(out, "eventwire_source_event_bytes_total", "counter",
         "Bytes of normalized events (CloudEvents lines) the source published.");
  for (const auto* s : sources_)
    sample(out, "eventwire_source_event_bytes_total", "source=\"" + label(s->name()) + "\"",
           static_cast<double>(pipeline_.per_source(s->name()).bytes));
  family(out, "eventwire_source_events_delivered_total", "counter",
         "Events of the source every sink acknowledged.");
  for (const auto* s : sources_)
    sample(out, "eventwire_source_events_delivered_total", "source=\"" + label(s->name()) + "\"",
           static_cast<double>(pipeline_.per_source(s->name()).acknowledged_events));
  const auto& sinks = pipeline_.per_sink();
  const auto sink_label = [&](std::size_t i) {
    return "sink=\"" + label(sinks[i].name) + "\",index=\"" + std::to_string(i) + "\"";
  };
  family(out, "eventwire_sink_events_acknowledged_total", "counter", "Events the sink acknowledged.");
  for (std::size_t i = 0; i < sinks.size(); ++i)
    sample(out, "eventwire_sink_events_acknowledged_total", sink_label(i), static_cast<double>(sinks[i].events));
  family(out, "eventwire_sink_batches_acknowledged_total", "counter", "Batches the sink acknowledged.");
  for (std::size_t i = 0; i < sinks.size(); ++i)
    sample(out, "eventwire_sink_batches_acknowledged_total", sink_label(i), static_cast<double>(sinks[i].batches));
  family(out, "eventwire_sink_errors_total", "counter", "Failed writes of the sink (each retried).");
  for (std::size_t i = 0; i < sinks.size(); ++i)
    sample(out, "eventwire_sink_errors_total", sink_label(i), static_cast<double>(sinks[i].failures));
  const auto& p = pipeline_.statistics();
  family(out, "eventwire_events_delivered_total", "counter", "Events every sink acknowledged.");
  sample(out, "eventwire_events_delivered_total", "", static_cast<double>(p.events));
  family(out, "eventwire_queue_bytes", "gauge", "Bytes of events waiting for the sinks.");
  sample(out, "eventwire_queue_bytes", "", static_cast<double>(p.queued_bytes));
  family(out, "eventwire_queue_batches", "gauge", "Batches of events waiting for the sinks.");
  sample(out, "eventwire_queue_batches", "", static_cast<double>(p.queued_batches));
  return out;
}

}  // namespace eventwire::cli
