package io.jenkins.plugins.projectboards.client.planka;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Attachment;
import io.jenkins.plugins.projectboards.client.AttachmentUpload;
import io.jenkins.plugins.projectboards.client.AttachmentUploads;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.Links;
import io.jenkins.plugins.projectboards.client.http.HttpListener;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.MultipartBody;

/**
 * Card attachments: listed from {@code GET /api/cards/{id}} ({@code included.attachments}, the files among them),
 * uploaded with {@code POST /api/cards/{id}/attachments} as {@code multipart/form-data} with the fields Planka 2
 * reads: {@code type=file}, {@code name}, and the file in {@code file}, streamed.
 */
public final class PlankaAttachments {
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    private final PlankaTransport transport;
    private final String baseUrl;
    private final HttpListener listener;

    PlankaAttachments(PlankaTransport transport, String baseUrl, ClientOptions options) {
        this.transport = transport;
        this.baseUrl = baseUrl;
        this.listener = options.listener();
    }

    /** The card's files (links, Planka's other kind of attachment, are left out). */
    public List<Attachment> list(String cardId) {
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode attachment : transport.get("cards/" + cardId).path("included").path("attachments")) {
            if ("file".equals(attachment.path("type").asText())) {
                attachments.add(attachment(attachment));
            }
        }
        return attachments;
    }

    /**
     * Uploads a file to the card; a lost answer is recovered from {@link #list} (name and size), never by sending
     * the file twice blindly.
     */
    public Attachment upload(String cardId, AttachmentUpload file) {
        return AttachmentUploads.sendOnce(listener, file, () -> {
            MultipartBody body = new MultipartBody.Builder()
                    .setType(MultipartBody.FORM)
                    .addFormDataPart("type", "file")
                    .addFormDataPart("name", file.name())
                    .addFormDataPart("file", file.name(), AttachmentUploads.streamed(file, OCTET_STREAM))
                    .build();
            return attachment(transport.sendBody("POST", "cards/" + cardId + "/attachments", body, false).path("item"));
        }, () -> list(cardId));
    }

    private Attachment attachment(JsonNode item) {
        JsonNode data = item.path("data");
        return new Attachment(item.path("name").asText(), item.path("id").asText(), data.path("size").asLong(),
                Links.safe(data.path("url").asText(null), baseUrl));
    }
}
