package io.jenkins.plugins.projectboards.client.projectplace;

import io.jenkins.plugins.projectboards.client.NotSupportedException;
import io.jenkins.plugins.projectboards.client.Vendor;

/**
 * Card attachments, which Projectplace's published API cannot make. What Planview publishes uploads a file only into a
 * workspace's document archive ({@code POST /2/documents/{container}/upload}, Projectplace/api-code-examples
 * {@code py-upload-document}); a board names an {@code attachment_container_id} (the Power Automate connector's board
 * schema) and a card lists {@code all_attachments}, but no published request links a document to a card, and
 * uploading into the board's container would leave the file on no card. So attaching and listing say so, with what
 * to do instead (docs/projectplace.md, "Attachments", lists the sources checked).
 */
final class ProjectplaceAttachments {
    private ProjectplaceAttachments() {}

    static NotSupportedException notSupported(String operation) {
        return new NotSupportedException(Vendor.PROJECTPLACE, operation, "Projectplace publishes no API request that"
                + " puts a file on a card (its API uploads files only into a workspace's document archive); keep the file"
                + " in Jenkins (archiveArtifacts) and put its link on the card with commentOnTask or updateCard");
    }
}
