package io.relaywatch.alerts.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.relaywatch.events.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * An example input of a catalogue rule, kept as written; the catalogue test binds and runs it.
 *
 * @param name what the example shows
 * @param kind {@code client}, {@code host} or {@code domain}: which evidence record {@code
 *     evidence} holds the fields of
 * @param evidence the evidence fields
 * @param config overrides of the catalogue's {@code exampleConfig}, or null
 * @param expect the verdict the example must give; empty for none
 * @param fixContains texts that must occur in the finding's fix
 * @param fixExcludes texts that must not occur in the finding's commands or fix
 */
public record CatalogueExample(
    String name,
    String kind,
    JsonNode evidence,
    JsonNode config,
    Optional<Verdict> expect,
    List<String> fixContains,
    List<String> fixExcludes) {
  public CatalogueExample {
    fixContains = List.copyOf(fixContains);
    fixExcludes = List.copyOf(fixExcludes);
  }
}
