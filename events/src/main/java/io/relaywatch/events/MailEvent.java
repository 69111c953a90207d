package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recognised mail log line: the value of {@code relaywatch.events}. Every field but {@code
 * type}, {@code timestamp} and {@code raw} may be null, and a null is written as JSON null so that
 * consumers see one stable shape. Field meanings are in docs/events.md.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "type",
  "timestamp",
  "host",
  "program",
  "pid",
  "mta",
  "instance",
  "service",
  "queueId",
  "action",
  "stage",
  "clientHost",
  "clientIp",
  "clientPort",
  "smtpCode",
  "enhancedCode",
  "reason",
  "message",
  "sender",
  "recipient",
  "recipientDomain",
  "helo",
  "proto",
  "saslMethod",
  "saslUsername",
  "commands",
  "raw"
})
public record MailEvent(
    EventType type,
    OffsetDateTime timestamp,
    String host,
    String program,
    Integer pid,
    Mta mta,
    String instance,
    String service,
    String queueId,
    RejectAction action,
    String stage,
    String clientHost,
    String clientIp,
    Integer clientPort,
    Integer smtpCode,
    String enhancedCode,
    RejectReason reason,
    String message,
    String sender,
    String recipient,
    String recipientDomain,
    String helo,
    String proto,
    String saslMethod,
    String saslUsername,
    Map<String, CommandCount> commands,
    String raw) {

  public MailEvent {
    if (type == null || timestamp == null || raw == null) {
      throw new IllegalArgumentException("type, timestamp and raw are required");
    }
    commands = commands == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(commands));
  }

  /**
   * Whether this is a reject that really refused something: every reject but Postfix's {@code
   * reject_warning} dry run (Exim and Sendmail rejects are logged as {@code reject}).
   */
  @JsonIgnore
  public boolean isRefusal() {
    return type == EventType.REJECT && action != RejectAction.REJECT_WARNING;
  }

  /** Whether this event is a relay refusal that really refused mail (not a dry run). */
  @JsonIgnore
  public boolean isRelayDenial() {
    return isRefusal() && reason == RejectReason.RELAY_DENIED;
  }

  public static Builder builder(EventType type) {
    return new Builder(type);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Parsers fill events field by field, so a record of 27 components gets a builder. */
  public static final class Builder {
    private EventType type;
    private OffsetDateTime timestamp;
    private String host;
    private String program;
    private Integer pid;
    private Mta mta;
    private String instance;
    private String service;
    private String queueId;
    private RejectAction action;
    private String stage;
    private String clientHost;
    private String clientIp;
    private Integer clientPort;
    private Integer smtpCode;
    private String enhancedCode;
    private RejectReason reason;
    private String message;
    private String sender;
    private String recipient;
    private String recipientDomain;
    private String helo;
    private String proto;
    private String saslMethod;
    private String saslUsername;
    private Map<String, CommandCount> commands;
    private String raw;

    private Builder(EventType type) {
      this.type = type;
    }

    private Builder(MailEvent e) {
      type = e.type;
      timestamp = e.timestamp;
      host = e.host;
      program = e.program;
      pid = e.pid;
      mta = e.mta;
      instance = e.instance;
      service = e.service;
      queueId = e.queueId;
      action = e.action;
      stage = e.stage;
      clientHost = e.clientHost;
      clientIp = e.clientIp;
      clientPort = e.clientPort;
      smtpCode = e.smtpCode;
      enhancedCode = e.enhancedCode;
      reason = e.reason;
      message = e.message;
      sender = e.sender;
      recipient = e.recipient;
      recipientDomain = e.recipientDomain;
      helo = e.helo;
      proto = e.proto;
      saslMethod = e.saslMethod;
      saslUsername = e.saslUsername;
      commands = e.commands;
      raw = e.raw;
    }

    public Builder type(EventType v) {
      type = v;
      return this;
    }

    public Builder timestamp(OffsetDateTime v) {
      timestamp = v;
      return this;
    }

    public Builder host(String v) {
      host = v;
      return this;
    }

    public Builder program(String v) {
      program = v;
      return this;
    }

    public Builder pid(Integer v) {
      pid = v;
      return this;
    }

    public Builder mta(Mta v) {
      mta = v;
      return this;
    }

    public Builder instance(String v) {
      instance = v;
      return this;
    }

    public Builder service(String v) {
      service = v;
      return this;
    }

    public Builder queueId(String v) {
      queueId = v;
      return this;
    }

    public Builder action(RejectAction v) {
      action = v;
      return this;
    }

    public Builder stage(String v) {
      stage = v;
      return this;
    }

    public Builder clientHost(String v) {
      clientHost = v;
      return this;
    }

    public Builder clientIp(String v) {
      clientIp = v;
      return this;
    }

    public Builder clientPort(Integer v) {
      clientPort = v;
      return this;
    }

    public Builder smtpCode(Integer v) {
      smtpCode = v;
      return this;
    }

    public Builder enhancedCode(String v) {
      enhancedCode = v;
      return this;
    }

    public Builder reason(RejectReason v) {
      reason = v;
      return this;
    }

    public Builder message(String v) {
      message = v;
      return this;
    }

    public Builder sender(String v) {
      sender = v;
      return this;
    }

    public Builder recipient(String v) {
      recipient = v;
      return this;
    }

    public Builder recipientDomain(String v) {
      recipientDomain = v;
      return this;
    }

    public Builder helo(String v) {
      helo = v;
      return this;
    }

    public Builder proto(String v) {
      proto = v;
      return this;
    }

    public Builder saslMethod(String v) {
      saslMethod = v;
      return this;
    }

    public Builder saslUsername(String v) {
      saslUsername = v;
      return this;
    }

    public Builder commands(Map<String, CommandCount> v) {
      commands = v;
      return this;
    }

    public Builder raw(String v) {
      raw = v;
      return this;
    }

    public MailEvent build() {
      return new MailEvent(
          type,
          timestamp,
          host,
          program,
          pid,
          mta,
          instance,
          service,
          queueId,
          action,
          stage,
          clientHost,
          clientIp,
          clientPort,
          smtpCode,
          enhancedCode,
          reason,
          message,
          sender,
          recipient,
          recipientDomain,
          helo,
          proto,
          saslMethod,
          saslUsername,
          commands,
          raw);
    }
  }
}
