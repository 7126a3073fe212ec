package org.clinicops.support.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 bytes as a misbehaving client sends them, which no HTTP client library would: a malformed request line,
 * a header past the server's limit. The answer is read until the server closes the connection.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Answer(int status, String head, String body) {

        public Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return Arrays.stream(head.split("\r\n"))
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).trim())
                    .findFirst();
        }
    }

    /**
     * Sends the request line and headers of {@code request} ({@code \r\n} between lines, no blank line at the end)
     * and {@code body}, and reads the whole answer.
     */
    public static Answer send(int port, String request, String body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((request + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String head = end < 0 ? answer : answer.substring(0, end);
            return new Answer(Integer.parseInt(head.split(" ", 3)[1]), head,
                    end < 0 ? "" : answer.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
