package io.jenkins.plugins.projectboards.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.ByteString;

/**
 * KE-chain's service API as pykechain speaks it (the shapes of board-client's {@code fixtures/kechain}), for one scope
 * ("Bike Project"), one service ("Gears") and one execution whose status the test sets: {@code execute} answers 202
 * with the new execution (409 with the running one when {@link #running}), the execution, its text/plain log, and
 * terminate. Records every request as {@code METHOD path} and its {@code Authorization} header.
 *
 * <p>Also one activity ("Release 1.4", in that scope) whose form shows two writable attachment properties, "Test
 * report" and "Build log", and a writable text property: its associations, its part, the headers of a property's
 * download (the file's length) and uploads into a property, which replace the file it holds, as pykechain 4.16 reaches
 * them.
 */
public final class FakeKechain extends Dispatcher {
    public static final String SCOPE = "bd5dceaa-a35e-47b0-9fc5-875410f4a56f";
    public static final String SERVICE = "1e25399d-949f-4a11-96a2-003132ad76b8";
    public static final String EXECUTION = "2dd0ea95-c7a8-4fad-96fc-8577917a71ff";
    public static final String ACTIVITY = "e7bd60f4-d9de-43ff-b08a-a6fcdeaf2939";
    public static final String PART = "5a1e0000-0000-4000-8000-000000000001";
    public static final String REPORT = "7e9d0000-0000-4000-8000-00000000000a";
    public static final String LOG = "7e9d0000-0000-4000-8000-00000000000b";
    private static final String NOTES = "7e9d0000-0000-4000-8000-00000000000d";

    public final List<String> requests = new CopyOnWriteArrayList<>();
    /** The {@code Authorization} header of each request. */
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    public volatile String status = "LOADING";
    /** Whether {@code execute} answers 409 (already running) instead of starting. */
    public volatile boolean running;
    /** What each attachment property holds, by property id. */
    public final Map<String, Upload> files = new ConcurrentHashMap<>();

    /**
     * An upload as the server received it.
     *
     * @param part the {@code part} form field
     * @param filename the {@code attachment} part's file name
     * @param bytes the file
     */
    public record Upload(String part, String filename, ByteString bytes) {}

    public long count(String line) {
        return requests.stream().filter(line::equals).count();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        requests.add(request.getMethod() + " " + path);
        authorizations.add(String.valueOf(request.getHeader("Authorization")));
        if (path.startsWith("/api/v3/scopes.json")) {
            return json(200, "{\"count\":1,\"next\":null,\"results\":[{\"id\":\"" + SCOPE + "\",\"name\":\"Bike Project\",\"status\":\"ACTIVE\"}]}");
        }
        if (path.startsWith("/api/services.json")) {
            return json(200, "{\"count\":1,\"next\":null,\"results\":[{\"id\":\"" + SERVICE + "\",\"name\":\"Gears\",\"scope\":\"" + SCOPE + "\"}]}");
        }
        if (path.startsWith("/api/services/" + SERVICE + "/execute")) {
            boolean already = running;
            running = true;
            return json(already ? 409 : 202, "{\"results\":[" + execution(request) + "]}");
        }
        if (path.equals("/api/service_executions/" + EXECUTION + ".json")) {
            return json(200, "{\"results\":[" + execution(request) + "]}");
        }
        if (path.equals("/api/service_executions/" + EXECUTION + "/log")) {
            return new MockResponse().setHeader("Content-Type", "text/plain").setBody(">>> gears computed\n");
        }
        if (path.startsWith("/api/service_executions/" + EXECUTION + "/terminate")) {
            status = "TERMINATED";
            return json(202, "{\"results\":[\"Execution terminated\"]}");
        }
        if (path.equals("/api/activities/" + ACTIVITY + ".json")) {
            return json(200, "{\"results\":[{\"id\":\"" + ACTIVITY + "\",\"name\":\"Release 1.4\",\"ref\":\"release-1-4\","
                    + "\"status\":\"OPEN\",\"scope_id\":\"" + SCOPE + "\",\"assignees_ids\":[]}]}");
        }
        if (path.equals("/api/associations.json?activity=" + ACTIVITY + "&limit=100")) {
            return json(200, "{\"results\":[" + association(REPORT) + "," + association(NOTES) + "," + association(LOG) + "]}");
        }
        if (path.startsWith("/api/v3/parts.json?id__in=" + PART + "&")) {
            return json(200, "{\"count\":1,\"next\":null,\"results\":[{\"id\":\"" + PART + "\",\"name\":\"Release\",\"properties\":["
                    + property(REPORT, "Test report", "ATTACHMENT_VALUE", value(REPORT)) + ","
                    + property(NOTES, "Notes", "TEXT_VALUE", "\"ok\"") + ","
                    + property(LOG, "Build log", "ATTACHMENT_VALUE", value(LOG)) + "]}]}");
        }
        for (String id : List.of(REPORT, LOG)) {
            if (request.getMethod().equals("HEAD") && path.equals("/api/v3/properties/" + id + "/download")) {
                Upload held = files.get(id);
                return held == null ? json(404, "{\"results\":[{\"detail\":\"Not found.\"}]}")
                        : new MockResponse().setHeader("Content-Type", "text/plain").setHeader("Content-Length", held.bytes().size());
            }
            if (request.getMethod().equals("POST") && path.equals("/api/v3/properties/" + id + "/upload")) {
                files.put(id, upload(request));
                return json(200, "{\"results\":[{\"id\":\"" + id + "\",\"name\":\"property\"}]}");
            }
        }
        return json(404, "{\"results\":[{\"detail\":\"Not found.\"}]}");
    }

