package io.relaywatch.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.relaywatch.events.Json;
import io.relaywatch.events.MailEvent;
import io.relaywatch.streams.parse.ParseResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code relaywatch parse}: one JSON object a line for every recognised event. */
@Command(
    name = "parse",
    description = {
      "Prints one JSON object per recognised event (JSON Lines), fields as in docs/events.md.",
      "With --include-unparsed, lines that looked relevant but matched no pattern are printed too,"
          + " as {\"type\":\"unparsed\",\"reason\":...,\"host\":...,\"program\":...,\"raw\":...}."
    })
final class ParseCommand implements Callable<Integer> {
  /**
   * Built on first use, not when picocli instantiates every command at start-up: setting up the
   * Jackson writers costs about 100 ms, which {@code report} and {@code --help} need not pay.
   */
  private static final class Writers {
    static final ObjectWriter EVENTS = Json.mapper().writerFor(MailEvent.class);
    static final ObjectWriter UNPARSED = Json.mapper().writerFor(UnparsedOutput.class);
  }

  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin InputOptions input;

  @Mixin HelpOption help;

  @Option(
      names = "--include-unparsed",
      description = "Also print lines that looked relevant but matched no pattern.")
  boolean includeUnparsed;

  /** The shape of an unparsed line in the output; {@code type} tells it from events. */
  @JsonPropertyOrder({"type", "reason", "host", "program", "raw"})
  record UnparsedOutput(String type, String reason, String host, String program, String raw) {
    static UnparsedOutput of(ParseResult.Unparsed unparsed) {
      return new UnparsedOutput(
          "unparsed", unparsed.reason(), unparsed.host(), unparsed.program(), unparsed.raw());
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      boolean complete =
          input.scanner(main.stdin()).scan(r -> write(r, out), read -> !out.checkError());
      out.flush();
      if (!complete || out.checkError()) {
        spec.commandLine().getErr().println("relaywatch: cannot write the output");
        return 1;
      }
      return 0;
    } catch (InputException e) {
      out.flush();
      spec.commandLine().getErr().println("relaywatch: " + e.getMessage());
      return 1;
    }
  }

  private void write(ParseResult result, PrintWriter out) {
    try {
      if (result instanceof ParseResult.Parsed parsed) {
        out.write(Writers.EVENTS.writeValueAsString(parsed.event()));
        out.write('\n');
      } else if (includeUnparsed && result instanceof ParseResult.Unparsed unparsed) {
        out.write(Writers.UNPARSED.writeValueAsString(UnparsedOutput.of(unparsed)));
        out.write('\n');
      }
    } catch (JsonProcessingException e) {
      // Records of strings and numbers always serialise; this would be a bug, not bad input.
      throw new UncheckedIOException(e);
    }
  }
}
