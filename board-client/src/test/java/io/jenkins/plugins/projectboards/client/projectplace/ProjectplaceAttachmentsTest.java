package io.jenkins.plugins.projectboards.client.projectplace;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.NotSupportedException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.testing.Uploads;
import org.junit.Test;

/**
 * Projectplace publishes no request that puts a file on a card (docs/projectplace.md, "Attachments"): attaching and
 * listing say so, with what to do instead, and ask the server nothing.
 */
public class ProjectplaceAttachmentsTest extends ProjectplaceTestSupport {
    private static final String WHY = "Projectplace publishes no API request that puts a file on a card (its API"
            + " uploads files only into a workspace's document archive); keep the file in Jenkins (archiveArtifacts)"
            + " and put its link on the card with commentOnTask or updateCard";

    private final Card card = new Card(Vendor.PROJECTPLACE, "18776663", "Release 1.2", null, new BoardRef("1358069", "Ops/Board"),
            new ColumnRef("1", "Doing"), null);

    @Test
    public void attachingSaysWhyItCannotAndWhatToDoInstead() {
        NotSupportedException e = assertThrows(NotSupportedException.class,
                () -> client().attach(card, Uploads.text("report.html", "<h1>Report</h1>")));
        assertEquals("Projectplace attach file: " + WHY, e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    public void listingSaysTheSame() {
        NotSupportedException e = assertThrows(NotSupportedException.class, () -> client().attachments(card));
        assertEquals("Projectplace list attachments: " + WHY, e.getMessage());
        assertEquals(0, server.getRequestCount());
    }
}
