package io.huddle.action.http;

import io.huddle.concurrency.Completions;
import io.huddle.connection.ClientError;
import io.huddle.connection.ErrorMessages;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads an {@code /api} request body with non-blocking servlet I/O: no thread waits for a client that sends slowly
 * (a blocking read held one worker thread per slow upload, and a few dozen of them stopped the node), and the whole
 * body must arrive before a deadline. A body over the limit is read on and dropped, up to
 * {@value #DRAIN_LIMIT_BYTES} bytes, so the connection can carry the answer: Payara leaves an HTTP/2 (h2c) stream
 * hanging when a body is left unread.
 */
final class RequestBody implements ReadListener {

    static final int PAYLOAD_TOO_LARGE = 413;
    static final int REQUEST_TIMEOUT = 408;
    static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;

    private final ServletInputStream in;
    private final int maxBytes;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[8192];
    private final CompletableFuture<byte[]> done = new CompletableFuture<>();
    private long dropped;

    private RequestBody(ServletInputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /**
     * Starts reading; the result completes with the body, or fails with a {@link ClientError}: 413 past
     * {@code maxBytes}, 408 when it did not arrive within {@code timeoutMillis}. Fails with an {@link IOException}
     * when the client went away.
     */
    static CompletableFuture<byte[]> read(ServletInputStream in, int maxBytes, long timeoutMillis) {
        RequestBody reader = new RequestBody(in, maxBytes);
        CompletableFuture<byte[]> result = reader.done.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(
                        Completions.causeOf(error) instanceof TimeoutException
                                ? new ClientError(ErrorMessages.bodyTimedOut(timeoutMillis), REQUEST_TIMEOUT)
                                : Completions.causeOf(error)));
        in.setReadListener(reader);
        return result;
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!done.isDone() && in.isReady()) {
            int read = in.read(buffer);
            if (read < 0) {
                return; // onAllDataRead follows
            }
            if (body.size() + read <= maxBytes) {
                body.write(buffer, 0, read);
            } else if ((dropped += read) > DRAIN_LIMIT_BYTES) {
                tooLarge(); // past the drain limit the connection is not worth keeping
            }
        }
    }

    @Override
    public void onAllDataRead() {
        if (dropped > 0) {
            tooLarge();
        } else {
            done.complete(body.toByteArray());
        }
    }

    private void tooLarge() {
        done.completeExceptionally(new ClientError(ErrorMessages.bodyTooLarge(maxBytes), PAYLOAD_TOO_LARGE));
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error instanceof IOException ? error : new IOException(error));
    }
}
