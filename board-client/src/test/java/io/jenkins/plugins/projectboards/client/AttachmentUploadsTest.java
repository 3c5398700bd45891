package io.jenkins.plugins.projectboards.client;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.Test;

/** Sizes as the console shows them: exact bytes, then a rounded size, the same in every locale. */
public class AttachmentUploadsTest {

    @Test
    public void sizesReadTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            for (Locale locale : List.of(Locale.US, Locale.GERMANY, Locale.FRANCE, Locale.forLanguageTag("hi-IN-u-nu-deva"))) {
                Locale.setDefault(locale);
                assertEquals(locale.toString(), "0 bytes", AttachmentUploads.describeSize(0));
                assertEquals(locale.toString(), "1023 bytes", AttachmentUploads.describeSize(1023));
                assertEquals(locale.toString(), "2048 bytes, 2.0 KiB", AttachmentUploads.describeSize(2048));
                assertEquals(locale.toString(), "1048575 bytes, 1024.0 KiB", AttachmentUploads.describeSize(1024 * 1024 - 1));
                assertEquals(locale.toString(), "5242880 bytes, 5.0 MiB", AttachmentUploads.describeSize(5L * 1024 * 1024));
                assertEquals(locale.toString(), "10485761 bytes, 10.0 MiB", AttachmentUploads.describeSize(10L * 1024 * 1024 + 1));
            }
        } finally {
            Locale.setDefault(before);
        }
    }
}
