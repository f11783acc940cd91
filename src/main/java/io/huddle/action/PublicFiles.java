package io.huddle.action;

import io.huddle.config.ActionSettings;
import io.huddle.connection.ErrorMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves the websocket {@code file} request from the WAR's public files (its web root, as the container serves
 * them), read on a worker thread and capped at {@code huddle.general.maxFileBytes}.
 */
@ApplicationScoped
public class PublicFiles {

    private static final Logger LOG = Logger.getLogger(PublicFiles.class.getName());

    /** JavaScript's {@code toISOString()}: always with milliseconds. */
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private volatile ServletContext servletContext;

    @Inject
    ActionExecutor executor;

    @Inject
    ActionSettings settings;

    /**
     * The injectable ServletContext needs a request context, which worker threads lack; the one the application
     * starts with is the same object and works anywhere.
     */
    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext started) {
        servletContext = started;
    }

    public CompletionStage<FileReply> read(String requested) {
        if (requested == null || requested.isEmpty()) {
            return CompletableFuture.completedFuture(FileReply.failed(ErrorMessages.FILE_REQUIRED));
        }
        Optional<String> path = PublicPath.resolve(requested);
        if (path.isEmpty()) {
            LOG.fine(() -> "refused file request outside the public files: " + requested);
            return CompletableFuture.completedFuture(FileReply.notFound());
        }
        return executor.run(() -> readNow(path.get()), settings.actionTimeoutMillis(), () -> { })
                .handle((reply, failure) -> {
                    if (failure == null) {
                        return reply;
                    }
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    LOG.log(Level.WARNING, "reading " + path.get() + " failed", cause);
                    return FileReply.failed(ErrorMessages.fileReadFailed(
                            cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()));
                });
    }

    /** Listed in its folder without a trailing slash: the Servlet spec marks folders with one. */
    private boolean isFile(String path) {
        String folder = path.substring(0, path.lastIndexOf('/') + 1);
        Set<String> listing = servletContext.getResourcePaths(folder);
        return listing != null && listing.contains(path);
    }

    private FileReply readNow(String path) throws IOException {
        if (!isFile(path)) {
            return FileReply.notFound();
        }
        URL resource = servletContext.getResource(path);
        if (resource == null) {
            return FileReply.notFound();
        }
        URLConnection connection = resource.openConnection();
        int max = settings.maxFileBytes();
        if (connection.getContentLengthLong() > max) {
            return FileReply.failed(ErrorMessages.fileTooLarge(max));
        }
        byte[] bytes;
        try (InputStream in = connection.getInputStream()) {
            bytes = in.readNBytes(max + 1);
        }
        if (bytes.length > max) {
            return FileReply.failed(ErrorMessages.fileTooLarge(max));
        }
        String mime = Optional.ofNullable(servletContext.getMimeType(path)).orElse("application/octet-stream");
        long modified = connection.getLastModified();
        return FileReply.found(new String(bytes, StandardCharsets.UTF_8), mime, bytes.length,
                modified > 0 ? ISO_MILLIS.format(Instant.ofEpochMilli(modified)) : null);
    }
}
