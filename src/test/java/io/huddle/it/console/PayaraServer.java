package io.huddle.it.console;

import io.huddle.it.FileTrees;
import io.huddle.it.TestHttp;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Server (the full server, unpacked from its distribution into {@code target/}) driven as an operator
 * drives it: {@code asadmin} for a domain of its own, created fresh under {@code target/console-it}, with the admin
 * console and its REST API on port 4848, and the admin REST API ({@code /management/domain}) that the console's
 * pages call.
 */
final class PayaraServer implements AutoCloseable {

    static final int ADMIN_PORT = 4848;

    private final Path home;
    private final Path domains;
    private final String domain;
    private final int httpPort;
    private final File log;
    private final HttpClient http = TestHttp.client();
    private boolean started;

    PayaraServer(Path home, Path work, String domain, int httpPort) {
        this.home = home;
        this.domains = work.resolve("payara-domains");
        this.domain = domain;
        this.httpPort = httpPort;
        this.log = work.resolve(domain + "-asadmin.log").toFile();
    }

    URL url() throws IOException {
        return URI.create("http://127.0.0.1:" + httpPort + "/").toURL();
    }

    /** {@code create-domain} (no admin password, as on a developer box) and {@code start-domain}. */
    void createAndStart() throws Exception {
        FileTrees.delete(domains);
        Files.createDirectories(domains);
        Files.deleteIfExists(log.toPath());
        asadmin("create-domain", "--nopassword=true", "--domaindir", domains.toString(),
                "--adminport", Integer.toString(ADMIN_PORT), "--instanceport", Integer.toString(httpPort), domain);
        started = true;
        asadmin("start-domain", "--domaindir", domains.toString(), domain);
    }

    /** Runs {@code asadmin} non-interactively against this domain's admin port; fails with its output if it fails. */
    String asadmin(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/asadmin").toString(),
                "--interactive=false"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = process.waitFor(5, TimeUnit.MINUTES);
        Files.writeString(log.toPath(), "$ asadmin " + String.join(" ", arguments) + "\n" + output,
                StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (!exited || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " failed: " + output);
        }
        return output;
    }

    /** A GET of the admin REST API, as JSON. */
    HttpResponse<String> restGet(String path) throws Exception {
        return http.send(rest(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A DELETE of the admin REST API (the console's Undeploy). */
    HttpResponse<String> restDelete(String path) throws Exception {
        return http.send(rest(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A multipart POST to the admin REST API (the console's Deploy form): text fields, and one file part named
     * {@code id}, the archive.
     */
    HttpResponse<String> restUpload(String path, Path file, Map<String, String> fields) throws Exception {
        MultipartForm form = MultipartForm.of(fields, "id", file);
        return http.send(rest(path).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder rest(String path) {
        // the REST API refuses state changes without X-Requested-By (its CSRF guard); the console sends this value
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ADMIN_PORT + "/management/domain/" + path))
                .header("Accept", "application/json")
                .header("X-Requested-By", "GlassFish REST HTML interface");
    }

    @Override
    public void close() throws Exception {
        if (started) {
            started = false;
            asadmin("stop-domain", "--domaindir", domains.toString(), "--kill=false", domain);
        }
    }
}
