package io.jenkins.plugins.projectboards.client;

/**
 * A file on a card.
 *
 * @param id the vendor's id of the attachment
 * @param size its length in bytes
 * @param url where it is downloaded (checked with {@link Links#safe}), or {@code null}
 */
public record Attachment(String name, String id, long size, String url) {

    /** Whether this is the file {@code upload} would make: same name and same size (how a re-run recognises it). */
    public boolean sameFileAs(AttachmentUpload upload) {
        return name.equals(upload.name()) && size == upload.size();
    }
}
