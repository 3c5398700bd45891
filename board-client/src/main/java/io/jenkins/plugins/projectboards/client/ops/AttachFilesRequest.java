package io.jenkins.plugins.projectboards.client.ops;

import io.jenkins.plugins.projectboards.client.AttachmentUpload;
import java.util.List;

/**
 * The arguments of the {@code attachFile} step.
 *
 * @param card id, {@code #id}, reference or card URL
 * @param board board name or id; needed only to find a card by reference
 * @param property the attachment property (name or id) the file goes into, for vendors that keep files in fields
 *     (KE-chain); {@code null} or blank: the card's only one. Refused for the other vendors
 * @param files the files to upload, each opened only while it is sent
 * @param maxFileBytes the largest file the connection allows; every file is checked before the first is sent
 */
public record AttachFilesRequest(String card, String board, String property, List<AttachmentUpload> files, long maxFileBytes,
        boolean dryRun) {

    public AttachFilesRequest {
        files = List.copyOf(files);
    }
}
