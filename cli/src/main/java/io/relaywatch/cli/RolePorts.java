package io.relaywatch.cli;

import picocli.CommandLine.Option;

/**
 * The HTTP ports (metrics, health, queries) of the three roles, for the commands that run them all
 * in one process ({@code demo}, {@code all}); the defaults are those of the separate commands.
 */
final class RolePorts {
  @Option(names = "--ship-port", defaultValue = "9611", paramLabel = "PORT", description = "9611.")
  int ship;

  @Option(
      names = "--streams-port",
      defaultValue = "9612",
      paramLabel = "PORT",
      description = "9612.")
  int streams;

  @Option(
      names = "--alerts-port",
      defaultValue = "9613",
      paramLabel = "PORT",
      description = "9613.")
  int alerts;
}
