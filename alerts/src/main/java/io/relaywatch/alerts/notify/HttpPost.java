package io.relaywatch.alerts.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs a JSON body and classifies the answer the way every HTTP receiver here does: 2xx delivered;
 * 408, 429 and 5xx retryable (the far end is busy or down); any other status permanent (the request
 * itself is wrong and would be refused again); connection errors and timeouts retryable.
 */
final class HttpPost {
  private static final int MAX_REASON_BODY = 200;

  private final HttpClient client;
  private final Duration requestTimeout;

  HttpPost(HttpClient client, Duration requestTimeout) {
    this.client = client;
    this.requestTimeout = requestTimeout;
  }

  /** A client for receivers: HTTP/1.1, no redirects (a redirect would re-post the body). */
  static HttpClient newClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .build();
  }

  Delivery post(URI uri, byte[] json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "relaywatch")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return classify(response.statusCode(), response.body());
    } catch (IOException e) {
      return Delivery.retryable(e.getClass().getSimpleName() + " " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Delivery.retryable("interrupted");
    }
  }

  static Delivery classify(int status, String body) {
    if (status >= 200 && status < 300) {
      return Delivery.delivered();
    }
    String reason = "HTTP " + status + reasonBody(body);
    if (status == 408 || status == 429 || status >= 500) {
      return Delivery.retryable(reason);
    }
    return Delivery.permanent(reason);
  }

  // The far end's answer goes into our logs: keep it short and harmless for a terminal.
  private static String reasonBody(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String text = body.strip();
    if (text.length() > MAX_REASON_BODY) {
      text = text.substring(0, MAX_REASON_BODY) + "...";
    }
    return ": " + Escape.terminal(text);
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? "" : Escape.terminal(e.getMessage());
  }
}
