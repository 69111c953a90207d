package io.relaywatch.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/** The one JSON configuration for everything relaywatch writes or reads on the wire. */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          // Record accessors called through generated lambdas rather than reflection: a fifth of
          // the time Streams spends writing the contract topics' JSON (docs/benchmarks.md).
          .addModule(new BlackbirdModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          // A timestamp keeps the offset it was logged with; readers must not shift it to UTC.
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          // Newer producers may add fields; older consumers must keep working.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
