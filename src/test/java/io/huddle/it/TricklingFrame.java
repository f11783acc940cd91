package io.huddle.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A websocket client on a plain socket that announces one huge text frame in its header and then trickles its
 * payload: it shows whether the server stops reading at its configured limit or buffers the frame to its end
 * first. (The JDK's client cannot send a frame header ahead of the frame's bytes.)
 */
final class TricklingFrame implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private TricklingFrame(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static TricklingFrame open(URL base) throws IOException {
        int port = base.getPort() < 0 ? base.getDefaultPort() : base.getPort();
        Socket socket = new Socket(base.getHost(), port);
        TricklingFrame client = new TricklingFrame(socket);
        String path = base.getPath().replaceAll("/$", "") + "/primus";
        client.out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13"
                + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        client.out.flush();
        String status = client.readHeaders();
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("upgrade refused: " + status);
        }
        return client;
    }

    private String readHeaders() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /**
     * Sends the header of a masked text frame of {@code announcedBytes}, then up to {@code sentBytes} of its
     * payload in small writes; stops early, without error, when the server has closed the socket.
     *
     * @return the payload bytes written before the server stopped accepting them
     */
    long trickle(long announcedBytes, long sentBytes) throws IOException {
        byte[] header = new byte[14];
        header[0] = (byte) 0x81; // FIN, text
        header[1] = (byte) (0x80 | 127); // masked, 64-bit length
        for (int i = 0; i < 8; i++) {
            header[2 + i] = (byte) (announcedBytes >>> (56 - 8 * i));
        }
        // a zero mask key: the payload goes out as written
        out.write(header);
        byte[] chunk = "x".repeat(4096).getBytes(StandardCharsets.US_ASCII);
        long sent = 0;
        try {
            while (sent < sentBytes) {
                out.write(chunk);
                out.flush();
                sent += chunk.length;
            }
        } catch (IOException closedByServer) {
            // the server stopped reading and closed: what the caller wants to see
        }
        return sent;
    }

    /** The close code of the first close frame the server sends within {@code wait}, skipping other frames. */
    int awaitCloseCode(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                long length = second & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                if ((first & 0x0F) == 0x8) {
                    return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("no close frame within " + wait, e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
