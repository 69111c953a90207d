package io.relaywatch.bench.latency;

/**
 * The warm-up before the probes and how far the topology was behind.
 *
 * @param seconds background alone before the first probe
 * @param lagAtStart Streams records not yet consumed when the probes started
 * @param maxLag the largest lag sampled (about once a second) from then to the end
 */
record WarmUp(double seconds, long lagAtStart, long maxLag) {
  WarmUp withMaxLag(long lag) {
    return new WarmUp(seconds, lagAtStart, lag);
  }
}