    private static String association(String property) {
        return "{\"id\":\"a-" + property + "\",\"activity\":\"" + ACTIVITY + "\",\"instance_property\":\"" + property
                + "\",\"instance_part\":\"" + PART + "\",\"writable\":true}";
    }

    private static String property(String id, String name, String type, String value) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"property_type\":\"" + type + "\",\"value\":" + value + "}";
    }

    /** An attachment property's value: {@code attachments/<id>/<file name>}, or null. */
    private String value(String property) {
        Upload held = files.get(property);
        return held == null ? "null" : "\"attachments/" + property + "/" + held.filename() + "\"";
    }

    /** The {@code part} field and the {@code attachment} file of a multipart upload. */
    private static Upload upload(RecordedRequest request) {
        String part = null;
        String filename = null;
        ByteString bytes = null;
        MediaType type = MediaType.get(request.getHeader("Content-Type"));
        try (MultipartReader reader = new MultipartReader(request.getBody(), type.parameter("boundary"))) {
            for (MultipartReader.Part field; (field = reader.nextPart()) != null; ) {
                String disposition = field.headers().get("Content-Disposition");
                if (disposition.contains("name=\"part\"")) {
                    part = field.body().readUtf8();
                } else if (disposition.contains("name=\"attachment\"")) {
                    filename = disposition.replaceAll(".*filename=\"([^\"]*)\".*", "$1");
                    bytes = field.body().readByteString();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Upload(part, filename, bytes);
    }

    /**
     * KE-chain's answer for the execution; its {@code url} is on the server the client called (its {@code Host}), as
     * the client keeps no link to another host.
     */
    private String execution(RecordedRequest request) {
        return "{\"id\":\"" + EXECUTION + "\",\"url\":\"" + executionUrl("http://" + request.getHeader("Host") + "/") + "\",\"service\":\"" + SERVICE
                + "\",\"service_name\":\"Gears\",\"status\":\"" + status + "\",\"username\":\"jenkins\"}";
    }

    /** Where KE-chain says the execution is, for a server at {@code baseUrl} (ending in a slash). */
    public static String executionUrl(String baseUrl) {
        return baseUrl + "executions/" + EXECUTION;
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }
}
