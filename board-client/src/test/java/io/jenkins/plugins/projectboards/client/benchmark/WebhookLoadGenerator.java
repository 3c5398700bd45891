package io.jenkins.plugins.projectboards.client.benchmark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load for the webhook endpoint from one JVM: {@code deliveries} POSTs of one delivery body, never more than
 * {@code inFlight} unanswered at a time: {@code inFlight} senders, each with one kept-alive HTTP/1.1 connection (as a
 * board's webhook sender makes them) over a plain socket. The request is written once and sent as bytes, and the
 * answer is read to its last byte and no further: the generator shares the machine with the target, and the JDK's
 * HTTP client took more CPU per delivery than the endpoint it measured. Each delivery is timed from sending to its
 * answer's last byte. A delivery that gets no answer (reset, timeout, a broken answer) is lost; the answers are
 * counted by status.
 *
 * <p>The target proves its deliveries as the vendor does ({@link Target}); the secret goes only into that header or
 * query and is never printed.
 */
final class WebhookLoadGenerator {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private WebhookLoadGenerator() {}

    /** Where the deliveries go, and how each proves itself (docs/webhooks.md, "The endpoint"). */
    record Target(URI url, String authorization, String shown) {
        /** Planka: {@code Authorization: Bearer <secret>}. */
        static Target planka(String endpoint, String secret) {
            return new Target(URI.create(endpoint), "Bearer " + secret, endpoint);
        }

        /** Kanboard: {@code ?token=<secret>} on the URL. */
        static Target kanboard(String endpoint, String secret) {
            return new Target(URI.create(endpoint + "?token=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)), null, endpoint);
        }

        @Override
        public String toString() {
            return "Target[" + shown + "]";
        }
    }

    /**
     * What a run came to.
     *
     * @param statuses answer status → how many deliveries got it
     * @param lost deliveries that got no answer
     * @param latenciesMicros each answered delivery's time from sending to its answer, sorted
     */
    record Result(int deliveries, int inFlight, long wallMillis, Map<Integer, Integer> statuses, int lost, long[] latenciesMicros) {
        double perSecond() {
            return deliveries * 1000.0 / Math.max(1, wallMillis);
        }

        int answered(int status) {
            return statuses.getOrDefault(status, 0);
        }

        int serverErrors() {
            return statuses.entrySet().stream().filter(entry -> entry.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        }

        /** The latency below which {@code percent} of the answered deliveries stayed, in microseconds. */
        long percentileMicros(double percent) {
            if (latenciesMicros.length == 0) {
                return -1;
            }
            int index = (int) Math.ceil(percent / 100 * latenciesMicros.length) - 1;
            return latenciesMicros[Math.max(0, Math.min(latenciesMicros.length - 1, index))];
        }

        /** One line: {@code <name> deliveries=N in_flight=N wall_ms=N per_s=N statuses={..} lost=N 5xx=N p50_ms=N.N p99_ms=N.N max_ms=N.N}. */
        String line(String name) {
            return String.format(Locale.ROOT,
                    "%s deliveries=%d in_flight=%d wall_ms=%d per_s=%.0f statuses=%s lost=%d 5xx=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f",
                    name, deliveries, inFlight, wallMillis, perSecond(), statuses, lost, serverErrors(),
                    percentileMicros(50) / 1000.0, percentileMicros(99) / 1000.0, percentileMicros(100) / 1000.0);
        }
    }

    static Result run(Target target, byte[] body, int deliveries, int inFlight) throws InterruptedException {
        byte[] request = request(target, body);
        AtomicInteger next = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger lost = new AtomicInteger();
        long[] latencies = new long[deliveries];
        Arrays.fill(latencies, -1);
        List<Thread> senders = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < inFlight; i++) {
            Thread sender = new Thread(() -> send(target, request, deliveries, next, statuses, lost, latencies), "webhook-load-" + i);
            sender.setDaemon(true);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        Map<Integer, Integer> counted = new TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.get()));
        // join() orders every sender's writes to latencies before this read.
        long[] answered = Arrays.stream(latencies).filter(micros -> micros >= 0).sorted().toArray();
        return new Result(deliveries, inFlight, wallMillis, counted, lost.get(), answered);
    }

    /**
     * One sender: takes the next delivery until none is left and sends it on its kept-alive connection; a delivery
     * that gets no answer is lost and the connection is opened again for the next.
     */
    private static void send(Target target, byte[] request, int deliveries, AtomicInteger next,
            Map<Integer, AtomicInteger> statuses, AtomicInteger lost, long[] latencies) {
        Connection connection = null;
        for (int delivery; (delivery = next.getAndIncrement()) < deliveries; ) {
            long sent = System.nanoTime();
            try {
                if (connection == null) {
                    connection = Connection.open(target.url());
                }
                connection.out().write(request);
                connection.out().flush();
                Answer answer = Answer.read(connection.in());
                latencies[delivery] = (System.nanoTime() - sent) / 1000;
                statuses.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
                if (answer.closes()) {
                    connection.close();
                    connection = null;
                }
            } catch (IOException e) {
                lost.incrementAndGet();
                if (connection != null) {
                    connection.close();
                }
                connection = null;
            }
        }
        if (connection != null) {
            connection.close();
        }
    }

    /** A kept-alive connection, buffered both ways. */
    private record Connection(Socket socket, InputStream in, OutputStream out) {
        static Connection open(URI url) throws IOException {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout((int) ANSWER_TIMEOUT.toMillis());
                socket.connect(new InetSocketAddress(url.getHost(), url.getPort() == -1 ? 80 : url.getPort()),
                        (int) ANSWER_TIMEOUT.toMillis());
                return new Connection(socket, new BufferedInputStream(socket.getInputStream()),
                        new BufferedOutputStream(socket.getOutputStream()));
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // The connection is dropped either way.
            }
        }
    }

    /** The whole POST, made once: request line, headers (the proof among them), body. */
    private static byte[] request(Target target, byte[] body) {
        URI url = target.url();
        if (!"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("the load generator speaks plain HTTP to a loopback endpoint, not " + target);
        }
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        StringBuilder head = new StringBuilder()
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getRawAuthority()).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        if (target.authorization() != null) {
            head.append("Authorization: ").append(target.authorization()).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /** An HTTP/1.1 answer read to its last byte: its status, and whether the server closes the connection after it. */
    record Answer(int status, boolean closes) {
        /** The answer, or an {@link IOException} (the delivery is lost) when it ends early or is not HTTP/1.x. */
        static Answer read(InputStream in) throws IOException {
            try {
                return parse(in);
            } catch (NumberFormatException e) {
                throw new IOException("a broken answer: " + e.getMessage(), e);
            }
        }

        private static Answer parse(InputStream in) throws IOException {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            boolean closes = parts[0].equals("HTTP/1.0");
            for (String header; !(header = line(in)).isEmpty(); ) {
                int colon = header.indexOf(':');
                String name = colon < 0 ? header : header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : header.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> closes = value.contains("close") || (closes && !value.contains("keep-alive"));
                    default -> { }
                }
            }
            if (chunked) {
                for (long size; (size = Long.parseLong(line(in).split(";", 2)[0].strip(), 16)) > 0; ) {
                    skip(in, size);
                    line(in);
                }
                while (!line(in).isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(in, length);
            } else if (status >= 200 && status != 204 && status != 304) {
                in.transferTo(OutputStream.nullOutputStream());
                closes = true;
            }
            return new Answer(status, closes);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b == -1) {
                    throw new EOFException("the connection closed inside an answer");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private static void skip(InputStream in, long bytes) throws IOException {
            in.skipNBytes(bytes);
        }
    }
}
