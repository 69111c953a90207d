package io.relaywatch.alerts.notify;

import io.relaywatch.events.Verdict;

/**
 * Where a person reads what a verdict means and how to fix it: the verdict's section of
 * docs/alerts.md, under a configurable base ({@code alerts.runbookBaseUrl}).
 *
 * @param base the address of docs/alerts.md, absolute or as a repository path
 */
public record Runbooks(String base) {
  /** The repository path, for sites that publish no docs. */
  public static final String DEFAULT_BASE = "docs/alerts.md";

  public String url(Verdict verdict) {
    return base + "#" + verdict.wireName();
  }

  /** True when the links can be followed from a browser (PagerDuty wants absolute links). */
  public boolean absolute() {
    return base.startsWith("http://") || base.startsWith("https://");
  }
}
