package io.relaywatch.alerts.engine;

import io.relaywatch.alerts.engine.rules.Rule;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns evidence about a subject into findings: which known root cause explains it and the fix for
 * it. Rules and their thresholds come from the ordered catalogue {@code verdicts.yaml}; the rules
 * are tried in catalogue order and the first one that fires for a piece of evidence gives its
 * finding, so a subject gets at most one verdict. Client, host and domain evidence only meet the
 * rules of their own subject kind.
 *
 * <p>Thread-safe: rules hold only their thresholds.
 */
public final class VerdictEngine {
  /** Most severe first, then most events, then by subject for a stable order. */
  public static final Comparator<Finding> MOST_SEVERE_FIRST =
      Comparator.comparing(Finding::severity)
          .reversed()
          .thenComparing(Comparator.comparingLong(Finding::count).reversed())
          .thenComparing(Finding::key);

  private final VerdictConfig config;
  private final RuleCatalogue catalogue;
  private final List<Rule> rules;

  private VerdictEngine(VerdictConfig config, RuleCatalogue catalogue) {
    this.config = config;
    this.catalogue = catalogue;
    this.rules = catalogue.createRules();
  }

  /** An engine with the built-in catalogue and its thresholds. */
  public static VerdictEngine create(VerdictConfig config) {
    return create(config, RuleCatalogue.builtIn());
  }

  /** An engine with the given catalogue. */
  public static VerdictEngine create(VerdictConfig config, RuleCatalogue catalogue) {
    return new VerdictEngine(config, catalogue);
  }

  /**
   * The same engine with every count threshold replaced by {@code n} ({@code relaywatch diagnose}
   * uses 1, or {@code --min-count}); structural conditions stay.
   */
  public VerdictEngine withMinCount(long n) {
    return new VerdictEngine(config, catalogue.withMinCount(n));
  }

  /** The findings the evidence supports, most severe first; empty when it explains nothing. */
  public List<Finding> evaluate(Evidence evidence) {
    return firstFinding(evidence).map(List::of).orElse(List.of());
  }

  /** The findings for many pieces of evidence, most severe first. */
  public List<Finding> evaluateAll(Collection<? extends Evidence> evidence) {
    List<Finding> findings = new ArrayList<>();
    for (Evidence e : evidence) {
      firstFinding(e).ifPresent(findings::add);
    }
    findings.sort(MOST_SEVERE_FIRST);
    return findings;
  }

  private Optional<Finding> firstFinding(Evidence evidence) {
    Verdict.Subject kind = subjectOf(evidence);
    for (Rule rule : rules) {
      if (rule.verdict().subject() == kind) {
        Optional<Finding> finding = rule.evaluate(evidence, config);
        if (finding.isPresent()) {
          return finding;
        }
      }
    }
    return Optional.empty();
  }

  private static Verdict.Subject subjectOf(Evidence evidence) {
    if (evidence instanceof ClientEvidence) {
      return Verdict.Subject.CLIENT;
    }
    return evidence instanceof HostEvidence ? Verdict.Subject.HOST : Verdict.Subject.DOMAIN;
  }

  public VerdictConfig config() {
    return config;
  }

  /** The catalogue the rules came from, with the thresholds in force. */
  public RuleCatalogue catalogue() {
    return catalogue;
  }
}
