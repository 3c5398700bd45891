package io.jenkins.plugins.projectboards.client.ops;

import io.jenkins.plugins.projectboards.client.Attachment;
import io.jenkins.plugins.projectboards.client.AttachmentField;
import io.jenkins.plugins.projectboards.client.Card;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code attachFile} did.
 *
 * @param card the card the files are on
 * @param attachments one per file, in the request's order
 */
public record AttachFilesResult(Card card, List<AttachedFile> attachments, boolean dryRun) {

    /**
     * One file's outcome.
     *
     * @param attachment the attachment on the card; in a dry run, for a file not there yet, its name and size only
     * @param uploaded whether it was sent (in a dry run: would be sent); {@code false} when the card already had a
     *     file of the same name and size (a re-run)
     * @param field the field the file went into, as it was before (so with the file the upload replaced), for vendors
     *     that keep files in fields (KE-chain's attachment properties); {@code null} for the others
     */
    public record AttachedFile(Attachment attachment, boolean uploaded, AttachmentField field) {

        /** The name of the file this upload replaced in its field, or {@code null} when it replaced none. */
        public String replaced() {
            return uploaded && field != null && field.file() != null ? field.file().name() : null;
        }
    }

    public AttachFilesResult {
        attachments = List.copyOf(attachments);
    }

    /**
     * The card's {@link CardCore core}, then {@code card} (its id, as the other card steps return it) and
     * {@code attachments}: a list of {@code [name, id, url, size, uploaded]}, with {@code property} (the field's name)
     * for a file put in a field.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = CardCore.of(card, dryRun);
        map.put("card", card.id());
        List<Map<String, Object>> files = new ArrayList<>();
        for (AttachedFile file : attachments) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", file.attachment().name());
            entry.put("id", file.attachment().id());
            entry.put("url", file.attachment().url());
            entry.put("size", file.attachment().size());
            entry.put("uploaded", file.uploaded());
            if (file.field() != null) {
                entry.put("property", file.field().name());
            }
            files.add(entry);
        }
        map.put("attachments", files);
        return map;
    }
}
