package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * A proposed fix, split by where it is applied. Every command and config line is built from
 * validated values only (parsed IP literals, configured settings), never from log text, so a person
 * can paste it; parts that do not apply are null.
 *
 * @param summary one sentence saying what to change and why
 * @param postfix Postfix commands or {@code main.cf}/{@code master.cf} lines, in order
 * @param exim Exim configuration lines
 * @param dovecot Dovecot configuration block
 * @param client what to change on the sending client (port, STARTTLS, credentials)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"summary", "postfix", "exim", "dovecot", "client"})
public record Fix(
    String summary, List<String> postfix, List<String> exim, String dovecot, List<String> client) {
  public Fix {
    Objects.requireNonNull(summary, "summary");
    postfix = postfix == null ? null : List.copyOf(postfix);
    exim = exim == null ? null : List.copyOf(exim);
    client = client == null ? null : List.copyOf(client);
  }
}
