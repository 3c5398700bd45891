package io.jenkins.plugins.projectboards.client.kechain;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Attachment;
import io.jenkins.plugins.projectboards.client.AttachmentField;
import io.jenkins.plugins.projectboards.client.AttachmentUpload;
import io.jenkins.plugins.projectboards.client.AttachmentUploads;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.Links;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.HttpListener;
import io.jenkins.plugins.projectboards.client.http.HttpResult;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.MultipartBody;

/**
 * An activity's files, as pykechain 4.16 reaches them: a file is the value of an attachment property
 * ({@code property_type} {@code ATTACHMENT_VALUE}), which holds one file, and an activity's properties are those its
 * form associates with it ({@code GET api/associations.json?activity=…}); the writable ones are where a task's
 * results go. A property's value is a path, {@code attachments/<property id>/<file name>}; its size is not in it, so
 * it is read from the download's headers. An upload ({@code POST api/v3/properties/{id}/upload}, multipart: the
 * {@code part} the property belongs to, then the file as {@code attachment}) replaces the file the property held.
 */
public final class KechainAttachments {
    private static final String ATTACHMENT = "ATTACHMENT_VALUE";
    /** As many parts as pykechain asks for by {@code id__in} in one request. */
    private static final int PARTS_PER_REQUEST = 50;
    /**
     * What a part listing returns. KE-chain applies the list to the properties inside each part too (pykechain's own
     * list names property fields such as {@code value}), so the property fields read here are in it.
     */
    private static final String PART_FIELDS = "id,name,properties,property_type,value";
    private static final String PROPERTY_FIELDS = "id,name,property_type,value,part_id";

    private final KechainTransport transport;
    private final HttpListener listener;

    KechainAttachments(KechainTransport transport, ClientOptions options) {
        this.transport = transport;
        this.listener = options.listener();
    }

    /**
     * The activity's writable attachment properties, in the order of its associations (the form's), each with the
     * file it holds.
     */
    public List<AttachmentField> fields(String activityId) {
        Set<String> writable = new LinkedHashSet<>();
        Set<String> parts = new LinkedHashSet<>();
        for (JsonNode association : transport.list("api/associations.json", KechainTransport.query("activity", activityId))) {
            if (association.path("writable").asBoolean(false)) {
                writable.add(association.path("instance_property").asText());
                parts.add(association.path("instance_part").asText());
            }
        }
        Map<String, AttachmentField> byId = new LinkedHashMap<>();
        List<String> partIds = new ArrayList<>(parts);
        for (int from = 0; from < partIds.size(); from += PARTS_PER_REQUEST) {
            String ids = String.join(",", partIds.subList(from, Math.min(from + PARTS_PER_REQUEST, partIds.size())));
            for (JsonNode part : transport.list("api/v3/parts.json",
                    KechainTransport.query("id__in", ids, "category", "INSTANCE", "fields", PART_FIELDS))) {
                String partId = Json.require(Vendor.KECHAIN, "read part", part, "id").asText();
                for (JsonNode property : part.path("properties")) {
                    String id = property.path("id").asText();
                    if (writable.contains(id) && ATTACHMENT.equals(property.path("property_type").asText())) {
                        String name = Json.text(property, "name");
                        // KE-chain names every property; one that came without a name could still be named by its id.
                        byId.put(id, new AttachmentField(id, name == null ? id : name, partId, file(property)));
                    }
                }
            }
        }
        return writable.stream().filter(byId::containsKey).map(byId::get).toList();
    }

    /**
     * Uploads a file into the property, replacing the one it held; a lost answer is recovered from what the property
     * holds then (name and size), never by sending the file twice blindly.
     */
    public Attachment upload(AttachmentField property, AttachmentUpload file) {
        String path = "api/v3/properties/" + property.id() + "/upload";
        return AttachmentUploads.sendOnce(listener, file, () -> {
            // As pykechain's requests sends it: the form field first, then the file without a Content-Type of its own.
            MultipartBody body = new MultipartBody.Builder()
                    .setType(MultipartBody.FORM)
                    .addFormDataPart("part", property.owner())
                    .addFormDataPart("attachment", file.name(), AttachmentUploads.streamed(file, null))
                    .build();
            // The answer names the property, not the file: {"results":[{"id": <property>, "name": <property's name>}]}.
            KechainTransport.first("POST " + path, transport.json("POST", path, Map.of(), body, false));
            return new Attachment(file.name(), property.id(), file.size(), downloadUrl(property.id()));
        }, () -> held(property.id()));
    }

    /** The file the property holds now, read again: none, or the one. */
    private List<Attachment> held(String propertyId) {
        JsonNode property = KechainTransport.first("GET property", transport.json("GET", "api/v3/properties/" + propertyId + ".json",
                KechainTransport.query("fields", PROPERTY_FIELDS), null, true));
        Attachment file = file(property);
        return file == null ? List.of() : List.of(file);
    }

    /** The file an attachment property holds, named by the last segment of its value; {@code null} when empty. */
    private Attachment file(JsonNode property) {
        String value = Json.text(property, "value");
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = property.path("id").asText();
        return new Attachment(value.substring(value.lastIndexOf('/') + 1), id, size(id), downloadUrl(id));
    }

    /**
     * The length of the file the property holds, from its download's {@code Content-Length} (KE-chain's download
     * answers {@code HEAD}); -1 when the answer does not say, and then no file counts as the same one, so a re-run
     * sends its file again, which replaces the property's file with itself.
     */
    private long size(String propertyId) {
        HttpResult answer = transport.head("api/v3/properties/" + propertyId + "/download");
        String length = answer.isSuccessful() ? answer.header("Content-Length") : null;
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException notALength) {
            return -1;
        }
    }

    /** The file's download; it needs KE-chain's sign-in, as the activity's page does. */
    private String downloadUrl(String propertyId) {
        return Links.safe(transport.baseUrl() + "api/v3/properties/" + propertyId + "/download", transport.baseUrl());
    }
}
