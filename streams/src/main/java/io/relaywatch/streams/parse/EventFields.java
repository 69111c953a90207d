package io.relaywatch.streams.parse;

import io.relaywatch.events.EventType;
import io.relaywatch.events.IpAddresses;
import io.relaywatch.events.MailEvent;
import java.util.Locale;

/** Filling the event fields that every MTA's parser fills the same way. */
final class EventFields {
  private EventFields() {}

  /** A builder with what the header and the program name say. */
  static MailEvent.Builder base(
      EventType type, LineHeader header, ProgramName program, String raw) {
    return MailEvent.builder(type)
        .timestamp(header.timestamp())
        .host(header.host())
        .program(header.program())
        .pid(header.pid())
        .mta(program.mta())
        .instance(program.instance())
        .service(program.service())
        .raw(raw);
  }

  /**
   * Sets the client from captures named {@code clientHost}, {@code clientIp}, {@code clientPort}.
   */
  static MailEvent.Builder client(MailEvent.Builder b, CompiledPattern.Captures m) {
    return client(b, m.get("clientHost"), m.get("clientIp"), m.getInt("clientPort"));
  }

  /** Sets the client from captured texts (null when not captured). */
  static MailEvent.Builder client(MailEvent.Builder b, String host, String ip, Integer port) {
    return b.clientHost(emptyToNull(host))
        .clientIp(IpAddresses.canonical(ip))
        .clientPort(port(port));
  }

  static MailEvent.Builder recipient(MailEvent.Builder b, String recipient) {
    return b.recipient(recipient).recipientDomain(domainOf(recipient));
  }

  /** The lower-cased domain of an address, or null when it has none. */
  static String domainOf(String address) {
    if (address == null) {
      return null;
    }
    int at = address.lastIndexOf('@');
    if (at < 0 || at == address.length() - 1) {
      return null;
    }
    return address.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static Integer port(Integer port) {
    return port != null && port > 0 && port <= 65535 ? port : null;
  }
}
