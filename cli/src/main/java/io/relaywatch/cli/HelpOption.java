package io.relaywatch.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} for subcommands: they have no version of their own, so no {@code -V}. */
final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;
}
