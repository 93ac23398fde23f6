package dev.zhsearch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP to one OpenSearch endpoint (the JDK's client; no OpenSearch client library needed). */
public final class OpenSearchClient {

    /** An answer of 300 or more, with OpenSearch's own reason. */
    public static final class ClusterException extends IOException {
        private final int status;

        ClusterException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    public OpenSearchClient(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (!u.startsWith("http://") && !u.startsWith("https://")) {
            throw new IllegalArgumentException("--opensearch takes a URL such as http://127.0.0.1:9200, not '" + url + "'");
        }
        this.base = URI.create(u);
    }

    public ObjectMapper json() {
        return json;
    }

    public URI base() {
        return base;
    }

    public JsonNode get(String path) throws IOException {
        return send("GET", path, null, "application/json");
    }

    public JsonNode send(String method, String path, Object body) throws IOException {
        return send(method, path, body == null ? null : body instanceof String s ? s : json.writeValueAsString(body), "application/json");
    }

    /** A bulk request: {@code ndjson} is action and source lines, each ending in a newline. */
    public JsonNode bulk(String path, String ndjson) throws IOException {
        return send("POST", path, ndjson, "application/x-ndjson");
    }

    private JsonNode send(String method, String path, String body, String contentType) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.net.ConnectException e) {
            throw new IOException("no OpenSearch at " + base + " (start one with: zhsearch cluster up)", e);
        }
        JsonNode answer = r.body().isEmpty() ? json.createObjectNode() : json.readTree(r.body());
        if (r.statusCode() >= 300) {
            JsonNode reason = answer.path("error").path("reason");
            throw new ClusterException(r.statusCode(), method + " " + path + ": " + r.statusCode() + " "
                    + (reason.isMissingNode() ? r.body() : reason.asText()));
        }
        return answer;
    }
}
