package io.relaywatch.streams.parse;

import java.time.OffsetDateTime;

/**
 * What a log line's header says: when, where and which program.
 *
 * @param timestamp when the line was logged, with the offset it was logged in (or the configured
 *     zone's offset for formats without one)
 * @param host the host name, or null when the format or the line has none
 * @param program the syslog tag without pid, e.g. {@code postfix/submission/smtpd}
 * @param pid the process id, or null
 * @param bodyStart index of the first character of the message in the line
 */
record LineHeader(
    OffsetDateTime timestamp, String host, String program, Integer pid, int bodyStart) {}
