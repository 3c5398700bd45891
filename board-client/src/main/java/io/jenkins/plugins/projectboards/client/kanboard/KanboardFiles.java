package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Attachment;
import io.jenkins.plugins.projectboards.client.AttachmentUpload;
import io.jenkins.plugins.projectboards.client.AttachmentUploads;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.Links;
import io.jenkins.plugins.projectboards.client.http.HttpListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Task files: {@code getAllTaskFiles} and {@code createTaskFile}, whose file is a base64 string inside the JSON-RPC
 * body (streamed, see {@link KanboardBlobBody}). Base64 makes the body a third larger than the file; Kanboard 1.2.53
 * (the official image) took a 40 MiB file in one call, and a server's PHP {@code post_max_size} and
 * {@code memory_limit} are what bound it.
 */
public final class KanboardFiles {
    private final KanboardTransport transport;
    private final String baseUrl;
    private final HttpListener listener;

    KanboardFiles(KanboardTransport transport, String baseUrl, ClientOptions options) {
        this.transport = transport;
        this.baseUrl = baseUrl;
        this.listener = options.listener();
    }

    /** The task's files: name, id, size and download link. */
    public List<Attachment> list(String taskId) {
        JsonNode files = transport.call(listCall(taskId));
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode file : files) {
            String id = file.path("id").asText();
            attachments.add(new Attachment(file.path("name").asText(), id, file.path("size").asLong(),
                    downloadUrl(taskId, id)));
        }
        return attachments;
    }

    /**
     * Uploads a file to the task; a lost answer is recovered from {@link #list} (name and size), never by sending
     * the file twice blindly.
     */
    public Attachment upload(String projectId, String taskId, AttachmentUpload file) {
        return AttachmentUploads.sendOnce(listener, file, () -> {
            String id = transport.callWithBlob(uploadCall(projectId, taskId, file.name()), file).asText();
            return new Attachment(file.name(), id, file.size(), downloadUrl(taskId, id));
        }, () -> list(taskId));
    }

    static KanboardCall listCall(String taskId) {
        return KanboardCall.idempotent("getAllTaskFiles").with("task_id", Long.parseLong(taskId));
    }

    /** {@code createTaskFile} without its {@code blob}, which {@link KanboardTransport#callWithBlob} adds last. */
    static KanboardCall uploadCall(String projectId, String taskId, String filename) {
        return KanboardCall.once("createTaskFile")
                .with("project_id", Long.parseLong(projectId))
                .with("task_id", Long.parseLong(taskId))
                .with("filename", filename);
    }

    /** The file's download page in Kanboard's web interface (it needs a signed-in browser, like the task's page). */
    private String downloadUrl(String taskId, String fileId) {
        return Links.safe(baseUrl + "/?controller=FileViewerController&action=download&task_id=" + taskId
                + "&file_id=" + fileId, baseUrl);
    }
}
