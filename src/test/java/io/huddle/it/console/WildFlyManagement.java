package io.huddle.it.console;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * WildFly's HTTP management API ({@code http://host:9990/management}), called the way the HAL admin console calls
 * it: DMR operations as JSON, a deployment's bytes uploaded first to {@code /management/add-content}. The interface
 * authenticates with HTTP Digest against the ManagementRealm, which {@link HttpURLConnection} speaks (the JDK's
 * {@code HttpClient} only does Basic).
 */
final class WildFlyManagement {

    private final URI management;
    private final Authenticator credentials;

    WildFlyManagement(int port, String user, String password) {
        this.management = URI.create("http://127.0.0.1:" + port + "/management");
        this.credentials = new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password.toCharArray());
            }
        };
    }

    /** Waits until the server answers {@code server-state} with {@code running}. */
    void awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                JsonObject answer = execute(Json.createObjectBuilder().add("operation", "read-attribute")
                        .add("name", "server-state").build());
                if ("running".equals(answer.getString("result", ""))) {
                    return;
                }
                last = answer.toString();
            } catch (IOException e) {
                last = e.toString(); // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("WildFly management at " + management + " not running within " + timeout
                + " (last: " + last + ")");
    }

    /** Runs one DMR operation; the answer has {@code outcome} "success" or "failed" and a {@code failure-description}. */
    JsonObject execute(JsonObject operation) throws IOException {
        byte[] body = operation.toString().getBytes(StandardCharsets.UTF_8);
        return send(management, "application/json", body);
    }

    /**
     * Uploads a deployment's content as the console's "Upload Deployment" wizard does; returns the content hash
     * (the {@code BYTES_VALUE} object) that an {@code add} of the deployment refers to.
     */
    JsonValue upload(Path file) throws IOException {
        MultipartForm form = MultipartForm.of(Map.of(), "file", file);
        JsonObject answer = send(URI.create(management + "/add-content"), form.contentType(), form.body());
        if (!"success".equals(answer.getString("outcome", ""))) {
            throw new IOException("upload of " + file + " failed: " + answer);
        }
        return answer.get("result");
    }

    private JsonObject send(URI target, String contentType, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection();
        // not in streaming mode: the first request is answered 401 with the digest challenge and must be re-sent
        connection.setAuthenticator(credentials);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setConnectTimeout(2_000);
        connection.setReadTimeout(120_000);
        connection.setRequestProperty("Content-Type", contentType);
        connection.setRequestProperty("Accept", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (!text.startsWith("{")) {
            throw new IOException("HTTP " + status + " from " + target + ": " + text);
        }
        // a failed operation is HTTP 500 with the DMR answer as its body
        return Json.createReader(new StringReader(text)).readObject();
    }
}
