package io.relaywatch.alerts.notify;

import io.relaywatch.events.Verdict;

/**
 * Where a person reads what to do about a verdict: its page in docs/runbooks ({@code
 * <base>/<verdict>.md}), under a configurable base ({@code alerts.runbookBaseUrl}) for sites that
 * publish the docs elsewhere.
 *
 * @param base the address of the runbooks folder, without a trailing slash
 */
public record Runbooks(String base) {
  /** The published runbooks, the same base as the Prometheus rules' {@code runbook_url}. */
  public static final String DEFAULT_BASE =
      "https://github.com/relaywatch/relaywatch/blob/main/docs/runbooks";

  public Runbooks {
    base = base.replaceAll("/+$", "");
  }

  public String url(Verdict verdict) {
    return base + "/" + verdict.wireName() + ".md";
  }

  /**
   * True when the links can be followed from a browser; Alertmanager refuses a {@code generatorURL}
   * that is not absolute and PagerDuty wants absolute links.
   */
  public boolean absolute() {
    return base.startsWith("http://") || base.startsWith("https://");
  }
}
